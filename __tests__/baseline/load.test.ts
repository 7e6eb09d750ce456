import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadBaseline } from '../../src/baseline/load.js'
import type { ArtifactInput } from '../../src/engine/artifact.js'
import type { Report } from '../../src/engine/report.js'
import { buildTgz, writeTree } from './archives.js'
import { buildReport } from './reports.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'baseline-load-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Records what the loader asks to audit and answers with a fixed report. */
function recordingAuditor(answer: Report = buildReport([{ name: 'x', files: { a: 1 } }])) {
  const calls: ArtifactInput[][] = []
  return {
    calls,
    auditArtifacts: (inputs: ArtifactInput[]) => {
      calls.push(inputs)
      return Promise.resolve(answer)
    }
  }
}

const reportJson = buildReport([{ name: 'pkg-1.2.0.tgz', files: { 'package/a.js': 10 } }])

describe('loadBaseline from a path', () => {
  it('reads an earlier JSON report (BOM and all) without auditing anything', async () => {
    await writeFile(path.join(dir, 'last.json'), `\uFEFF  ${JSON.stringify(reportJson, null, 2)}`)
    const auditor = recordingAuditor()
    const loaded = await loadBaseline('last.json', { cwd: dir, ...auditor })
    expect(loaded).toEqual({ label: 'pkg-1.2.0.tgz', report: reportJson })
    expect(auditor.calls).toEqual([])
  })

  it('labels a multi-artifact report by its file name', async () => {
    const two = buildReport([{ name: 'a.zip' }, { name: 'b.zip' }])
    await writeFile(path.join(dir, 'two.json'), JSON.stringify(two))
    const loaded = await loadBaseline('two.json', { cwd: dir, ...recordingAuditor() })
    expect(loaded).toMatchObject({ label: 'two.json' })
  })

  it.each([
    [
      'other.json',
      JSON.stringify({ name: 'not-a-report', version: '1.0.0' }),
      /other\.json: tool\.name must be 'release-audit'/
    ],
    [
      'v2.json',
      JSON.stringify({ ...reportJson, version: 2 }),
      /v2\.json: version must be 1; got 2/
    ],
    [
      'bad-finding.json',
      JSON.stringify({
        ...reportJson,
        findings: [{ rule: 'x/y', severity: 'fatal', artifact: 'a', path: '', message: '' }]
      }),
      /bad-finding\.json: findings\[0\]\.severity must be one of error, warning, notice/
    ],
    ['truncated.json', JSON.stringify(reportJson).slice(0, 40), /truncated\.json: not JSON/],
    ['array.json', '[1, 2]', /array\.json: the document must be a JSON object/]
  ])('says what is wrong with %s', async (name, content, reason) => {
    await writeFile(path.join(dir, name), content)
    const result = await loadBaseline(name, { cwd: dir, ...recordingAuditor() })
    expect(result).toEqual({ warning: expect.stringContaining(`baseline '${name}' not used: `) })
    expect('warning' in result && result.warning).toMatch(reason)
  })

  it('warns, naming the path, when it does not exist', async () => {
    const result = await loadBaseline('previous/pkg-0.9.0.tgz', { cwd: dir, ...recordingAuditor() })
    expect(result).toEqual({
      warning:
        "baseline 'previous/pkg-0.9.0.tgz' not used: previous/pkg-0.9.0.tgz: no such file or folder"
    })
  })

  it('audits an earlier archive or folder with the given auditor', async () => {
    await writeFile(path.join(dir, 'pkg-1.0.0.tgz'), await buildTgz({ 'package/a.js': 'x' }))
    await writeTree(path.join(dir, 'old-dist'), { 'a.js': 'x' })
    const auditor = recordingAuditor()
    const fromFile = await loadBaseline('pkg-1.0.0.tgz', { cwd: dir, ...auditor })
    const fromDir = await loadBaseline('old-dist', { cwd: dir, ...auditor })
    expect(fromFile).toMatchObject({ label: 'pkg-1.0.0.tgz' })
    expect(fromDir).toMatchObject({ label: 'old-dist' })
    expect(auditor.calls).toEqual([
      [
        {
          name: 'pkg-1.0.0.tgz',
          source: 'baseline',
          input: { kind: 'file', path: path.join(dir, 'pkg-1.0.0.tgz') }
        }
      ],
      [
        {
          name: 'old-dist',
          source: 'baseline',
          input: { kind: 'dir', path: path.join(dir, 'old-dist') }
        }
      ]
    ])
  })

  it('warns when the earlier archive could not be read at all, or the audit failed', async () => {
    await writeFile(path.join(dir, 'broken.zip'), 'PK\u0003\u0004 not really')
    const unreadable = buildReport(
      [{ name: 'broken.zip', files: {} }],
      [
        {
          rule: 'archive/unreadable',
          severity: 'error',
          message: 'end of central directory not found'
        }
      ]
    )
    expect(await loadBaseline('broken.zip', { cwd: dir, ...recordingAuditor(unreadable) })).toEqual(
      {
        warning:
          "baseline 'broken.zip' not used: cannot read it: end of central directory not found"
      }
    )
    const failing = () => Promise.reject(new Error('walker exploded'))
    expect(await loadBaseline('broken.zip', { cwd: dir, auditArtifacts: failing })).toEqual({
      warning: "baseline 'broken.zip' not used: walker exploded"
    })
  })
})

describe('loadBaseline refusals that need no registry', () => {
  it.each([
    ['npm:../evil', /'\.\.\/evil' is not an npm package name/],
    ['npm:pkg@--registry=http://evil', /not a version, range or dist-tag/],
    ['', /empty/]
  ])('%j', async (spec, reason) => {
    const result = await loadBaseline(spec, { cwd: dir, ...recordingAuditor() })
    expect('warning' in result && result.warning).toMatch(reason)
  })

  it("explains why 'auto' has no package to look up", async () => {
    const bare = await mkdtemp(path.join(dir, 'bare-'))
    expect(await loadBaseline('auto', { cwd: bare, ...recordingAuditor() })).toEqual({
      warning: `baseline 'auto' not used: 'auto' needs a package name, and there is no package.json in ${bare}`
    })
    await writeFile(
      path.join(bare, 'package.json'),
      JSON.stringify({ name: 'internal-app', private: true })
    )
    const result = await loadBaseline('auto', { cwd: bare, ...recordingAuditor() })
    expect('warning' in result && result.warning).toMatch(
      /internal-app is private in package\.json/
    )
    await writeFile(path.join(bare, 'package.json'), '{ "name": ')
    const broken = await loadBaseline('auto', { cwd: bare, ...recordingAuditor() })
    expect('warning' in broken && broken.warning).toMatch(/package\.json is not valid JSON/)
  })
})
