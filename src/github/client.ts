import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  /** REST base URL; @actions/github defaults to GITHUB_API_URL. */
  baseUrl?: string
  /** Retries after 5xx / secondary rate limits (tests lower the wait, not the behaviour). */
  retries?: number
}

const DEFAULT_RETRIES = 4

/**
 * Octokit with retries on 5xx and rate limits. plugin-retry retries server errors with backoff;
 * plugin-throttling waits out primary and secondary rate limits, a bounded number of times.
 */
export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const retries = options.retries ?? DEFAULT_RETRIES
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      // Waits 1 s, 4 s, 9 s, 16 s between attempts (plugin-retry squares the attempt number).
      retry: { retries, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      throttle: {
        onRateLimit: waitOrGiveUp('rate limit', retries),
        onSecondaryRateLimit: waitOrGiveUp('secondary rate limit', retries)
      }
    },
    retry,
    throttling
  )
}

/** plugin-throttling asks whether to wait `retryAfter` seconds and retry; yes, a bounded number of times. */
function waitOrGiveUp(limit: string, retries: number) {
  return (
    retryAfter: number,
    request: { method: string; url: string },
    _octokit: unknown,
    count: number
  ) => {
    core.warning(`GitHub ${limit} on ${request.method} ${request.url}; retrying in ${retryAfter}s`)
    return count < retries
  }
}
