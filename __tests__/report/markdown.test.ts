import { describe, expect, it } from '@jest/globals'
import { ruleDocsUrl } from '../../src/report/docs-url.js'
import {
  commentMarker,
  renderCheckSummary,
  renderComment,
  renderJobSummary
} from '../../src/report/markdown.js'
import { makeReport, SAMPLE_ARTIFACTS, readGolden, sampleReport } from './markdown-fixtures.js'

const LINKS = {
  checkRunUrl: 'https://github.com/acme/cli/runs/987654',
  reportPath: 'release-audit-report.json'
}

describe('markdown renderers: golden files', () => {
  it.each([
    [
      'check-summary.md.golden',
      () => renderCheckSummary(sampleReport(), { failOn: 'error', checkName: '' })
    ],
    [
      'comment.md.golden',
      () => renderComment(sampleReport(), { failOn: 'error', checkName: 'release-audit', ...LINKS })
    ],
    [
      'job-summary.md.golden',
      () => renderJobSummary(sampleReport(), { failOn: 'error', checkName: '', ...LINKS })
    ],
    [
      'comment-clean.md.golden',
      () =>
        renderComment(makeReport([], SAMPLE_ARTIFACTS), {
          failOn: 'error',
          checkName: 'audit (web)'
        })
    ],
    [
      'check-summary-neutral.md.golden',
      () => renderCheckSummary(sampleReport('never'), { failOn: 'never', checkName: '' })
    ]
  ])('%s', async (name, render) => {
    const { actual, expected } = await readGolden(name, render())
    expect(actual).toBe(expected)
  })
})

