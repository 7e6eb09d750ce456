import { describe, expect, it } from '@jest/globals'
import { compareFindings } from '../../src/engine/finding.js'
import type { Finding } from '../../src/engine/finding.js'
import type { Report } from '../../src/engine/report.js'
import {
  MAX_CHECK_RUN_TEXT_BYTES,
  MAX_COMMENT_CHARS,
  MAX_JOB_SUMMARY_BYTES
} from '../../src/github/limits.js'
import type { MarkdownOptions } from '../../src/report/markdown.js'
import { renderCheckSummary, renderComment, renderJobSummary } from '../../src/report/markdown.js'
import { makeReport, manyFindings, SAMPLE_ARTIFACTS } from './markdown-fixtures.js'

type Render = (report: Report, opts: MarkdownOptions) => string

const RENDERERS: [string, Render, number][] = [
  ['check summary', renderCheckSummary, MAX_CHECK_RUN_TEXT_BYTES],
  ['comment', renderComment, MAX_COMMENT_CHARS],
  ['job summary', renderJobSummary, MAX_JOB_SUMMARY_BYTES]
]
const OPTS: MarkdownOptions = {
  failOn: 'error',
  checkName: 'release-audit',
  reportPath: 'out/report.json'
}
const POINTER = /^… ([\d,]+) more findings? not shown; see the full report: `out\/report\.json`\.$/m
const FINDING_ROW = /^\| (❌|⚠️|ℹ️) \| /gm

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')
const hiddenCount = (body: string) => Number(POINTER.exec(body)?.[1]?.replace(/,/g, '') ?? NaN)
const rows = (body: string) => body.match(FINDING_ROW) ?? []

describe.each(RENDERERS)('%s limits', (_name, render, limit) => {
  it('keeps 5,000 findings under the limit, dropping the least severe, with a pointer', () => {
    const findings = manyFindings(5000)
    const body = render(makeReport(findings, SAMPLE_ARTIFACTS), OPTS)
    expect(bytes(body)).toBeLessThanOrEqual(limit)
    const shown = rows(body).length
    expect(shown).toBeGreaterThan(100)
    expect(hiddenCount(body)).toBe(5000 - shown)
    // The rows shown are the worst ones: as many errors as shown, or every error.
    const errorsShown = rows(body).filter((r) => r.includes('❌')).length
    expect(errorsShown).toBe(Math.min(shown, findings.filter((f) => f.severity === 'error').length))
  })

  it('shows every finding when they fit, without a pointer', () => {
    const body = render(makeReport(manyFindings(40), SAMPLE_ARTIFACTS), OPTS)
    expect(rows(body)).toHaveLength(40)
    expect(body).not.toMatch(POINTER)
  })

  it.each([
    ['message', (f: Finding) => ({ ...f, message: 'a'.repeat(limit + 1) })],
    ['path', (f: Finding) => ({ ...f, path: 'p/'.repeat(limit / 2 + 1) + 'x.map' })],
    ['artifact name', (f: Finding) => ({ ...f, artifact: 'n'.repeat(limit + 1) })],
    ['rule id', (f: Finding) => ({ ...f, rule: 'r'.repeat(limit + 1) })]
  ])('cuts a %s longer than the whole limit to one bounded cell', (_field, grow) => {
    const findings = manyFindings(3).map(grow)
    const body = render(makeReport(findings, SAMPLE_ARTIFACTS), OPTS)
    expect(bytes(body)).toBeLessThanOrEqual(limit)
    expect(rows(body)).toHaveLength(3)
    expect(body).toContain('…')
  })

  it('counts multi-byte text in bytes', () => {
    const findings = manyFindings(5000, (i) => `漏洩 🔑 ${i} `.repeat(20))
    const body = render(makeReport(findings, SAMPLE_ARTIFACTS), OPTS)
    expect(bytes(body)).toBeLessThanOrEqual(limit)
    expect(body).toMatch(POINTER)
  })

  it('cuts even an absurd check name to the limit', () => {
    const body = render(makeReport(manyFindings(10), SAMPLE_ARTIFACTS), {
      ...OPTS,
      checkName: 'c'.repeat(limit + 1)
    })
    expect(bytes(body)).toBeLessThanOrEqual(limit)
  })
})

describe('when even the tables do not fit', () => {
  // 150 artifacts, 60 ignore entries and 4 × 300 baseline changes, all with long multi-byte names.
  const long = (tag: string, i: number) => `${tag}-${i}-` + '名'.repeat(300)
  const report = makeReport(
    manyFindings(30),
    Array.from({ length: 150 }, (_, i) => ({
      name: long('art', i),
      source: long('src', i),
      files: i,
      bytes: i * 1000
    })),
    {
      suppressed: Array.from({ length: 60 }, (_, i) => ({
        rule: 'private-file/env',
        path: long('glob', i),
        reason: long('why', i),
        count: 1
      })),
      baseline: {
        label: 'v1.0.0',
        ...Object.fromEntries(
          ['added', 'removed', 'grown', 'introduced'].map((k) => [
            k,
            Array.from({ length: 300 }, (_, i) => ({
              artifact: long('a', i % 2),
              path: long(k, i),
              bytes: 1,
              before: 1,
              after: 2,
              rule: 'x/y'
            }))
          ])
        )
      }
    }
  )

  it.each([
    ['check summary', renderCheckSummary, MAX_CHECK_RUN_TEXT_BYTES, 'a check run summary'],
    ['comment', renderComment, MAX_COMMENT_CHARS, 'a pull request comment']
  ] as const)(
    'the %s falls back to verdict, counts and a pointer',
    (_name, render, limit, where) => {
      const body = render(report, { ...OPTS, checkRunUrl: 'https://github.com/o/r/runs/1' })
      expect(bytes(body)).toBeLessThanOrEqual(limit)
      expect(body).toContain('❌ release-audit: 10 errors block this release')
      expect(body).toContain('| 10 | 10 | 10 | 60 |')
      expect(body).toContain(`The full summary is too large for ${where}.`)
      expect(hiddenCount(body)).toBe(30)
      expect(body).toContain('[Check run](https://github.com/o/r/runs/1)')
      expect(rows(body)).toHaveLength(0)
    }
  )

  it('the job summary, with room for them, keeps its tables (the findings name 2 more artifacts)', () => {
    const body = renderJobSummary(report, OPTS)
    expect(bytes(body)).toBeLessThanOrEqual(MAX_JOB_SUMMARY_BYTES)
    expect(body).toContain('… 52 more artifacts (see the full report).')
    expect(body).toContain('… 10 more ignore entries (see the full report).')
    expect(body).toContain(
      'Not listed here: 200 added, 200 removed, 200 grown, 200 introduced (see the full report).'
    )
    expect(rows(body)).toHaveLength(30)
  })
})

it('notes in the check summary how many findings have no annotation', () => {
  const findings = manyFindings(1200, () => 'short')
  const summary = renderCheckSummary(makeReport(findings, SAMPLE_ARTIFACTS), OPTS)
  expect(summary).toContain(
    'Annotations mark the first 1,000 findings; 200 more are only in the full report.'
  )
  const sorted = [...findings].sort(compareFindings)
  const firstRow = rows(summary)[0]
  expect(firstRow).toBeDefined()
  expect(summary).toContain(sorted[0].path)
})
