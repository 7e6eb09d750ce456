import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js'
import { createTestOctokit, rejectionOf, SHA } from './clients.js'
import { assertConformingResponses } from './test-helpers.js'

const CREATE = 'POST /repos/{owner}/{repo}/check-runs'

describe('fake GitHub auth, unknown routes, forced failures and recording', () => {
  let fake: FakeGitHub
  let octokit: ReturnType<typeof createTestOctokit>

  beforeAll(async () => {
    fake = await startFakeGitHub({ owner: 'acme', repo: 'widgets', checkResponses: true })
    octokit = createTestOctokit(fake)
  })
  afterEach(() => {
    assertConformingResponses(fake)
    fake.requests.length = 0
  })
  afterAll(() => fake.close())

  const create = () =>
    octokit.rest.checks.create({
      owner: 'acme',
      repo: 'widgets',
      name: 'release-audit',
      head_sha: SHA
    })

  it.each([
    ['no token', {}, 'Requires authentication'],
    ['a wrong token', { authorization: 'token nope' }, 'Bad credentials'],
    ['an unknown scheme', { authorization: 'Basic abc' }, 'Bad credentials']
  ])('answers 401 to %s', async (_case, headers: Record<string, string>, message) => {
    const response = await fetch(`${fake.url}/repos/acme/widgets`, { headers })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ message, status: '401' })
  })

  it('answers 404 in GitHub’s shape to unknown routes, other repos and unknown methods', async () => {
    for (const [method, url] of [
      ['GET', '/repos/acme/widgets/pulls/1'],
      ['GET', '/repos/someone/else'],
      ['DELETE', '/repos/acme/widgets'],
      ['GET', '/nothing']
    ]) {
      const response = await fetch(`${fake.url}${url}`, {
        method,
        headers: { authorization: `token ${fake.token}` }
      })
      expect([method, url, response.status]).toEqual([method, url, 404])
      expect(await response.json()).toEqual({
        message: 'Not Found',
        documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\/rest/),
        status: '404'
      })
    }
    // Owner and repository names are case-insensitive, as on GitHub.
    expect((await octokit.rest.repos.get({ owner: 'ACME', repo: 'Widgets' })).status).toBe(200)
  })

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${fake.url}/repos/acme/widgets/check-runs`, {
      method: 'POST',
      headers: { authorization: `token ${fake.token}`, 'content-type': 'application/json' },
      body: '{"name": '
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ message: 'Problems parsing JSON' })
    expect(fake.requests[0].body).toBe('{"name": ')
  })

  it('fails the next requests as told; plugin-retry retries the 502s and the third attempt succeeds', async () => {
    fake.failNext(CREATE, 502, 2)
    const { status } = await create()
    expect(status).toBe(201)
    expect(fake.requests.map((r) => r.status)).toEqual([502, 502, 201])
    expect(fake.checkRuns.size).toBe(1)
  })

  it('queues failures in order and accepts any placeholder names in the route', async () => {
    fake.failNext('POST /repos/{o}/{r}/check-runs', 500)
    fake.failNext(CREATE, 422, 1, { message: 'Validation Failed', errors: [{ code: 'custom' }] })
    const failure = await rejectionOf(create())
    expect(failure).toMatchObject({ status: 422, data: { message: 'Validation Failed' } })
    expect(fake.requests.map((r) => r.status)).toEqual([500, 422])
    expect((await create()).status).toBe(201)
  })

  it('denies a route persistently (a fork PR token), without retries, and names unknown routes', async () => {
    fake.deny(CREATE, 403)
    for (let i = 0; i < 2; i++) {
      const failure = await rejectionOf(create())
      expect(failure).toMatchObject({
        status: 403,
        data: { message: 'Resource not accessible by integration' }
      })
    }
    expect(fake.requests.map((r) => r.status)).toEqual([403, 403])
    expect((await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })).status).toBe(200)
    expect(() => fake.deny('POST /repos/{owner}/{repo}/check-run', 403)).toThrow(
      /no route 'POST \/repos\/\{owner\}\/\{repo\}\/check-run'/
    )
    expect(() => fake.failNext('GET /nowhere', 500)).toThrow(/no route/)
  })

  it('records method, path, query, body and status, and never the token', async () => {
    await octokit.rest.issues.createComment({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 3,
      body: 'hello'
    })
    await octokit.rest.issues.listComments({
      owner: 'acme',
      repo: 'widgets',
      issue_number: 3,
      per_page: 5
    })
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: '/repos/acme/widgets/issues/3/comments',
        query: {},
        body: { body: 'hello' },
        status: 201,
        route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
      },
      {
        method: 'GET',
        path: '/repos/acme/widgets/issues/3/comments',
        query: { per_page: '5' },
        body: undefined,
        status: 200,
        route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
      }
    ])
    expect(JSON.stringify(fake.requests)).not.toContain(fake.token)
  })

  it('reports visibility as set', async () => {
    expect((await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })).data).toMatchObject({
      private: true,
      visibility: 'private'
    })
    fake.setRepo({ visibility: 'public' })
    expect((await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })).data).toMatchObject({
      private: false,
      visibility: 'public'
    })
  })
})