describe('markdown renderers', () => {
  it('starts the comment with the marker of its check name', () => {
    const body = renderComment(sampleReport(), { failOn: 'error', checkName: 'release-audit' })
    expect(body.startsWith('<!-- release-audit:release-audit -->\n')).toBe(true)
    expect(commentMarker('')).toBe('<!-- release-audit:release-audit -->')
    expect(commentMarker('audit --> <b>')).toBe('<!-- release-audit:audit - <b -->')
  })

  it.each([
    ['error', '❌ 3 errors block this release'],
    ['warning', '❌ 3 errors and 2 warnings block this release'],
    ['notice', '❌ 3 errors, 2 warnings and 1 notice block this release'],
    ['never', '⚠️ Passed with 3 errors, 2 warnings and 1 notice']
  ] as const)('states the verdict for fail-on %s', (failOn, verdict) => {
    const summary = renderCheckSummary(sampleReport(failOn), { failOn, checkName: '' })
    expect(summary.split('\n')[0]).toBe(`### ${verdict}`)
  })

  it('says a clean audit passed and lists no findings table', () => {
    const summary = renderCheckSummary(makeReport([], SAMPLE_ARTIFACTS), {
      failOn: 'error',
      checkName: ''
    })
    expect(summary.split('\n')[0]).toBe('### ✅ Passed with no findings')
    expect(summary).not.toContain('#### Findings')
  })

  it('lists findings worst first with the rule linked to its docs page', () => {
    const summary = renderCheckSummary(sampleReport(), { failOn: 'error', checkName: '' })
    const rules = [...summary.matchAll(/^\| \S+ \| \[`([^`]+)`\]\[\1\]/gm)].map((m) => m[1])
    expect(rules).toEqual([
      'private-file/env',
      'sourcemap/embedded-source',
      'secret/github-token',
      'private-file/agent-instructions',
      'sourcemap/file',
      'sourcemap/reference'
    ])
    const definitions = summary.split('\n').filter((line) => /^\[[^\]]+\]: /.test(line))
    expect(definitions).toEqual(
      [
        'private-file/agent-instructions',
        'private-file/env',
        'private-file/litter',
        'secret/github-token',
        'sourcemap/embedded-source',
        'sourcemap/file',
        'sourcemap/reference'
      ].map((id) => `[${id}]: ${ruleDocsUrl(id)}`)
    )
  })

  it('keeps suppressions and baseline changes visible in every layout', () => {
    for (const body of [
      renderCheckSummary(sampleReport(), { failOn: 'error', checkName: '' }),
      renderComment(sampleReport(), { failOn: 'error', checkName: 'x' }),
      renderJobSummary(sampleReport(), { failOn: 'error', checkName: '' })
    ]) {
      expect(body).toContain('`**/.DS_Store`')
      expect(body).toContain('cleaned by the publish script')
      expect(body).toContain('#### Changes since npm:acme-cli@1.3.2')
      expect(body).toContain('| 📈 grown | `package/dist/cli.js` | 195.3 KiB → 400.4 KiB (+105%) |')
    }
  })

  it('opens the artifact blocks of the comment that hold blocking findings', () => {
    const body = renderComment(sampleReport(), { failOn: 'error', checkName: 'x' })
    expect(body).toContain(
      '<details open><summary><code>acme-cli-1.4.0.tgz</code>: 2 errors, 1 warning</summary>'
    )
    expect(body).toContain(
      '<details open><summary><code>web-dist</code>: 1 error, 1 warning, 1 notice</summary>'
    )
    const neutral = renderComment(sampleReport('never'), { failOn: 'never', checkName: 'x' })
    expect(neutral).not.toContain('<details open>')
  })

  it.each([
    ['no baseline', undefined],
    ['a foreign shape', { label: 'v1', files: 3 }],
    ['lists that are not arrays', { label: 'v1', added: 'x', removed: [], grown: [] }],
    ['no label', { added: [], removed: [], grown: [] }]
  ])('leaves the baseline section out for %s', (_name, baseline) => {
    const report = makeReport([], SAMPLE_ARTIFACTS, baseline ? { baseline } : {})
    expect(renderCheckSummary(report, { failOn: 'error', checkName: '' })).not.toContain(
      'Changes since'
    )
  })

  it('renders a minimal baseline (label and lists only) and skips malformed items', () => {
    const baseline = {
      label: 'v1.0.0',
      added: [{ path: 'a.js', bytes: 10 }, { bytes: 3 }, 'junk'],
      removed: [],
      grown: [{ path: 'b.js', before: 0, after: 2048 }]
    }
    const summary = renderCheckSummary(makeReport([], SAMPLE_ARTIFACTS, { baseline }), {
      failOn: 'error',
      checkName: ''
    })
    expect(summary).toContain(
      [
        '| Change | File | Detail |',
        '|---|---|---|',
        '| ➕ added | `a.js` | 10 B |',
        '| 📈 grown | `b.js` | 0 B → 2.0 KiB |'
      ].join('\n')
    )
  })

  it('renders identically for the same report in any finding order', () => {
    const report = sampleReport()
    const shuffled = { ...report, findings: [...report.findings].reverse() }
    const opts = { failOn: 'error', checkName: 'x', ...LINKS } as const
    expect(renderComment(shuffled, opts)).toBe(renderComment(report, opts))
    expect(renderCheckSummary(shuffled, opts)).toBe(renderCheckSummary(report, opts))
  })

  it('links the check run and points at the report only when known and safe', () => {
    const opts = { failOn: 'error', checkName: 'x' } as const
    expect(renderComment(sampleReport(), { ...opts, ...LINKS })).toContain(
      '[Check run](https://github.com/acme/cli/runs/987654) · Full report: `release-audit-report.json`'
    )
    const bad = renderComment(sampleReport(), { ...opts, checkRunUrl: 'javascript:alert(1)' })
    expect(bad).not.toContain('javascript:')
    expect(bad).toContain("Full report: the JSON report (this step's `report` output)")
    const url = renderJobSummary(sampleReport(), {
      ...opts,
      reportUrl: 'https://example.test/r.json'
    })
    expect(url).toContain('Full report: [JSON report](https://example.test/r.json)')
  })
})
