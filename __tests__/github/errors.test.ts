import { describe, expect, it } from '@jest/globals'
import { inspect } from 'node:util'
import { createClient } from '../../src/github/client.js'
import type { GitHubCall } from '../../src/github/errors.js'
import {
  GitHubApiError,
  PermissionError,
  redactTokens,
  toGitHubError
} from '../../src/github/errors.js'
import { startFakeGitHub } from '../support/fake-github/index.js'

const CALL: GitHubCall = { action: 'create the check run', permission: 'checks: write' }
const TOKEN = ['gh', 's_', 'Q'.repeat(36)].join('')

/** The shape @octokit/request-error gives a failed call (request headers included). */
function octokitError(status: number, data: unknown, headers: Record<string, string> = {}) {
  return Object.assign(new Error('HttpError'), {
    status,
    request: {
      method: 'POST',
      url: 'https://api.github.com/repos/o/r/check-runs',
      headers: { authorization: `token ${TOKEN}` }
    },
    response: { status, url: '', headers, data }
  })
}

describe('toGitHubError', () => {
  it.each([
    [
      403,
      { message: 'Resource not accessible by integration' },
      {},
      PermissionError,
      /^GitHub refused to create the check run \(403 Resource not accessible by integration\): the token needs `checks: write`/
    ],
    [
      404,
      { message: 'Not Found' },
      {},
      PermissionError,
      /\(404 Not Found\) \(GitHub answers 404 when the token cannot see/
    ],
    [
      403,
      { message: 'API rate limit exceeded for installation.' },
      { 'x-ratelimit-remaining': '0' },
      GitHubApiError,
      /rate limit was still exceeded after waiting \(403 API rate limit exceeded/
    ],
    [
      403,
      { message: 'You have exceeded a secondary rate limit.' },
      {},
      GitHubApiError,
      /secondary rate limit/
    ],
    [429, { message: 'Too many requests' }, {}, GitHubApiError, /rate limit/],
    [
      422,
      {
        message: 'Invalid request.',
        errors: ['No more than 50 items are allowed; 51 were supplied.']
      },
      {},
      GitHubApiError,
      /^Could not create the check run: GitHub answered 422 Invalid request\.: No more than 50 items are allowed; 51 were supplied\.$/
    ],
    [
      422,
      {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'CheckRun',
            code: 'custom',
            field: 'summary',
            message: 'summary exceeds a maximum bytesize of 65535'
          }
        ]
      },
      {},
      GitHubApiError,
      /Validation Failed: summary exceeds a maximum bytesize of 65535$/
    ],
    [
      502,
      'Bad Gateway',
      {},
      GitHubApiError,
      /^Could not create the check run: GitHub answered 502 HttpError$/
    ]
  ])('classifies %i %j', (status, data, headers, type, message) => {
    const error = toGitHubError(octokitError(status, data, headers), CALL)
    expect(error).toBeInstanceOf(type)
    expect(error.status).toBe(status)
    expect(error.message).toMatch(message)
    for (const text of [error.message, inspect(error), JSON.stringify(error), error.stack ?? '']) {
      expect(text).not.toContain(TOKEN)
      expect(text).not.toMatch(/authorization/i)
    }
  })

  it('masks a token that GitHub (or a proxy) echoes in its message', () => {
    const error = toGitHubError(
      octokitError(500, { message: `bad credentials token ${TOKEN}` }),
      CALL
    )
    expect(error.message).toBe(
      'Could not create the check run: GitHub answered 500 bad credentials token ***'
    )
  })

  it.each([
    [
      'a network error',
      new TypeError('fetch failed'),
      'Could not create the check run: fetch failed'
    ],
    ['a thrown string', 'boom', 'Could not create the check run: boom'],
    ['undefined', undefined, 'Could not create the check run: undefined']
  ])('wraps %s without a status', (_name, thrown, message) => {
    const error = toGitHubError(thrown, CALL)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error).toMatchObject({ message, status: undefined })
  })

  it('strips the request from a real Octokit error', async () => {
    const fake = await startFakeGitHub()
    try {
      fake.deny('POST /repos/{owner}/{repo}/check-runs', 403)
      const client = createClient(fake.token, { baseUrl: fake.url })
      const raw = await client.rest.checks
        .create({ owner: fake.owner, repo: fake.repo, name: 'x', head_sha: 'a'.repeat(40) })
        .catch((e: unknown) => e)
      const error = toGitHubError(raw, CALL)
      expect(error).toBeInstanceOf(PermissionError)
      expect(Object.keys(error).sort()).toEqual(['name', 'permission', 'status'])
      expect(inspect(error, { depth: 10 })).not.toContain(fake.token)
    } finally {
      await fake.close()
    }
  })
})

describe('redactTokens', () => {
  it.each([
    ['a GitHub App token', `token ${TOKEN} here`, 'token *** here'],
    ['a fine-grained PAT', ['github', '_pat_', 'A'.repeat(30)].join(''), '***'],
    ['a bearer header', 'Authorization: Bearer abc.def.ghi', 'Authorization: Bearer ***'],
    ['a token header', 'authorization token zzz', 'authorization token ***'],
    ['plain text', 'nothing secret', 'nothing secret']
  ])('masks %s', (_name, input, output) => {
    expect(redactTokens(input)).toBe(output)
  })
})
