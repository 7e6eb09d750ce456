import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { FakeGitHub } from '../support/fake-github/index.js'

// plugin-throttling spaces writes 1 s apart and comment posts 3 s apart (module-wide Bottleneck
// groups); these tests are about the fake, not pacing, so writes are scheduled at once.
const NO_WAIT = {
  key: () => ({
    schedule: (_options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve(fn(...args))
  })
}

/** The real client stack the action uses (@actions/github + retry + throttling), retry waits of ~1 ms. */
export function createTestOctokit(fake: FakeGitHub, token = fake.token) {
  return getOctokit(
    token,
    {
      baseUrl: fake.url,
      retry: { retryAfterBaseValue: 1 },
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: () => false,
        write: NO_WAIT as never,
        notifications: NO_WAIT as never
      }
    },
    retry,
    throttling
  )
}

export interface Rejection {
  status: number
  message: string
  data: unknown
}

/** What a request that must fail failed with (octokit's RequestError carries status and response). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Rejection> {
  try {
    await promise
  } catch (error) {
    const e = error as { status?: number; message?: string; response?: { data?: unknown } }
    return { status: e.status ?? -1, message: String(e.message), data: e.response?.data }
  }
  throw new Error('expected the request to fail, it succeeded')
}

export const SHA = 'a'.repeat(40)
