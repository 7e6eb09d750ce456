import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { FakeGitHub } from '../support/fake-github/index.js'
import { startFakeGitHub } from '../support/fake-github/index.js'
import { cleanupActionRuns, runAction } from '../support/run-action.js'
import type { ActionEnv } from '../support/run-action.js'
import { leakyMap, zipOf } from '../support/zip.js'

const PR_EVENT = {
  pull_request: {
    number: 5,
    head: { sha: 'b'.repeat(40), repo: { full_name: 'o/r' } },
    base: { repo: { full_name: 'o/r' } }
  },
  repository: { visibility: 'private' }
}

let fake: FakeGitHub

/** A value no placeholder heuristic mistakes for an example. */
const randomValue = () => randomBytes(18).toString('base64url')

beforeEach(async () => {
  fake = await startFakeGitHub({ owner: 'o', repo: 'r' })
})
afterEach(async () => {
  await fake.close()
})
afterAll(cleanupActionRuns)

function env(inputs: Record<string, string>, extra: Partial<ActionEnv> = {}): ActionEnv {
  return {
    inputs,
    apiUrl: fake.url,
    token: fake.token,
    runtimeToken: fake.runtimeToken,
    ...extra
  }
}

const onlyCheckRun = () => {
  const runs = [...fake.checkRuns.values()]
  expect(runs).toHaveLength(1)
  return runs[0]
}

describe('the bundled action against a local GitHub', () => {
  it('passes a clean artifact with a successful check run', async () => {
    fake.addArtifact({ name: 'dist', zip: await zipOf({ 'index.js': 'export const a = 1\n' }) })
    const run = await runAction(env({ artifacts: 'dist' }))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.errors).toBe('0')
    const check = onlyCheckRun()
    expect(check).toMatchObject({
      name: 'release-audit',
      status: 'completed',
      conclusion: 'success'
    })
    expect(check.head_sha).toBe('a'.repeat(40))
    expect(run.summary).toContain('release-audit')
    const report = JSON.parse(await readFile(run.outputs.report, 'utf8')) as { conclusion: string }
    expect(report.conclusion).toBe('success')
    expect(existsSync(run.outputs.sarif)).toBe(true)
  })

  it('fails a leaky artifact with annotations that keep the artifact path', async () => {
    fake.addArtifact({
      name: 'npm-package',
      zip: await zipOf({
        'package/dist/cli.js.map': leakyMap(),
        'package/.env': 'DB_PASSWORD=hunter2-but-longer\n'
      })
    })
    const run = await runAction(env({}))
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::release-audit:')
    expect(run.outputs.conclusion).toBe('failure')
    const check = onlyCheckRun()
    expect(check.conclusion).toBe('failure')
    const messages = check.annotations.map((a) => a.message).join('\n')
    expect(messages).toContain('package/dist/cli.js.map')
    expect(messages).toContain('package/.env')
    expect(check.annotations.some((a) => a.annotation_level === 'failure')).toBe(true)
    // The runner needs the token once, in the `::add-mask::` command that hides it from the log.
    const log = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(log.join('\n')).not.toContain(fake.token)
  })

  it('sends 120 findings as annotation batches of 50, 50 and 20', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [`pkg/m${i}/.env`, `SECRET_${i}=${randomValue()}\n`])
    )
    fake.addArtifact({ name: 'many', zip: await zipOf(files) })
    const run = await runAction(env({ artifacts: 'many' }))
    expect(run.code).toBe(1)
    const check = onlyCheckRun()
    expect(check.annotations).toHaveLength(120)
    expect(check.annotationBatches).toEqual([50, 50, 20])
    expect(fake.responseProblems).toEqual([])
  })

  it('edits the same PR comment when re-run', async () => {
    fake.addArtifact({ name: 'dist', zip: await zipOf({ 'a.js.map': leakyMap() }) })
    const first = await runAction(env({}, { eventName: 'pull_request', event: PR_EVENT }))
    const second = await runAction(env({}, { eventName: 'pull_request', event: PR_EVENT }))
    expect([first.code, second.code]).toEqual([1, 1])
    const comments = [...fake.comments.values()]
    expect(comments).toHaveLength(1)
    expect(comments[0].issue).toBe(5)
    expect(comments[0].body).toContain('<!-- release-audit:release-audit -->')
    const methods = fake.requests.filter((r) => r.route?.includes('comments')).map((r) => r.method)
    expect(methods).toContain('PATCH')
    expect([...fake.checkRuns.values()].every((c) => c.head_sha === 'b'.repeat(40))).toBe(true)
  })

  it('degrades to the job summary and still fails the step when checks are forbidden', async () => {
    fake.deny('POST /repos/{owner}/{repo}/check-runs', 403)
    fake.deny('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 403)
    fake.addArtifact({ name: 'dist', zip: await zipOf({ '.env': `TOKEN=${randomValue()}\n` }) })
    const run = await runAction(env({}, { eventName: 'pull_request', event: PR_EVENT }))
    expect(run.code).toBe(1)
    expect(fake.checkRuns.size).toBe(0)
    const warnings = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning::release-audit reported'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('checks: write')
    expect(run.summary).toContain('.env')
    expect(run.stdout).toMatch(/::error::/)
  })

  it('retries a 502 from the check-runs API', async () => {
    fake.failNext('POST /repos/{owner}/{repo}/check-runs', 502)
    fake.addArtifact({ name: 'dist', zip: await zipOf({ 'index.js': 'ok\n' }) })
    const run = await runAction(env({}))
    expect(run.code).toBe(0)
    const posts = fake.requests.filter(
      (r) => r.method === 'POST' && r.route?.endsWith('/check-runs')
    )
    expect(posts.map((r) => r.status)).toEqual([502, 201])
    expect(onlyCheckRun().conclusion).toBe('success')
  })

  it("audits another run's artifacts through the REST API", async () => {
    fake.addArtifact({ name: 'dist', runId: 77, zip: await zipOf({ 'app.js.map': leakyMap(2) }) })
    const run = await runAction(env({ 'run-id': '77' }))
    expect(run.code).toBe(1)
    expect(fake.requests.some((r) => r.path === '/repos/o/r/actions/runs/77/artifacts')).toBe(true)
    expect(onlyCheckRun().conclusion).toBe('failure')
  })

  it('names the artifacts that exist when one does not', async () => {
    fake.addArtifact({ name: 'dist', zip: await zipOf({ 'a.js': '1' }) })
    fake.addArtifact({ name: 'docs', zip: await zipOf({ 'b.md': '1' }) })
    const run = await runAction(env({ artifacts: 'dsit' }))
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "::error::no artifact named 'dsit' in this run; available: dist, docs"
    )
    const check = onlyCheckRun()
    expect(check.status).toBe('completed')
    expect(check.conclusion).toBe('failure')
  })

  it('rejects an invalid input with a message naming it', async () => {
    const run = await runAction(env({ 'fail-on': 'sometimes', path: '.' }))
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "input 'fail-on' must be one of error, warning, notice, never; got 'sometimes'"
    )
  })
})
