import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { inspect } from 'node:util'
import type { GitHubClient } from '../../src/github/client.js'
import { createClient } from '../../src/github/client.js'
import { upsertComment } from '../../src/github/comment.js'
import { PermissionError } from '../../src/github/errors.js'
import { MAX_COMMENT_CHARS } from '../../src/github/limits.js'
import { commentMarker, renderComment } from '../../src/report/markdown.js'
import { startFakeGitHub } from '../support/fake-github/index.js'
import type { FakeGitHub } from '../support/fake-github/index.js'
import { makeReport, manyFindings, SAMPLE_ARTIFACTS } from '../report/markdown-fixtures.js'

const PR = 5
const MARKER = commentMarker('release-audit')
const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'

let fake: FakeGitHub
let client: GitHubClient

beforeEach(async () => {
  fake = await startFakeGitHub({ checkResponses: true })
  client = createClient(fake.token, { baseUrl: fake.url })
})
afterEach(async () => {
  const problems = fake.responseProblems.splice(0)
  await fake.close()
  if (problems.length > 0)
    throw new Error(`fake GitHub answered outside the spec:\n${problems.join('\n')}`)
})

const upsert = (body: string, marker = MARKER) =>
  upsertComment(client, { owner: fake.owner, repo: fake.repo, issueNumber: PR, marker, body })
const onPr = () => [...fake.comments.values()].filter((c) => c.issue === PR)
const calls = () => fake.requests.map((r) => `${r.method} ${r.status}`)

describe('upsertComment', () => {
  it('creates the comment once, then edits the same one on every re-run', async () => {
    const report = makeReport(manyFindings(12), SAMPLE_ARTIFACTS)
    const first = await upsert(
      renderComment(report, { failOn: 'error', checkName: 'release-audit' })
    )
    expect(first).toMatchObject({ action: 'created' })
    expect(first.url).toMatch(/^https:\/\/github\.com\/.+#issuecomment-\d+$/)

    const again = await upsert(
      renderComment(report, { failOn: 'warning', checkName: 'release-audit' })
    )
    const third = await upsert(`${MARKER}\nthird run`)
    expect(again).toEqual({ id: first.id, url: first.url, action: 'updated' })
    expect(third.id).toBe(first.id)
    expect(onPr()).toHaveLength(1)
    expect(onPr()[0].body).toBe(`${MARKER}\nthird run`)
    expect(calls()).toEqual(['GET 200', 'POST 201', 'GET 200', 'PATCH 200', 'GET 200', 'PATCH 200'])
  })

  it('finds its comment on a later page, asking for 100 comments a page', async () => {
    for (let i = 0; i < 230; i++)
      fake.addComment({ issue: PR, body: `chatter ${i}`, user: 'octocat' })
    const ours = fake.addComment({ issue: PR, body: `${MARKER}\nold` })
    const result = await upsert(`${MARKER}\nnew`)
    expect(result).toMatchObject({ id: ours, action: 'updated' })
    const lists = fake.requests.filter((r) => r.route === LIST)
    expect(lists.map((r) => [r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3']
    ])
    expect(fake.comments.get(ours)!.body).toBe(`${MARKER}\nnew`)
  })

  it("prefers the bot's own comment over someone else's that quotes the marker", async () => {
    const quoted = fake.addComment({
      issue: PR,
      body: `why does ${MARKER} show up?`,
      user: 'octocat'
    })
    const ours = fake.addComment({ issue: PR, body: `${MARKER}\nold` })
    expect((await upsert(`${MARKER}\nnew`)).id).toBe(ours)
    expect(fake.comments.get(quoted)!.body).toBe(`why does ${MARKER} show up?`)
  })

  it("posts its own comment when the only marked one is someone else's that it may not edit", async () => {
    const theirs = fake.addComment({ issue: PR, body: `${MARKER} copied by hand`, user: 'octocat' })
    fake.deny(UPDATE, 403)
    const result = await upsert(`${MARKER}\nreport`)
    expect(result.action).toBe('created')
    expect(result.id).not.toBe(theirs)
    expect(onPr()).toHaveLength(2)
  })

  it('posts a new comment when its comment was deleted since the listing', async () => {
    fake.addComment({ issue: PR, body: `${MARKER}\nold` })
    fake.failNext(UPDATE, 404)
    const result = await upsert(`${MARKER}\nnew`)
    expect(result.action).toBe('created')
    expect(calls()).toEqual(['GET 200', 'PATCH 404', 'POST 201'])
  })

  it('adds the marker when the body lacks it, so the next run finds the comment', async () => {
    const first = await upsert('no marker here')
    expect(fake.comments.get(first.id)!.body).toBe(`${MARKER}\nno marker here`)
    expect((await upsert('still none')).id).toBe(first.id)
  })

  it('cuts a body over the limit instead of having it refused', async () => {
    const result = await upsert(`${MARKER}\n` + '名'.repeat(MAX_COMMENT_CHARS))
    const body = fake.comments.get(result.id)!.body
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body.startsWith(MARKER)).toBe(true)
    expect(body).toMatch(/名\n\n… \(cut to fit GitHub’s comment limit\)\n$/)
  })

  it.each([
    ['creating', CREATE, 403],
    ['listing', LIST, 404]
  ] as const)(
    'turns a refusal when %s into a PermissionError naming pull-requests: write',
    async (_what, route, status) => {
      fake.deny(route, status)
      const error = await upsert(`${MARKER}\nx`).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PermissionError)
      expect(error).toMatchObject({ status, permission: 'pull-requests: write' })
      expect((error as Error).message).toContain('`pull-requests: write`')
      expect(inspect(error)).not.toContain(fake.token)
    }
  )
})
