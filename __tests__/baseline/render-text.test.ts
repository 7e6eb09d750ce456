import { describe, expect, it } from '@jest/globals'
import { compareWithBaseline } from '../../src/baseline/compare.js'
import { renderBaselineText } from '../../src/baseline/render-text.js'
import { readBaselineSection } from '../../src/baseline/section.js'
import { buildReport, under } from './reports.js'

const KiB = 1024

describe('renderBaselineText', () => {
  it('lists added, removed and grown files with human sizes', () => {
    const before = buildReport([
      { name: 'pkg-1.2.0.tgz', files: under('package', { 'index.js': 20 * KiB, 'old.js': 1536 }) }
    ])
    const after = buildReport(
      [
        {
          name: 'pkg-1.3.0.tgz',
          files: under('package', { 'index.js': 200 * KiB, 'index.js.map': 3 * 1024 * KiB })
        }
      ],
      [{ rule: 'sourcemap/embedded-source', severity: 'error', path: 'package/index.js.map' }]
    )
    const { section } = compareWithBaseline(after, { label: 'pkg@1.2.0', report: before })
    expect(renderBaselineText(section)).toBe(
      [
        'Changes since pkg@1.2.0:',
        '  files 2 → 2 (±0), size 21.5 KiB → 3.2 MiB (+15,119%)',
        '  added (1):',
        '    + package/index.js.map  3.0 MiB',
        '  removed (1):',
        '    - package/old.js  1.5 KiB',
        '  grown (1):',
        '    ~ package/index.js  20.0 KiB → 200.0 KiB (+900%)',
        '  new findings (1):',
        '    ! sourcemap/embedded-source  package/index.js.map'
      ].join('\n')
    )
  })

  it('cuts long lists and names artifacts when there are several', () => {
    const many = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`f${String(i).padStart(2, '0')}`, 100 + i])
    )
    const before = buildReport([
      { name: 'a.zip', files: {} },
      { name: 'b.zip', files: { x: 1 } }
    ])
    const after = buildReport([
      { name: 'a.zip', files: many },
      { name: 'b.zip', files: { x: 1 } }
    ])
    const { section } = compareWithBaseline(after, { label: 'v1', report: before })
    const text = renderBaselineText(section, 3)
    expect(text.split('\n').slice(2)).toEqual([
      '  added (25):',
      '    + a.zip: f24  124 B',
      '    + a.zip: f23  123 B',
      '    + a.zip: f22  122 B',
      '    … and 22 more'
    ])
  })

  it('says when nothing changed, and shows notes', () => {
    const report = buildReport([{ name: 'app.zip', files: { a: 1 } }])
    const { section } = compareWithBaseline(report, {
      label: 'last.json',
      report: buildReport([{ name: 'app.zip' }])
    })
    expect(renderBaselineText(section)).toBe(
      [
        'Changes since last.json:',
        '  files 0 → 1 (+1), size 0 B → 1 B',
        '  no file added, removed or grown past the limits',
        '  note: app.zip in last.json has no file list, so only totals were compared'
      ].join('\n')
    )
  })

  it('reads the section back from a JSON report', () => {
    const report = buildReport([{ name: 'a', files: { x: 1 } }])
    const { section } = compareWithBaseline(report, { label: 'v1', report })
    const roundTripped = JSON.parse(
      JSON.stringify({ ...report, baseline: section })
    ) as typeof report
    expect(readBaselineSection(roundTripped)).toEqual(section)
    expect(readBaselineSection({ baseline: { label: 'v1' } })).toBeUndefined()
    expect(readBaselineSection({})).toBeUndefined()
  })
})
