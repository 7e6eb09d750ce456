import { describe, expect, it } from '@jest/globals'
import { applyBaseline } from '../../src/baseline/apply.js'
import { compareWithBaseline } from '../../src/baseline/compare.js'
import { BASELINE_RULES_META } from '../../src/baseline/meta.js'
import { markNewFindings } from '../../src/baseline/new-findings.js'
import { resolveBaselineThresholds } from '../../src/baseline/thresholds.js'
import type { Finding } from '../../src/engine/finding.js'
import { buildReport, under } from './reports.js'

const KiB = 1024
const label = 'pkg@1.2.0'
const base = {
  'index.js': 20 * KiB,
  'lib/util.js': 4 * KiB,
  'README.md': 2 * KiB,
  'package.json': 500
}
const perFile = (findings: readonly Finding[]) => rulesOf(findings.filter((f) => f.path !== ''))
const rulesOf = (findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${f.path}`).sort()

describe('compareWithBaseline', () => {
  it('reports nothing when the release did not change, even with a renamed root folder', () => {
    const before = buildReport([{ name: 'my-app-1.2.0.zip', files: under('my-app-1.2.0', base) }])
    const after = buildReport([{ name: 'my-app-1.3.0.zip', files: under('my-app-1.3.0', base) }])
    const { findings, section } = compareWithBaseline(after, { label, report: before })
    expect(findings).toEqual([])
    expect(section).toMatchObject({
      label,
      added: [],
      removed: [],
      grown: [],
      counts: { added: 0, removed: 0, grown: 0, introduced: 0 },
      artifacts: [{ current: 'my-app-1.3.0.zip', baseline: 'my-app-1.2.0.zip' }]
    })
  })

  it('reports a new source map, a removed file and 10× growth of one file', () => {
    const before = buildReport([{ name: 'pkg-1.2.0.tgz', files: under('package', base) }])
    const after = buildReport([
      {
        name: 'pkg-1.3.0.tgz',
        files: under('package', {
          'index.js': 200 * KiB,
          'index.js.map': 90 * KiB,
          'README.md': 2 * KiB,
          'package.json': 500
        })
      }
    ])
    const { findings, section } = compareWithBaseline(after, { label, report: before })
    expect(rulesOf(findings)).toEqual([
      'baseline/growth ',
      'baseline/growth package/index.js',
      'baseline/new-file package/index.js.map',
      'baseline/removed-file package/lib/util.js'
    ])
    expect(findings.every((f) => f.severity === 'warning' && f.artifact === 'pkg-1.3.0.tgz')).toBe(
      true
    )
    const grown = findings.find((f) => f.path === 'package/index.js')
    expect(grown?.message).toBe(
      'grew +900% since pkg@1.2.0: 20.0 KiB → 200.0 KiB (limit +100% for files of 10.0 KiB or more)'
    )
    expect(grown?.details).toMatchObject({
      metric: 'file',
      before: 20 * KiB,
      after: 200 * KiB,
      percent: 900
    })
    expect(findings.find((f) => f.rule === 'baseline/new-file')?.message).toBe(
      'new file since pkg@1.2.0 (90.0 KiB)'
    )
    expect(section.added).toEqual([
      { artifact: 'pkg-1.3.0.tgz', path: 'package/index.js.map', bytes: 90 * KiB }
    ])
    expect(section.removed).toEqual([
      { artifact: 'pkg-1.3.0.tgz', path: 'package/lib/util.js', bytes: 4 * KiB }
    ])
    expect(section.grown).toEqual([
      { artifact: 'pkg-1.3.0.tgz', path: 'package/index.js', before: 20 * KiB, after: 200 * KiB }
    ])
    expect(section.bytes).toEqual({ before: 26.5 * KiB + 500 - 0.5 * KiB, after: 292 * KiB + 500 })
  })

  it.each<{ name: string; files: Record<string, number>; total: boolean; count: boolean }>([
    { name: 'total size below the limit', files: { 'a.bin': 124 }, total: false, count: false },
    { name: 'total size over +25 %', files: { 'a.bin': 126 }, total: true, count: false },
    {
      name: 'file count over +10 %',
      files: { 'a.bin': 100, n1: 0, n2: 0 },
      total: false,
      count: true
    }
  ])('growth of totals: $name', ({ files, total, count }) => {
    const before = buildReport([
      {
        name: 'a',
        files: { 'a.bin': 100, ...Object.fromEntries([...'abcdefghij'].map((c) => [c, 0])) }
      }
    ])
    const after = buildReport([
      {
        name: 'a',
        files: { ...files, ...Object.fromEntries([...'abcdefghij'].map((c) => [c, 0])) }
      }
    ])
    const growth = compareWithBaseline(after, { label, report: before }).findings.filter(
      (f) => f.rule === 'baseline/growth'
    )
    expect(growth.some((f) => f.details?.metric === 'total')).toBe(total)
    expect(growth.some((f) => f.details?.metric === 'files')).toBe(count)
  })

  it('takes thresholds from the policy key and ignores growth of small files', () => {
    const before = buildReport([{ name: 'a', files: { 'big.js': 40 * KiB, 'small.js': 100 } }])
    const after = buildReport([{ name: 'a', files: { 'big.js': 60 * KiB, 'small.js': 9000 } }])
    const strict = resolveBaselineThresholds({ 'max-growth-percent': { file: 40, total: 1000 } })
    expect(perFile(compareWithBaseline(after, { label, report: before }).findings)).toEqual([])
    expect(perFile(compareWithBaseline(after, { label, report: before }, strict).findings)).toEqual(
      ['baseline/growth big.js']
    )
    const tiny = resolveBaselineThresholds({
      'min-file-bytes': 1000,
      'max-growth-percent': { total: 1000 }
    })
    expect(perFile(compareWithBaseline(after, { label, report: before }, tiny).findings)).toEqual([
      'baseline/growth small.js'
    ])
  })

  it('groups many new files by top folder, with counts and samples', () => {
    const chunks = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`package/chunks/c${i}.js`, 100])
    )
    const before = buildReport([
      { name: 'pkg-1.0.0.tgz', files: under('package', { 'index.js': 100 }) }
    ])
    const after = buildReport([
      {
        name: 'pkg-1.1.0.tgz',
        files: { ...chunks, 'package/index.js': 100, 'package/extra/one.js': 7 }
      }
    ])
    const news = compareWithBaseline(after, { label, report: before }).findings.filter(
      (f) => f.rule === 'baseline/new-file'
    )
    expect(news.map((f) => f.path)).toEqual(['package/chunks/', 'package/extra/one.js'])
    expect(news[0]?.details).toMatchObject({ count: 30, bytes: 3000, folder: 'chunks/' })
    expect(news[0]?.details?.samples).toHaveLength(5)
    expect(news[0]?.message).toMatch(
      /^30 files new in chunks\/ since pkg@1\.2\.0 \(2\.9 KiB\), e\.g\. chunks\/c0\.js/
    )
  })

  it('groups many grown files by top folder too', () => {
    const sizes = (n: number) =>
      Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`package/dist/f${i}.js`, n]))
    const before = buildReport([{ name: 'a', files: sizes(20 * KiB) }])
    const after = buildReport([{ name: 'a', files: sizes(50 * KiB) }])
    const growth = compareWithBaseline(after, { label, report: before }).findings
    expect(growth.map((f) => f.path)).toEqual(['', 'package/dist/'])
    expect(growth[1]?.message).toMatch(
      /^25 files in dist\/ grew since pkg@1\.2\.0: together 500\.0 KiB → 1\.2 MiB \(limit \+100% for files of 10\.0 KiB or more\), e\.g\. dist\/f0\.js/
    )
    expect(growth[1]?.details).toMatchObject({ metric: 'file', count: 25 })
  })

  it('handles a release of 200,000 files without piling up findings', () => {
    const files = (offset: number, size: number) => {
      const out: Record<string, number> = {}
      for (let i = 0; i < 200_000; i++) out[`package/d${i % 50}/f${i + offset}.js`] = size
      return out
    }
    const before = buildReport([{ name: 'p-1.0.0.tgz', files: files(0, 10 * KiB) }])
    const after = buildReport([{ name: 'p-1.1.0.tgz', files: files(1000, 30 * KiB) }])
    const { findings, section } = compareWithBaseline(after, { label, report: before })
    expect(section.counts).toEqual({ added: 1000, removed: 1000, grown: 199_000, introduced: 0 })
    expect(section.grown).toHaveLength(300)
    // 50 folders × (new, removed, grown) + total size + file count at most
    expect(findings.length).toBeLessThanOrEqual(152)
  })

  it('marks tracked findings that the previous release did not have as new', () => {
    const files = under('package', { 'a.js': 10, 'a.js.map': 10, '.env': 5 })
    const before = buildReport(
      [{ name: 'pkg-1.0.0.tgz', files: under('package', { 'a.js': 10, 'a.js.map': 10 }) }],
      [{ rule: 'sourcemap/embedded-source', severity: 'error', path: 'package/a.js.map' }]
    )
    const after = buildReport(
      [{ name: 'dist', files }],
      [
        {
          rule: 'sourcemap/embedded-source',
          severity: 'error',
          path: 'package/a.js.map',
          message: 'old leak'
        },
        { rule: 'private-file/env', severity: 'error', path: 'package/.env', message: 'env file' },
        {
          rule: 'policy/forbidden',
          severity: 'error',
          path: 'package/a.js',
          message: 'not tracked'
        }
      ]
    )
    const { introduced, section } = compareWithBaseline(after, { label, report: before })
    expect(introduced.map((f) => f.rule)).toEqual(['private-file/env'])
    expect(section.introduced).toEqual([
      { rule: 'private-file/env', severity: 'error', artifact: 'dist', path: 'package/.env' }
    ])
    const marked = markNewFindings(after.findings, introduced, label)
    expect(marked.map((f) => f.message)).toEqual([
      'old leak',
      'env file (new since pkg@1.2.0)',
      'not tracked'
    ])
    expect(marked[1]?.details).toEqual({ new: true })
    expect(markNewFindings(marked, introduced, label)).toEqual(marked)
  })

  it('compares totals only, and says so, when the baseline report has no file list', () => {
    const before = buildReport([{ name: 'app.zip' }])
    const after = buildReport([{ name: 'app.zip', files: { 'a.js': 10 } }])
    const { findings, section } = compareWithBaseline(after, { label, report: before })
    expect(findings).toEqual([])
    expect(section.notes).toEqual([
      'app.zip in pkg@1.2.0 has no file list, so only totals were compared'
    ])
  })

  it('notes artifacts that appeared or disappeared and treats their findings as new', () => {
    const before = buildReport([
      { name: 'a.zip', files: { x: 1 } },
      { name: 'old.zip', files: { x: 1 } }
    ])
    const after = buildReport(
      [
        { name: 'a.zip', files: { x: 1 } },
        { name: 'fresh.zip', files: { 'y.map': 1 } }
      ],
      [{ rule: 'sourcemap/file', artifact: 'fresh.zip', path: 'y.map' }]
    )
    const { section, introduced } = compareWithBaseline(after, { label, report: before })
    expect(section.notes).toEqual([
      'fresh.zip is new: not in pkg@1.2.0',
      'old.zip from pkg@1.2.0 is not in this release'
    ])
    expect(introduced.map((f) => f.path)).toEqual(['y.map'])
  })

  it('notes a baseline that was only partly read', () => {
    const before = buildReport(
      [{ name: 'app.zip', files: { a: 1 } }],
      [{ rule: 'archive/limit', severity: 'error', path: 'big.tgz', message: 'over 4 GiB' }]
    )
    const after = buildReport([{ name: 'app.zip', files: { a: 1 } }])
    expect(compareWithBaseline(after, { label, report: before }).section.notes).toEqual([
      'the baseline was not read completely (app.zip: big.tgz: over 4 GiB)'
    ])
  })

  it('declares every rule id it reports', () => {
    expect(Object.keys(BASELINE_RULES_META.rules).sort()).toEqual([
      'baseline/growth',
      'baseline/new-file',
      'baseline/removed-file'
    ])
  })
})

describe('applyBaseline', () => {
  it('folds findings, marks and section into the report and recomputes the verdict', () => {
    const before = buildReport([{ name: 'pkg-1.0.0.tgz', files: under('package', { 'a.js': 10 }) }])
    const after = buildReport(
      [{ name: 'pkg-1.1.0.tgz', files: under('package', { 'a.js': 10, 'a.js.map': 10 }) }],
      [
        {
          rule: 'sourcemap/file',
          severity: 'warning',
          path: 'package/a.js.map',
          message: 'map shipped'
        }
      ]
    )
    expect(after.conclusion).toBe('success')
    const result = applyBaseline(after, { label, report: before }, { failOn: 'warning' })
    expect(result.conclusion).toBe('failure')
    // the map, the new file, and growth of both total size and file count (10 → 20 B, 1 → 2 files)
    expect(result.summary.warning).toBe(4)
    expect(result.findings.map((f) => f.message)).toContain('map shipped (new since pkg@1.2.0)')
    expect(result.baseline).toMatchObject({ label, counts: { added: 1 } })
  })

  it('runs the policy step on baseline findings', () => {
    const before = buildReport([{ name: 'a', files: { x: 1 } }])
    const after = buildReport([{ name: 'a', files: { x: 1, y: 1 } }])
    const result = applyBaseline(
      after,
      { label, report: before },
      {
        failOn: 'error',
        postprocess: (findings) => ({
          findings: findings.filter((f) => f.path !== 'y'),
          suppressed: [{ rule: 'baseline/new-file', path: 'y', reason: 'expected', count: 1 }]
        })
      }
    )
    expect(result.findings.map((f) => f.details?.metric ?? f.rule)).toEqual(['files', 'total'])
    expect(result.suppressed).toEqual([
      { rule: 'baseline/new-file', path: 'y', reason: 'expected', count: 1 }
    ])
  })
})
