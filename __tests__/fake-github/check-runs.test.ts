import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startFakeGitHub,
  type CheckRunAnnotation,
  type FakeGitHub
} from '../support/fake-github/index.js'
import { createTestOctokit, rejectionOf, SHA } from './clients.js'
import { assertConformingResponses } from './test-helpers.js'

const CREATE = 'POST /repos/{owner}/{repo}/check-runs'
const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}'

function annotations(count: number, from = 1): CheckRunAnnotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/file-${from + i}.ts`,
    start_line: from + i,
    end_line: from + i,
    annotation_level: 'failure',
    message: `finding ${from + i}`
  }))
}

describe('fake GitHub check runs', () => {
  let fake: FakeGitHub
  let octokit: ReturnType<typeof createTestOctokit>

  beforeAll(async () => {
    fake = await startFakeGitHub({ checkResponses: true })
    octokit = createTestOctokit(fake)
  })
  afterEach(() => assertConformingResponses(fake))
  afterAll(() => fake.close())

  it('creates with 50 annotations, refuses 51 in one update, then appends the next 50 and completes', async () => {
    const { owner, repo } = fake
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'release-audit',
      head_sha: SHA,
      status: 'in_progress',
      output: { title: 'Auditing', summary: 'started', annotations: annotations(50) }
    })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({
      name: 'release-audit',
      head_sha: SHA,
      status: 'in_progress'
    })

    const tooMany = await rejectionOf(
      octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: created.data.id,
        output: { title: 'Auditing', summary: 'more', annotations: annotations(51, 51) }
      })
    )
    expect(tooMany.status).toBe(422)
    expect(tooMany.data).toMatchObject({
      message: 'Invalid request.',
      errors: [{ field: '/output/annotations', message: 'must NOT have more than 50 items' }]
    })

    const done = await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: '100 findings', summary: 'done', annotations: annotations(50, 51) }
    })
    expect(done.data).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(done.data.output.annotations_count).toBe(100)

    const state = fake.checkRuns.get(created.data.id)!
    expect(state.annotationBatches).toEqual([50, 50])
    expect(state.annotations.map((a) => a.start_line)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1)
    )
    expect(state.output).toEqual({ title: '100 findings', summary: 'done', text: null })

    const listed = await octokit.paginate(octokit.rest.checks.listAnnotations, {
      owner,
      repo,
      check_run_id: created.data.id,
      per_page: 40
    })
    expect(listed).toHaveLength(100)
    expect(fake.requests.filter((r) => r.route === UPDATE).map((r) => r.status)).toEqual([422, 200])
  })

  const base = { name: 'release-audit', head_sha: SHA }
  const long = 'x'.repeat(65536)
  it.each<[string, string, Record<string, unknown>]>([
    ['name of the wrong type', '/name', { ...base, name: 42 }],
    ['no head_sha', '/head_sha', { name: 'release-audit' }],
    ['output without title', '/output/title', { ...base, output: { summary: 's' } }],
    [
      'summary over 65535 characters',
      '/output/summary',
      { ...base, output: { title: 't', summary: long } }
    ],
    [
      'text over 65535 characters',
      '/output/text',
      { ...base, output: { title: 't', summary: 's', text: long } }
    ],
    ['an unknown status', '/status', { ...base, status: 'done' }],
    ['status completed but no conclusion', '/conclusion', { ...base, status: 'completed' }],
    [
      'an annotation line given as a string',
      '/output/annotations/0/start_line',
      {
        ...base,
        output: {
          title: 't',
          summary: 's',
          annotations: [{ ...annotations(1)[0], start_line: '1' }]
        }
      }
    ],
    [
      'annotation level "error"',
      '/output/annotations/0/annotation_level',
      {
        ...base,
        output: {
          title: 't',
          summary: 's',
          annotations: [{ ...annotations(1)[0], annotation_level: 'error' }]
        }
      }
    ]
  ])('refuses a create with %s (422 at %s)', async (_case, field, body) => {
    const runsBefore = fake.checkRuns.size
    const failure = await rejectionOf(
      octokit.request(CREATE, { owner: fake.owner, repo: fake.repo, ...body } as never)
    )
    expect(failure.status).toBe(422)
    expect(failure.data).toMatchObject({
      message: 'Invalid request.',
      errors: expect.arrayContaining([expect.objectContaining({ field })])
    })
    expect(fake.checkRuns.size).toBe(runsBefore)
  })

  it('accepts a summary of exactly 65535 characters and a short head SHA is no commit', async () => {
    const ok = await octokit.request(CREATE, {
      owner: fake.owner,
      repo: fake.repo,
      ...base,
      output: { title: 't', summary: 'x'.repeat(65535) }
    })
    expect(ok.status).toBe(201)
    const noCommit = await rejectionOf(
      octokit.request(CREATE, { owner: fake.owner, repo: fake.repo, name: 'n', head_sha: 'abc123' })
    )
    expect(noCommit).toMatchObject({
      status: 422,
      data: { message: 'No commit found for SHA: abc123' }
    })
  })

  it('requires a title in an update output, and answers 404 for an unknown or non-numeric id', async () => {
    const { data } = await octokit.rest.checks.create({
      owner: fake.owner,
      repo: fake.repo,
      ...base
    })
    const noTitle = await rejectionOf(
      octokit.request(UPDATE, {
        owner: fake.owner,
        repo: fake.repo,
        check_run_id: data.id,
        output: { summary: 's' }
      })
    )
    expect(noTitle.status).toBe(422)
    expect(
      (
        await rejectionOf(
          octokit.rest.checks.get({ owner: fake.owner, repo: fake.repo, check_run_id: 1 })
        )
      ).status
    ).toBe(404)
    const nonNumeric = await fetch(`${fake.url}/repos/${fake.owner}/${fake.repo}/check-runs/abc`, {
      headers: { authorization: `token ${fake.token}` }
    })
    expect(nonNumeric.status).toBe(404)
  })
})
