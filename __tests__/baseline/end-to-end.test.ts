import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { applyBaseline } from '../../src/baseline/apply.js'
import { loadBaseline } from '../../src/baseline/load.js'
import type { ArtifactInput } from '../../src/engine/artifact.js'
import { audit } from '../../src/engine/audit.js'
import type { Finding } from '../../src/engine/finding.js'
import type { Report } from '../../src/engine/report.js'
import { renderJson } from '../../src/report/json.js'
import { sourcemapRule } from '../../src/rules/sourcemap.js'
import type { Tree } from './archives.js'
import { buildTgz, buildZip, writeTree } from './archives.js'

// Real archives, the real walker and the source-map rule: baseline and release are audited the
// way the CLI does it, then compared.
const auditArtifacts = (inputs: ArtifactInput[]): Promise<Report> =>
  audit(inputs, { rules: [sourcemapRule], failOn: 'never' })

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'baseline-e2e-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const KiB = 1024
const code = (bytes: number) => 'x'.repeat(bytes)
const leakyMap = JSON.stringify({
  version: 3,
  sources: ['../src/index.ts'],
  sourcesContent: ['export const secretSauce = 42\n'],
  mappings: 'AAAA'
})
const release = (files: Tree): Tree => ({ 'package/package.json': '{"name":"demo"}', ...files })

type Kind = 'tgz' | 'zip' | 'dir'

/** Writes `tree` as an archive or folder in the temp dir and returns its name there. */
async function materialise(name: string, kind: Kind, tree: Tree): Promise<string> {
  const target = path.join(dir, name)
  if (kind === 'dir') await writeTree(target, tree)
  else await writeFile(target, kind === 'tgz' ? await buildTgz(tree) : await buildZip(tree))
  return name
}

async function compare(before: [string, Kind, Tree], after: [string, Kind, Tree]) {
  const baselineSpec = await materialise(...before)
  const currentName = await materialise(...after)
  const loaded = await loadBaseline(baselineSpec, { cwd: dir, auditArtifacts })
  if ('warning' in loaded) throw new Error(loaded.warning)
  const kind = after[1]
  const current = await auditArtifacts([
    {
      name: currentName,
      source: 'path',
      input: { kind: kind === 'dir' ? 'dir' : 'file', path: path.join(dir, currentName) }
    }
  ])
  return { loaded, report: applyBaseline(current, loaded, { failOn: 'error' }) }
}

const summarise = (findings: readonly Finding[]) =>
  findings.filter((f) => f.rule.startsWith('baseline/')).map((f) => `${f.rule} ${f.path}`)

