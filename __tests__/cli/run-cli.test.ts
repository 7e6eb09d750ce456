import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildTgz, buildZip } from '../../__fixtures__/archives.js'
import { runCli } from '../../src/cli/run-cli.js'
import type { Report } from '../../src/engine/report.js'
import { leakyMap } from '../support/zip.js'

let dir: string

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    cwd: dir,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t)
  })
  return { code, stdout, stderr }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'release-audit-cli-'))
  await writeFile(
    path.join(dir, 'clean.tgz'),
    await buildTgz({ 'package/index.js': 'export {}\n' })
  )
  await writeFile(
    path.join(dir, 'leaky.zip'),
    await buildZip({
      'dist/app.js.map': leakyMap(4),
      'dist/app.js': 'run()\n//# sourceMappingURL=app.js.map\n',
      '.env': `API_SECRET=${randomBytes(18).toString('base64url')}\n`
    })
  )
  await writeFile(
    path.join(dir, 'notes.js.map'),
    JSON.stringify({ version: 3, sources: ['a.ts'], mappings: '' })
  )
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('release-audit CLI', () => {
  it('exits 0 on a clean archive with a one-line verdict', async () => {
    const { code, stdout } = await cli('clean.tgz')
    expect(code).toBe(0)
    expect(stdout).toContain('clean.tgz (path): 1 file, 10 B')
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      '✔ PASS: 0 errors, 0 warnings, 0 notices (fail-on: error)'
    )
  })

  it('exits 1 when a finding reaches --fail-on, grouped by artifact then severity', async () => {
    const { code, stdout } = await cli('leaky.zip', 'notes.js.map')
    expect(code).toBe(1)
    const lines = stdout.split('\n')
    const leaky = lines.findIndex((l) => l.startsWith('leaky.zip (path): 3 files, '))
    expect(leaky).toBeGreaterThan(0)
    const severities = lines
      .slice(leaky + 1)
      .filter((l) => /^ {2}(error|warning|notice) /.test(l))
      .map((l) => l.trim().split(' ')[0])
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) =>
          ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)
      )
    )
    expect(stdout).toContain('sourcemap/embedded-source  dist/app.js.map')
    expect(stdout).toContain('private-file/env  .env')
    expect(stdout).toMatch(/✖ FAIL: 2 errors, \d+ warnings?, \d+ notices? \(fail-on: error\)\n$/)
  })

  it('honours --fail-on never and warning', async () => {
    expect((await cli('--fail-on', 'never', 'leaky.zip')).code).toBe(0)
    expect((await cli('--fail-on', 'warning', 'notes.js.map')).code).toBe(1)
    expect((await cli('--fail-on', 'error', 'notes.js.map')).code).toBe(0)
  })

  it('writes the JSON contract of design.md with --format json --output', async () => {
    const { code, stderr } = await cli('--format', 'json', '--output', 'report.json', 'leaky.zip')
    expect(code).toBe(1)
    expect(stderr).toContain('report written to report.json')
    const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as Report
    expect(Object.keys(report)).toEqual([
      'version',
      'tool',
      'conclusion',
      'summary',
      'artifacts',
      'findings'
    ])
    expect(report).toMatchObject({
      version: 1,
      tool: { name: 'release-audit' },
      conclusion: 'failure',
      summary: { error: 2, artifacts: 1, files: 3 }
    })
    expect(report.findings[0]).toMatchObject({ severity: 'error', artifact: 'leaky.zip' })
    expect(report.artifacts[0]?.entries?.map((e) => e.path).sort()).toEqual([
      '.env',
      'dist/app.js',
      'dist/app.js.map'
    ])
  })

  it('never prints a secret value in any format', async () => {
    const secret = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`
    await writeFile(path.join(dir, 'config.js'), `export const token = '${secret}'\n`)
    const json = JSON.parse((await cli('--format', 'json', 'config.js')).stdout) as Report
    expect(json.findings.map((f) => f.rule)).toEqual(['secret/github-token'])
    for (const format of ['text', 'json', 'sarif']) {
      const { stdout } = await cli('--format', format, 'config.js')
      expect(stdout).toContain('ghp_')
      expect(stdout).not.toContain(secret.slice(4, 12))
    }
  })

  it('exits 2 with a clear message for usage and I/O errors', async () => {
    const bad = await cli('--format', 'xml', 'clean.tgz')
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      "release-audit: --format must be one of text, json, sarif; got 'xml'"
    ])
    const missing = await cli('nope.tgz')
    expect([missing.code, missing.stderr.trim()]).toEqual([
      2,
      "release-audit: cannot read 'nope.tgz': no such file or directory"
    ])
    const noMatch = await cli('*.whl')
    expect([noMatch.code, noMatch.stderr.trim()]).toEqual([
      2,
      "release-audit: no file matches '*.whl'"
    ])
    const policy = await cli('--config', 'missing.yml', 'clean.tgz')
    expect(policy.code).toBe(2)
    expect(policy.stderr).toContain('missing.yml')
  })

  it('expands globs and audits folders', async () => {
    await mkdir(path.join(dir, 'site', '.git'), { recursive: true })
    await writeFile(path.join(dir, 'site', '.git', 'config'), '[core]\n')
    await writeFile(path.join(dir, 'site', 'index.html'), '<p>hi</p>\n')
    const { code, stdout } = await cli('--format', 'json', '*.tgz', 'site')
    const report = JSON.parse(stdout) as Report
    expect(code).toBe(1)
    expect(report.artifacts.map((a) => a.name)).toEqual(['clean.tgz', 'site'])
    expect(report.findings.map((f) => f.rule)).toEqual(['private-file/vcs'])
  })

  it('merges shard reports into one, recounted', async () => {
    await cli('--format', 'json', '--output', 'shard-a.json', 'leaky.zip')
    await cli('--format', 'json', '--output', 'shard-b.json', 'notes.js.map')
    const { code, stdout } = await cli('merge', '--format', 'json', 'shard-*.json')
    const merged = JSON.parse(stdout) as Report
    expect(code).toBe(1)
    expect(merged.artifacts.map((a) => a.name)).toEqual(['leaky.zip', 'notes.js.map'])
    expect(merged.summary.error).toBe(2)
    await writeFile(
      path.join(dir, 'broken.json'),
      '{"version": 2, "tool": {"name": "release-audit"}}'
    )
    const broken = await cli('merge', 'broken.json')
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('broken.json: version must be 1; got 2')
  })

  it('audits what npm pack would publish when given no path', async () => {
    const pkg = path.join(dir, 'pkg')
    await mkdir(path.join(pkg, 'dist'), { recursive: true })
    await writeFile(
      path.join(pkg, 'package.json'),
      JSON.stringify({ name: 'pkg', version: '1.0.0', files: ['dist'] })
    )
    await writeFile(path.join(pkg, 'dist', 'index.js.map'), leakyMap(2))
    let stdout = ''
    const code = await runCli(['--format', 'json'], {
      cwd: pkg,
      stdout: (t) => (stdout += t),
      stderr: () => undefined
    })
    const report = JSON.parse(stdout) as Report
    expect(code).toBe(1)
    expect(report.artifacts[0]).toMatchObject({ name: 'pkg-1.0.0.tgz', source: 'npm pack' })
    expect(report.findings.map((f) => [f.rule, f.path])).toEqual([
      ['sourcemap/embedded-source', 'package/dist/index.js.map']
    ])
  })
})
