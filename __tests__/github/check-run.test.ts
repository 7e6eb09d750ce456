import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { inspect } from 'node:util'
import { completeCheckRun, failCheckRun, startCheckRun } from '../../src/github/check-run.js'
import type { GitHubClient } from '../../src/github/client.js'
import { createClient } from '../../src/github/client.js'
import { GitHubApiError, PermissionError } from '../../src/github/errors.js'
import { MAX_CHECK_RUN_TEXT_BYTES } from '../../src/github/limits.js'
import { createAnchorResolver } from '../../src/report/anchor.js'
import type { CheckAnnotation } from '../../src/report/annotations.js'
import { buildAnnotations } from '../../src/report/annotations.js'
import { renderCheckSummary } from '../../src/report/markdown.js'
import { startFakeGitHub } from '../support/fake-github/index.js'
import type { FakeGitHub } from '../support/fake-github/index.js'
import { makeReport, manyFindings, SAMPLE_ARTIFACTS } from '../report/markdown-fixtures.js'

const SHA = 'c'.repeat(40)
const CREATE = 'POST /repos/{owner}/{repo}/check-runs'
const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}'

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

const repoOf = () => ({ owner: fake.owner, repo: fake.repo })

function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/f${i}.ts`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'warning',
    title: `t${i}`,
    message: `m${i}`
  }))
}

interface PatchBody {
  status?: string
  conclusion?: string
  completed_at?: string
  output: { title: string; summary: string; annotations?: unknown[] }
}

const patches = () =>
  fake.requests
    .filter((r) => r.route === UPDATE)
    .map((r) => ({ status: r.status, body: r.body as PatchBody }))

describe('startCheckRun', () => {
  it('opens an in-progress run on the head commit and returns its id and page', async () => {
    const run = await startCheckRun(client, {
      ...repoOf(),
      name: 'release-audit',
      headSha: SHA,
      detailsUrl: 'https://ci.example/run/1'
    })
    const state = fake.checkRuns.get(run.id)
    expect(state).toMatchObject({
      name: 'release-audit',
      head_sha: SHA,
      status: 'in_progress',
      details_url: 'https://ci.example/run/1'
    })
    expect(run.url).toMatch(/^https:\/\/github\.com\/.+\/runs\/\d+$/)
    const body = fake.requests.find((r) => r.route === CREATE)?.body as { started_at: string }
    expect(Date.parse(body.started_at)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('turns a 403 (read-only token of a fork PR) into a PermissionError naming checks: write', async () => {
    fake.deny(CREATE, 403)
    const error = await startCheckRun(client, {
      ...repoOf(),
      name: 'release-audit',
      headSha: SHA
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PermissionError)
    expect(error).toMatchObject({ status: 403, permission: 'checks: write' })
    expect((error as Error).message).toContain('Resource not accessible by integration')
    expect((error as Error).message).toContain('`checks: write`')
    expect((error as Error).message).toMatch(/forks get a read-only token/)
    expect(inspect(error)).not.toContain(fake.token)
    expect(JSON.stringify(error)).not.toContain(fake.token)
  })

  it("keeps GitHub's message for other refusals", async () => {
    const error = await startCheckRun(client, {
      ...repoOf(),
      name: 'x',
      headSha: 'not-a-sha'
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error).toMatchObject({
      status: 422,
      message:
        'Could not create the check run: GitHub answered 422 No commit found for SHA: not-a-sha'
    })
  })
})

describe('completeCheckRun', () => {
  it.each([
    [0, [0], 'success'],
    [1, [1], 'neutral'],
    [50, [50], 'failure'],
    [51, [50, 1], 'failure']
  ] as const)(
    'sends %i annotations as PATCHes of %j, the last one completing the run (%s)',
    async (count, sizes, conclusion) => {
      const { id } = await startCheckRun(client, {
        ...repoOf(),
        name: 'release-audit',
        headSha: SHA
      })
      await completeCheckRun(client, {
        ...repoOf(),
        id,
        conclusion,
        title: 'T',
        summary: 'S',
        annotations: annotations(count)
      })

      const sent = patches()
      expect(sent.map((p) => p.body.output.annotations?.length ?? 0)).toEqual(sizes)
      expect(
        sent.every(
          (p) => p.status === 200 && p.body.output.title === 'T' && p.body.output.summary === 'S'
        )
      ).toBe(true)
      expect(sent.map((p) => p.body.status ?? '-')).toEqual([
        ...sizes.slice(1).map(() => '-'),
        'completed'
      ])
      expect(sent.at(-1)?.body.conclusion).toBe(conclusion)
      expect(Date.parse(sent.at(-1)!.body.completed_at!)).toBeGreaterThan(Date.now() - 60_000)

      const state = fake.checkRuns.get(id)!
      expect(state).toMatchObject({
        status: 'completed',
        conclusion,
        output: { title: 'T', summary: 'S' }
      })
      expect(state.annotations.map((a) => a.message)).toEqual(
        annotations(count).map((a) => a.message)
      )
    }
  )

  it('posts 120 findings as PATCHes of 50, 50 and 20 (with completion), all accepted by the API schema', async () => {
    const report = makeReport(
      manyFindings(120, (i) => `finding ${i} ` + '<b>|`x`|</b> '.repeat(i)),
      SAMPLE_ARTIFACTS
    )
    const anchor = createAnchorResolver((p) => p.endsWith('00007/file.js.map'), ['package.json'])
    const { id } = await startCheckRun(client, { ...repoOf(), name: 'release-audit', headSha: SHA })
    await completeCheckRun(client, {
      ...repoOf(),
      id,
      conclusion: report.conclusion,
      title: '120 findings',
      summary: renderCheckSummary(report, { failOn: 'error', checkName: '' }),
      annotations: buildAnnotations(report, anchor)
    })
    const sent = patches()
    expect(
      sent.map((p) => [p.status, p.body.output.annotations?.length, p.body.status ?? '-'])
    ).toEqual([
      [200, 50, '-'],
      [200, 50, '-'],
      [200, 20, 'completed']
    ])
    const state = fake.checkRuns.get(id)!
    expect(state).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      annotationBatches: [50, 50, 20]
    })
    expect(state.annotations).toHaveLength(120)
    expect(state.annotations.filter((a) => a.path !== 'package.json').map((a) => a.path)).toEqual([
      'dir-00007/file.js.map'
    ])
    expect(state.output.summary).toContain('#### Findings')
  })

  it('cuts a summary over the limit instead of having the request refused', async () => {
    const { id } = await startCheckRun(client, { ...repoOf(), name: 'release-audit', headSha: SHA })
    await completeCheckRun(client, {
      ...repoOf(),
      id,
      conclusion: 'success',
      title: 'T',
      summary: '€'.repeat(MAX_CHECK_RUN_TEXT_BYTES),
      text: 'a'.repeat(MAX_CHECK_RUN_TEXT_BYTES + 1),
      annotations: []
    })
    const output = fake.checkRuns.get(id)!.output
    expect(Buffer.byteLength(output.summary!)).toBeLessThanOrEqual(MAX_CHECK_RUN_TEXT_BYTES)
    expect(Buffer.byteLength(output.text!)).toBeLessThanOrEqual(MAX_CHECK_RUN_TEXT_BYTES)
    expect(output.summary).toMatch(/€\n\n… \(cut to fit GitHub’s limit\)$/)
  })

  it('retries a 502 once after about a second, then succeeds', async () => {
    const { id } = await startCheckRun(client, { ...repoOf(), name: 'release-audit', headSha: SHA })
    fake.failNext(UPDATE, 502)
    const started = Date.now()
    await completeCheckRun(client, {
      ...repoOf(),
      id,
      conclusion: 'success',
      title: 'T',
      summary: 'S',
      annotations: annotations(3)
    })
    const elapsed = Date.now() - started
    expect(patches().map((p) => p.status)).toEqual([502, 200])
    expect(elapsed).toBeGreaterThanOrEqual(900)
    expect(elapsed).toBeLessThan(5000)
    expect(fake.checkRuns.get(id)?.annotations).toHaveLength(3)
  })

  it('reports a denied update as a PermissionError', async () => {
    const { id } = await startCheckRun(client, { ...repoOf(), name: 'release-audit', headSha: SHA })
    fake.deny(UPDATE, 404)
    const error = await completeCheckRun(client, {
      ...repoOf(),
      id,
      conclusion: 'success',
      title: 'T',
      summary: 'S',
      annotations: []
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PermissionError)
    expect((error as Error).message).toMatch(
      /^GitHub refused to update the check run \(404 Not Found\) \(GitHub answers 404 when/
    )
  })
})

describe('failCheckRun', () => {
  it('completes the run as failure with the error, tokens masked', async () => {
    const { id } = await startCheckRun(client, { ...repoOf(), name: 'release-audit', headSha: SHA })
    const leaked = ['gh', 'p_', 'x'.repeat(36)].join('')
    await failCheckRun(client, { ...repoOf(), id, error: `boom \`\`\` fence; token ${leaked}` })
    const state = fake.checkRuns.get(id)!
    expect(state).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'release-audit could not finish' }
    })
    expect(state.output.summary).toContain('boom ``` fence; token ***')
    expect(state.output.summary).toContain('````text\n')
    expect(state.output.summary).not.toContain(leaked)
  })
})