describe('comparing real archives', () => {
  it('reports a newly shipped source map and marks its leak as new', async () => {
    const { report } = await compare(
      ['demo-1.0.0.tgz', 'tgz', release({ 'package/index.js': 'one()' })],
      [
        'demo-1.1.0.tgz',
        'tgz',
        release({
          'package/index.js': 'one()\n//# sourceMappingURL=index.js.map',
          'package/index.js.map': leakyMap
        })
      ]
    )
    expect(summarise(report.findings)).toEqual([
      'baseline/growth ',
      'baseline/growth ',
      'baseline/new-file package/index.js.map'
    ])
    const leak = report.findings.find((f) => f.rule === 'sourcemap/embedded-source')
    expect(leak?.message).toMatch(/ \(new since demo-1\.0\.0\.tgz\)$/)
    expect(leak?.details?.new).toBe(true)
    expect(report.baseline).toMatchObject({
      label: 'demo-1.0.0.tgz',
      introduced: [{ rule: 'sourcemap/embedded-source', path: 'package/index.js.map' }]
    })
  })

  it('does not call a map new when the previous release shipped it too', async () => {
    const tree = release({
      'package/index.js': 'one()\n//# sourceMappingURL=index.js.map',
      'package/index.js.map': leakyMap
    })
    const { report } = await compare(
      ['same-1.0.0.tgz', 'tgz', tree],
      ['same-1.0.1.tgz', 'tgz', tree]
    )
    expect(report.findings.map((f) => f.rule)).toEqual(['sourcemap/embedded-source'])
    expect(report.findings[0]?.details?.new).toBeUndefined()
  })

  it('reports a removed file and a file that grew tenfold', async () => {
    const { report } = await compare(
      [
        'grow-1.0.0.tgz',
        'tgz',
        release({ 'package/index.js': code(12 * KiB), 'package/lib/old.js': code(3 * KiB) })
      ],
      ['grow-1.1.0.tgz', 'tgz', release({ 'package/index.js': code(120 * KiB) })]
    )
    expect(summarise(report.findings)).toEqual([
      'baseline/growth ',
      'baseline/growth package/index.js',
      'baseline/removed-file package/lib/old.js'
    ])
    expect(report.findings.find((f) => f.path === 'package/index.js')?.message).toBe(
      'grew +900% since grow-1.0.0.tgz: 12.0 KiB → 120.0 KiB (limit +100% for files of 10.0 KiB or more)'
    )
  })

  it.each<{ name: string; before: [string, Kind, Tree]; after: [string, Kind, Tree] }>([
    {
      name: 'zips of a renamed root folder',
      before: ['app-1.2.0.zip', 'zip', { 'app-1.2.0/a.js': 'a', 'app-1.2.0/lib/b.js': 'b' }],
      after: ['app-1.3.0.zip', 'zip', { 'app-1.3.0/a.js': 'a', 'app-1.3.0/lib/b.js': 'b' }]
    },
    {
      name: 'an npm tarball and the folder it came from',
      before: ['pkg-1.0.0.tgz', 'tgz', { 'package/a.js': 'a', 'package/lib/b.js': 'b' }],
      after: ['pkg-folder', 'dir', { 'a.js': 'a', 'lib/b.js': 'b' }]
    }
  ])('finds no spurious changes between $name', async ({ before, after }) => {
    const { report } = await compare(before, after)
    expect(report.findings).toEqual([])
    expect(report.baseline).toMatchObject({ counts: { added: 0, removed: 0, grown: 0 } })
  })

  it('aligns roots inside nested archives', async () => {
    const inner = (root: string, files: Tree) =>
      buildTgz(Object.fromEntries(Object.entries(files).map(([p, c]) => [`${root}/${p}`, c])))
    const { report } = await compare(
      ['bundle-1.0.zip', 'zip', { 'bundle-1.0/lib.tgz': await inner('package', { 'a.js': 'a' }) }],
      [
        'bundle-1.1.zip',
        'zip',
        { 'bundle-1.1/lib.tgz': await inner('lib-1.1', { 'a.js': 'a', 'b.js': 'b' }) }
      ]
    )
    expect(summarise(report.findings)).toContain(
      'baseline/new-file bundle-1.1/lib.tgz!/lib-1.1/b.js'
    )
    expect(summarise(report.findings).filter((f) => f.includes('a.js'))).toEqual([])
  })

  it('gives the same comparison from the JSON report as from the archive it describes', async () => {
    const before = release({ 'package/index.js': 'one()', 'package/old.js': 'old' })
    const after: Tree = release({ 'package/index.js': 'one()', 'package/index.js.map': leakyMap })
    const fromArchive = await compare(['r-1.0.0.tgz', 'tgz', before], ['r-1.1.0.tgz', 'tgz', after])
    await writeFile(path.join(dir, 'r-1.0.0.json'), renderJson(fromArchive.loaded.report))
    const fromJson = await loadBaseline('r-1.0.0.json', { cwd: dir, auditArtifacts })
    if ('warning' in fromJson) throw new Error(fromJson.warning)
    expect(fromJson.label).toBe('r-1.0.0.tgz')
    const current = await auditArtifacts([
      {
        name: 'r-1.1.0.tgz',
        source: 'path',
        input: { kind: 'file', path: path.join(dir, 'r-1.1.0.tgz') }
      }
    ])
    expect(applyBaseline(current, fromJson, { failOn: 'error' })).toEqual(fromArchive.report)
  })

  it('warns and leaves the audit alone when the baseline path does not exist', async () => {
    const result = await loadBaseline('releases/nothing-here.tgz', { cwd: dir, auditArtifacts })
    expect(result).toEqual({
      warning:
        "baseline 'releases/nothing-here.tgz' not used: releases/nothing-here.tgz: no such file or folder"
    })
  })

  it('warns when the earlier archive is not readable', async () => {
    await writeFile(
      path.join(dir, 'corrupt.tgz'),
      Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3])
    )
    const result = await loadBaseline('corrupt.tgz', { cwd: dir, auditArtifacts })
    expect('warning' in result && result.warning).toMatch(
      /^baseline 'corrupt\.tgz' not used: cannot read it: /
    )
  })
})
