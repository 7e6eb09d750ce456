import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/engine/finding.js'
import { compareFindings } from '../../src/engine/finding.js'
import { MAX_ANNOTATION_TITLE_CHARS } from '../../src/github/limits.js'
import { createAnchorResolver } from '../../src/report/anchor.js'
import { buildAnnotations, MAX_ANNOTATIONS_PER_CHECK_RUN } from '../../src/report/annotations.js'
import { ruleDocsUrl } from '../../src/report/docs-url.js'
import { makeReport, manyFindings, SAMPLE_ARTIFACTS } from './markdown-fixtures.js'

const REPO_FILES = new Set(['dist/cli.js', 'lib/a.js', '.github/release-audit.yml', 'package.json'])
const anchor = createAnchorResolver(
  (p) => REPO_FILES.has(p),
  ['.github/release-audit.yml', 'package.json']
)

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'sourcemap/file',
  severity: 'warning',
  artifact: 'pkg.tgz',
  path: 'package/dist/cli.js',
  message: 'a finding',
  ...over
})

describe('buildAnnotations', () => {
  it.each([
    ['error', 'failure'],
    ['warning', 'warning'],
    ['notice', 'notice']
  ] as const)('maps severity %s to annotation level %s', (severity, level) => {
    const [annotation] = buildAnnotations(
      makeReport([finding({ severity })], SAMPLE_ARTIFACTS),
      anchor
    )
    expect(annotation?.annotation_level).toBe(level)
  })

  it('places a finding on the repository file it is about, at its line', () => {
    const [annotation] = buildAnnotations(
      makeReport(
        [
          finding({
            path: 'package/dist/cli.js',
            line: 12,
            message: 'sourceMappingURL to a missing map'
          })
        ],
        SAMPLE_ARTIFACTS
      ),
      anchor
    )
    expect(annotation).toEqual({
      path: 'dist/cli.js',
      start_line: 12,
      end_line: 12,
      annotation_level: 'warning',
      title: 'sourcemap/file in pkg.tgz',
      message: 'In artifact pkg.tgz: package/dist/cli.js:12\nsourceMappingURL to a missing map',
      raw_details: `Rule: sourcemap/file\nDocs: ${ruleDocsUrl('sourcemap/file')}`
    })
  })

  it('keeps the artifact and its path in the message when it falls back to the policy file', () => {
    const nested = finding({
      artifact: 'app.zip',
      path: 'inner.tgz!/package/.env',
      severity: 'error',
      rule: 'private-file/env'
    })
    const [annotation] = buildAnnotations(makeReport([nested], SAMPLE_ARTIFACTS), anchor)
    expect(annotation).toMatchObject({
      path: '.github/release-audit.yml',
      start_line: 1,
      end_line: 1
    })
    expect(annotation?.message).toBe(
      'In artifact app.zip: inner.tgz!/package/.env\na finding\n' +
        '(Shown on .github/release-audit.yml: the file is not in this repository.)'
    )
  })

  it('names the artifact itself when the finding has no entry path', () => {
    const [annotation] = buildAnnotations(
      makeReport([finding({ path: '', rule: 'archive/unreadable' })], SAMPLE_ARTIFACTS),
      anchor
    )
    expect(annotation?.message.split('\n')[0]).toBe('In artifact pkg.tgz: (pkg.tgz)')
  })

  it('orders worst first and keeps at most MAX_ANNOTATIONS_PER_CHECK_RUN', () => {
    const findings = manyFindings(1500).reverse()
    const annotations = buildAnnotations(makeReport(findings, SAMPLE_ARTIFACTS), anchor)
    expect(annotations).toHaveLength(MAX_ANNOTATIONS_PER_CHECK_RUN)
    const expected = [...findings].sort(compareFindings).slice(0, MAX_ANNOTATIONS_PER_CHECK_RUN)
    expect(annotations.map((a) => a.message.split('\n')[0])).toEqual(
      expected.map((f) => `In artifact ${f.artifact}: ${f.path}`)
    )
    expect(annotations[0]?.annotation_level).toBe('failure')
    expect(annotations.at(-1)?.annotation_level).toBe('warning') // the 500 notices are the ones left out
  })

  it('keeps title, message and details short however long the finding is', () => {
    const huge = finding({
      artifact: 'n'.repeat(70_000),
      message: '🔑'.repeat(70_000),
      details: { samples: Array.from({ length: 5000 }, (_, i) => `src/file-${i}.ts`) },
      line: 0
    })
    const [annotation] = buildAnnotations(makeReport([huge], SAMPLE_ARTIFACTS), anchor)
    expect(Array.from(annotation.title).length).toBeLessThanOrEqual(MAX_ANNOTATION_TITLE_CHARS)
    expect(Array.from(annotation.message).length).toBeLessThanOrEqual(2000)
    expect(annotation.message.startsWith('In artifact nnn')).toBe(true)
    expect(Array.from(annotation.raw_details!).length).toBeLessThanOrEqual(4000)
    expect(annotation.raw_details).toContain('"samples": [')
    expect(annotation.start_line).toBe(1)
  })

  it('replaces control characters other than newlines', () => {
    const [annotation] = buildAnnotations(
      makeReport([finding({ message: 'bell\u0007 escape\u001b[31m tab\tend' })], SAMPLE_ARTIFACTS),
      anchor
    )
    expect(annotation?.message).toContain('bell  escape [31m tab end')
  })
})
