import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/engine/finding.js'
import {
  codeCell,
  codeInline,
  escapeHtml,
  escapeText,
  safeUrl,
  truncateMiddle,
  truncateUtf8
} from '../../src/report/markdown-escape.js'
import { renderCheckSummary, renderComment } from '../../src/report/markdown.js'
import { makeReport, SAMPLE_ARTIFACTS } from './markdown-fixtures.js'

/** GFM splits a row at every `|` that is not escaped as `\|`, code spans included. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
}

/** The row text outside code spans: what markdown and HTML would act on. */
function outsideCode(text: string): string {
  return text.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '')
}

const HOSTILE = [
  ['a pipe', 'dist/a|b.js'],
  ['backticks', 'dist/``tick`.js'],
  ['a leading backtick', '`start.js'],
  ['HTML', 'dist/<img src=x onerror=alert(1)>.js'],
  ['a newline', 'dist/line\nbreak.js'],
  ['a carriage return and tab', 'dist/a\r\tb.js'],
  ['a mention', '@octocat/pkg.js'],
  ['math', '$x^2$ and $$y$$.js'],
  ['a link', '[click](javascript:alert(1)).js'],
  ['an HTML comment end', '--><!--.js'],
  ['a backslash before a pipe', 'dir\\|x.js']
] as const

describe('hostile names and messages in tables', () => {
  it.each(HOSTILE)('keeps a path with %s in its own cell, inert', (_name, hostile) => {
    const finding: Finding = {
      rule: 'private-file/env',
      severity: 'error',
      artifact: hostile,
      path: hostile,
      message: `found ${hostile} here`
    }
    const report = makeReport([finding], SAMPLE_ARTIFACTS)
    for (const body of [
      renderCheckSummary(report, { failOn: 'error', checkName: '' }),
      renderComment(report, { failOn: 'error', checkName: 'x' })
    ]) {
      const row = body.split('\n').find((line) => line.startsWith('| ❌ | '))
      expect(row).toBeDefined()
      const parts = cells(row!)
      expect(parts).toHaveLength(body.startsWith('<!--') ? 4 : 5)
      const prose = outsideCode(row!)
      expect(prose).not.toMatch(/(?<!\\)[<>]/)
      expect(prose).not.toMatch(/(?<!\\)\$/)
      expect(prose).not.toMatch(/(?<!\\)\[click/)
      expect(prose).not.toMatch(/@octocat/)
    }
  })

  it('never lets a mention through in the comment, the artifact block summary included', () => {
    const finding: Finding = {
      rule: 'x/y',
      severity: 'error',
      artifact: '@acme/cli',
      path: 'a',
      message: 'see @octocat'
    }
    const body = renderComment(
      makeReport([finding], [{ name: '@acme/cli', source: '@actions', files: 1, bytes: 1 }]),
      {
        failOn: 'error',
        checkName: 'x'
      }
    )
    expect(outsideCode(body.replace(/<code>.*?<\/code>/g, ''))).not.toMatch(/@[a-z]/)
  })
})

describe('escape helpers', () => {
  it.each([
    ['plain', 'a.js', '`a.js`'],
    ['one backtick', 'a`b', '``a`b``'],
    ['leading backtick', '`a', '`` `a ``'],
    ['a pipe', 'a|b', '`a\\|b`'],
    ['empty', '', '` `']
  ])('codeCell: %s', (_name, input, expected) => {
    expect(codeCell(input)).toBe(expected)
  })

  it('codeInline leaves pipes alone outside tables', () => {
    expect(codeInline('a|b')).toBe('`a|b`')
  })

  it('escapeText neutralises markdown, HTML, math and mentions but not e-mail-like text', () => {
    expect(escapeText('*a* _b_ <i> | $x$ [l] ~s~ & @bob pkg@1.0')).toBe(
      '\\*a\\* \\_b\\_ \\<i\\> \\| \\$x\\$ \\[l\\] \\~s\\~ \\& @\u200bbob pkg@1.0'
    )
  })

  it('escapeHtml escapes for element content', () => {
    expect(escapeHtml('<a href="x">&</a> @bob')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt; @\u200bbob'
    )
  })

  it('truncates by characters without splitting surrogate pairs, keeping the end of paths', () => {
    expect(escapeText('🔑'.repeat(10), 4)).toBe('🔑🔑🔑…')
    expect(truncateMiddle('dir/'.repeat(10) + 'file.js', 20)).toBe('dir/di…r/dir/file.js')
  })

  it.each([
    ['ascii', 'abcdef', 4, 'abcd'],
    ['euro signs (3 bytes each)', '€€€', 7, '€€'],
    ['emoji (4 bytes)', 'a🔑b', 3, 'a'],
    ['under the limit', 'abc', 10, 'abc']
  ])('truncateUtf8: %s', (_name, text, max, expected) => {
    expect(truncateUtf8(text, max)).toBe(expected)
    expect(Buffer.byteLength(truncateUtf8(text, max))).toBeLessThanOrEqual(max)
  })

  it.each([
    ['https://github.com/o/r/runs/1', true],
    ['http://ghe.example/o/r', true],
    ['javascript:alert(1)', false],
    ['https://x.test/a b', false],
    ['https://x.test/a)(b', false]
  ])('safeUrl(%s)', (url, ok) => {
    expect(safeUrl(url)).toBe(ok ? url : undefined)
  })
})
