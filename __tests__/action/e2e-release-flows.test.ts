import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Report } from '../../src/engine/report.js'
import type { FakeGitHub } from '../support/fake-github/index.js'
import { startFakeGitHub } from '../support/fake-github/index.js'
import type { ActionEnv } from '../support/run-action.js'
import { cleanupActionRuns, runAction } from '../support/run-action.js'
import { zipOf } from '../support/zip.js'
import { auditTree } from '../support/audit-tree.js'

let fake: FakeGitHub
beforeEach(async () => {
  fake = await startFakeGitHub({ owner: 'o', repo: 'r' })
})
afterEach(async () => {
  await fake.close()
})
afterAll(cleanupActionRuns)

const env = (inputs: Record<string, string>, extra: Partial<ActionEnv> = {}): ActionEnv => ({
  inputs,
  apiUrl: fake.url,
  token: fake.token,
  runtimeToken: fake.runtimeToken,
  ...extra
})

const envFiles = (prefix: string, count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `${prefix}/m${i}/.env`,
      `KEY=${randomBytes(18).toString('base64url')}\n`
    ])
  )

describe('merge mode', () => {
  it('merges three shard reports into one check run with the counts of all three', async () => {
    const shards: Report[] = []
    for (const [i, count] of [40, 45, 35].entries()) {
      const report = await auditTree(`shard-${i}.zip`, envFiles(`os-${i}`, count))
      shards.push(report)
      fake.addArtifact({
        name: `report-${i}`,
        zip: await zipOf({ 'release-audit-report.json': JSON.stringify(report) })
      })
    }
    const run = await runAction(env({ mode: 'merge', reports: 'report-*' }))
    expect(run.code).toBe(1)
    expect(run.outputs.errors).toBe('120')
    const checks = [...fake.checkRuns.values()]
    expect(checks).toHaveLength(1)
    expect(checks[0].annotationBatches).toEqual([50, 50, 20])
    const merged = JSON.parse(await readFile(run.outputs.report, 'utf8')) as Report
    expect(merged.summary.artifacts).toBe(3)
    expect(merged.summary.files).toBe(shards.reduce((n, s) => n + s.summary.files, 0))
    expect(merged.artifacts.map((a) => a.name)).toEqual([
      'shard-0.zip',
      'shard-1.zip',
      'shard-2.zip'
    ])
  })

  it('fails on a corrupt shard report and names it', async () => {
    fake.addArtifact({
      name: 'report-0',
      zip: await zipOf({ 'report.json': '{"version": 1, "tool": {' })
    })
    const run = await runAction(env({ mode: 'merge', reports: 'report-*' }))
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::shard report unusable: report-0: report\.json: not JSON/)
    expect([...fake.checkRuns.values()][0]?.conclusion).toBe('failure')
  })

  it('fails when a shard report artifact is missing', async () => {
    const report = await auditTree('a.zip', { 'index.js': '1' })
    fake.addArtifact({
      name: 'report-linux',
      zip: await zipOf({ 'r.json': JSON.stringify(report) })
    })
    const run = await runAction(env({ mode: 'merge', reports: 'report-linux\nreport-windows' }))
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "no artifact named 'report-windows' in this run; available: report-linux"
    )
  })
})

describe('release assets', () => {
  it('audits the assets of a draft release before it is published', async () => {
    fake.addRelease({
      tag: 'v1.0.0',
      assets: [{ name: 'app.zip', data: await zipOf({ 'a.js': '1' }) }]
    })
    fake.addRelease({
      tag: 'v1.1.0',
      draft: true,
      assets: [
        {
          name: 'app.zip',
          data: await zipOf({ 'config/.env': `K=${randomBytes(18).toString('hex')}\n` })
        }
      ]
    })
    const run = await runAction(env({ release: 'draft' }))
    expect(run.code).toBe(1)
    const report = JSON.parse(await readFile(run.outputs.report, 'utf8')) as Report
    expect(report.artifacts[0]?.source).toMatch(/release v1\.1\.0 \(draft\)/)
    expect(report.findings.map((f) => [f.rule, f.path])).toContainEqual([
      'private-file/env',
      'config/.env'
    ])
  })

  it('audits the latest published release by tag', async () => {
    fake.addRelease({
      tag: 'v2.0.0',
      assets: [{ name: 'cli.tgz.zip', data: await zipOf({ 'ok.js': '1' }) }]
    })
    const run = await runAction(env({ release: 'v2.0.0' }))
    expect(run.code).toBe(0)
    expect(run.outputs.conclusion).toBe('success')
    expect(fake.requests.some((r) => r.route?.includes('/releases/assets/{'))).toBe(true)
  })
})

describe('sources: auto in a public repository', () => {
  const source = 'export function main(): void {\n  console.log("hello")\n}\n'
  const map = (extra: boolean) =>
    JSON.stringify({
      version: 3,
      sources: ['../src/main.ts', ...(extra ? ['../src/generated/schema.ts'] : [])],
      sourcesContent: [source, ...(extra ? ['export const schema = {}\n'] : [])],
      mappings: 'AAAA'
    })
  const publicEvent = { repository: { visibility: 'public' } }

  it('lowers a map whose embedded sources are all tracked in the checkout to a notice', async () => {
    fake.addArtifact({ name: 'dist', zip: await zipOf({ 'dist/main.js.map': map(false) }) })
    const run = await runAction(
      env(
        { sources: 'auto' },
        { event: publicEvent, workspaceFiles: { 'src/main.ts': source }, gitCheckout: true }
      )
    )
    expect(run.code).toBe(0)
    const report = JSON.parse(await readFile(run.outputs.report, 'utf8')) as Report
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['sourcemap/embedded-source', 'notice']
    ])
  })

  it('keeps the severity when the map embeds a file that is not in the repository, and names it', async () => {
    fake.addArtifact({ name: 'dist', zip: await zipOf({ 'dist/main.js.map': map(true) }) })
    const run = await runAction(
      env(
        { sources: 'auto' },
        { event: publicEvent, workspaceFiles: { 'src/main.ts': source }, gitCheckout: true }
      )
    )
    expect(run.code).toBe(1)
    const report = JSON.parse(await readFile(run.outputs.report, 'utf8')) as Report
    const [finding] = report.findings
    expect(finding?.severity).toBe('error')
    expect(finding?.message).toContain('src/generated/schema.ts')
    expect(finding?.message).not.toContain('src/main.ts')
  })
})
