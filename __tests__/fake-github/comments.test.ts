import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import {
  MAX_COMMENT_CHARS,
  startFakeGitHub,
  type FakeGitHub
} from '../support/fake-github/index.js'
import { createTestOctokit, rejectionOf } from './clients.js'
import { assertConformingResponses } from './test-helpers.js'

const MARKER = '<!-- release-audit -->'

describe('fake GitHub issue comments', () => {
  let fake: FakeGitHub
  let octokit: ReturnType<typeof createTestOctokit>

  beforeAll(async () => {
    fake = await startFakeGitHub({ checkResponses: true })
    octokit = createTestOctokit(fake)
  })
  afterEach(() => assertConformingResponses(fake))
  afterAll(() => fake.close())

  /** The upsert the action does: find our marker across all pages, edit it, or create one. */
  async function upsert(issue: number, body: string): Promise<number> {
    const { owner, repo } = fake
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue,
      per_page: 30
    })
    const ours = comments.find((c) => c.body?.includes(MARKER))
    if (ours) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body })
      return ours.id
    }
    return (await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body }))
      .data.id
  }

  it('creates the sticky comment once, then finds it on page 3 of 3 and edits it in place', async () => {
    for (let i = 0; i < 70; i++)
      fake.addComment({ issue: 7, body: `chatter ${i}`, user: 'octocat' })
    const first = await upsert(7, `${MARKER}\nfirst run`)
    expect(fake.comments.get(first)).toMatchObject({
      issue: 7,
      user: 'github-actions[bot]',
      body: `${MARKER}\nfirst run`
    })

    fake.requests.length = 0
    const second = await upsert(7, `${MARKER}\nsecond run`)
    expect(second).toBe(first)
    expect(fake.comments.get(first)!.body).toBe(`${MARKER}\nsecond run`)
    expect([...fake.comments.values()].filter((c) => c.issue === 7)).toHaveLength(71)
    // octokit.paginate asks for the first page without `page`, then follows rel="next".
    expect(fake.requests.map((r) => `${r.method} ${r.query.page ?? '-'} ${r.status}`)).toEqual([
      'GET - 200',
      'GET 2 200',
      'GET 3 200',
      'PATCH - 200'
    ])
    expect(fake.requests[3].body).toEqual({ body: `${MARKER}\nsecond run` })
  })

  it('sends GitHub-style Link headers that keep the other query parameters', async () => {
    for (let i = 0; i < 5; i++) fake.addComment({ issue: 8, body: `c${i}` })
    const { headers, data } = await octokit.rest.issues.listComments({
      owner: fake.owner,
      repo: fake.repo,
      issue_number: 8,
      per_page: 2,
      page: 2,
      since: '2020-01-01T00:00:00Z'
    })
    expect(data.map((c) => c.body)).toEqual(['c2', 'c3'])
    const links = Object.fromEntries(
      String(headers.link)
        .split(', ')
        .map((part) => {
          const [, url, rel] = /^<([^>]+)>; rel="(\w+)"$/.exec(part)!
          const { searchParams, pathname } = new URL(url)
          return [
            rel,
            `${pathname} ${searchParams.get('page')} ${searchParams.get('per_page')} ${searchParams.get('since')}`
          ]
        })
    )
    const path = `/repos/${fake.owner}/${fake.repo}/issues/8/comments`
    expect(links).toEqual({
      prev: `${path} 1 2 2020-01-01T00:00:00Z`,
      next: `${path} 3 2 2020-01-01T00:00:00Z`,
      last: `${path} 3 2 2020-01-01T00:00:00Z`,
      first: `${path} 1 2 2020-01-01T00:00:00Z`
    })
  })

  it('lists only comments updated at or after `since`, and refuses a `since` that is not a date-time', async () => {
    const { owner, repo } = fake
    const early = fake.addComment({ issue: 10, body: 'early' })
    const late = fake.addComment({ issue: 10, body: 'late' })
    const since = fake.comments.get(late)!.updated_at
    const listed = await octokit.rest.issues.listComments({ owner, repo, issue_number: 10, since })
    expect(listed.data.map((c) => c.id)).toEqual([late])
    expect(early).toBeLessThan(late)
    const bad = await rejectionOf(
      octokit.rest.issues.listComments({ owner, repo, issue_number: 10, since: 'yesterday' })
    )
    expect(bad).toMatchObject({
      status: 422,
      data: { errors: [{ field: 'since', message: 'must match format "date-time"' }] }
    })
  })

  it(`accepts a body of ${MAX_COMMENT_CHARS} characters and refuses one more, on create and on edit`, async () => {
    const { owner, repo } = fake
    const atLimit = 'é'.repeat(MAX_COMMENT_CHARS)
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: 9,
      body: atLimit
    })
    for (const attempt of [
      octokit.rest.issues.createComment({ owner, repo, issue_number: 9, body: `${atLimit}x` }),
      octokit.rest.issues.updateComment({ owner, repo, comment_id: data.id, body: `${atLimit}x` })
    ]) {
      const failure = await rejectionOf(attempt)
      expect(failure).toMatchObject({
        status: 422,
        data: {
          message: 'Validation Failed',
          errors: [{ message: 'Body is too long (maximum is 65536 characters)' }]
        }
      })
    }
    expect(fake.comments.get(data.id)!.body).toBe(atLimit)
  })

  it.each([
    ['per_page over 100', { per_page: '101' }, 'must be <= 100'],
    ['per_page of 0', { per_page: '0' }, 'must be >= 1'],
    ['a non-numeric page', { page: 'two' }, 'must be integer']
  ])('answers 422 to %s', async (_case, query, message) => {
    const response = await fetch(
      `${fake.url}/repos/${fake.owner}/${fake.repo}/issues/7/comments?${new URLSearchParams(query).toString()}`,
      {
        headers: { authorization: `Bearer ${fake.token}` }
      }
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({
      message: 'Invalid request.',
      errors: [{ message }]
    })
  })

  it('answers 404 when editing a comment that does not exist, and 422 to a body that is not a string', async () => {
    const { owner, repo } = fake
    expect(
      (
        await rejectionOf(
          octokit.rest.issues.updateComment({ owner, repo, comment_id: 1, body: 'x' })
        )
      ).status
    ).toBe(404)
    const wrongType = await rejectionOf(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: 7,
        body: 5 as unknown as string
      })
    )
    expect(wrongType).toMatchObject({
      status: 422,
      data: { errors: [{ field: '/body', message: 'must be string' }] }
    })
  })
})
