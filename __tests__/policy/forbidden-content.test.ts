import { describe, expect, it } from '@jest/globals'
import { CHUNK_BYTES } from '../../src/policy/forbidden-content.js'
import { SNIFF_BYTES } from '../../src/util/text.js'
import { createPolicyRule } from '../../src/policy/rule.js'
import type { EntrySpec } from '../support/run-rule.js'
import { runRule } from '../support/run-rule.js'
import { parse, yamlOf } from './support.js'

const CODENAME = 'Project Falcon'
const HOST_PATTERN = '\\\\b[a-z0-9-]+\\\\.corp\\\\.example\\\\.com\\\\b'

const POLICY = yamlOf(
  'forbid:',
  '  - name: internal-host',
  `    pattern: "${HOST_PATTERN}"`,
  '    paths: ["**/*.js", "**/*.css"]',
  '  - name: codename',
  `    literal: "${CODENAME}"`,
  '    ignore-case: true',
  '    severity: warning'
)

function scan(tree: Record<string, EntrySpec>, policy = POLICY) {
  return runRule(createPolicyRule(parse(policy)), tree)
}

describe('policy/forbidden-content', () => {
  it('reports the line, the pattern name and a masked excerpt', () => {
    const [report, ...rest] = scan({
      'package/dist/api.js': 'const a = 1\n\nfetch("https://builds.corp.example.com/v1/x")\n'
    })
    expect(rest).toEqual([])
    expect(report).toMatchObject({
      rule: 'policy/forbidden-content',
      line: 3,
      message: `forbidden content 'internal-host' at line 3: "fetch("https://buil…/v1/x")"`,
      details: { pattern: 'internal-host', column: 16, excerpt: 'fetch("https://buil…/v1/x")' }
    })
    expect(report.severity).toBeUndefined()
  })

  it('finds literals regardless of case with ignore-case, at the entry severity', () => {
    const reports = scan({
      'README.md': `# Notes\nBuilt for ${CODENAME.toUpperCase()} and project falcon.\n`
    })
    expect(reports.map((r) => [r.line, r.severity, r.details?.column])).toEqual([
      [2, 'warning', 11],
      [2, 'warning', 30]
    ])
  })

  it('searches only the paths an entry names', () => {
    const text = 'see https://wiki.corp.example.com/page\n'
    const reports = scan({ 'a.js': text, 'b.css': text, 'c.md': text, 'd.js.map': text })
    expect(reports.map((r) => r.entry.path)).toEqual(['a.js', 'b.css'])
  })

  it('never shows more than 4 characters of a match, nor of its neighbours on the line', () => {
    const long = `${CODENAME} Extended Internal Edition`
    const reports = scan(
      {
        'a.md': `${CODENAME}/${CODENAME}:${CODENAME}\n`,
        'b.md': `${CODENAME}${'-'.repeat(15)}${CODENAME}\n`,
        'c.md': `${long}\n`,
        'd.md': `${CODENAME}\u0007\t${CODENAME}`
      },
      yamlOf(
        'forbid:',
        `  - { name: codename, literal: "${CODENAME}" }`,
        `  - { name: long, literal: "${long}" }`
      )
    )
    expect(reports.length).toBeGreaterThanOrEqual(6)
    const everything = JSON.stringify(reports.map((r) => [r.message, r.details]))
    for (const part of ['Project', 'Falcon', 'roject', 'alcon', 'Edition']) {
      expect(everything).not.toContain(part)
    }
    expect(reports.map((r) => `${r.entry.path} ${String(r.details?.excerpt)}`)).toEqual([
      'a.md Pro…/Pro…:Pro…',
      'a.md Pro…/Pro…:Pro…',
      'a.md …/Pro…:Pro…',
      'b.md Pro…---------------Pro…',
      // a match the window cuts at its start shows nothing of itself
      'b.md …---------------Pro…',
      // masked together with the longer forbidden name it is part of
      'c.md Proj…',
      'c.md Proj…',
      'd.md Pro…  Pro…',
      'd.md Pro…  Pro…'
    ])
  })

  it('searches binary files by byte offset, with control bytes shown as spaces and others as dots', () => {
    const prefix = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])
    const binary = Buffer.concat([
      prefix,
      Buffer.from('host\u0000a.corp.example.com\u0000\u0001end\u00ff', 'latin1')
    ])
    const late = Buffer.concat([
      Buffer.from(`x.corp.example.com\n`),
      Buffer.alloc(SNIFF_BYTES, 0x20),
      Buffer.from([0])
    ])
    const reports = scan({ 'bin/tool.js': binary, 'late.js': late })
    expect(reports.map((r) => [r.entry.path, r.line])).toEqual([
      ['bin/tool.js', undefined],
      ['late.js', 1]
    ])
    const offset = prefix.length + 'host\u0000'.length
    expect(reports[0]).toMatchObject({
      message: `forbidden content 'internal-host' in binary content at byte 0x${offset.toString(16)} (${offset}): " ELF    host a.co…  end."`,
      details: { pattern: 'internal-host', offset, excerpt: ' ELF    host a.co…  end.' }
    })
  })

  it('does not search compressed media or archives as binary content', () => {
    const host = Buffer.from('a.corp.example.com')
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n\0\0', 'latin1'), host])
    const xz = Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0]), host])
    expect(scan({ 'logo.js': png, 'vendor.js': xz })).toEqual([])
  })

  it('reads UTF-16 text with a byte order mark, as Windows tools write it', () => {
    const text = `# hosts\r\nx.corp.example.com\r\n`
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(scan({ 'hosts.js': utf16 }).map((r) => [r.entry.path, r.line])).toEqual([
      ['hosts.js', 2]
    ])
  })

  it('lists 10 matches of a pattern per file and counts the rest in one finding', () => {
    const text = Array.from({ length: 25 }, (_, i) => `n${i}.corp.example.com`).join('\n')
    const reports = scan({ 'hosts.js': text })
    expect(reports).toHaveLength(11)
    expect(reports.slice(0, 10).map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(reports[10]).toMatchObject({
      line: 11,
      message:
        "15 more matches of forbidden content 'internal-host' in this file (lines 11–25) are not listed one by one",
      details: { pattern: 'internal-host', omitted: 15 }
    })
  })

  it('counts lines the same with CRLF endings and multi-byte text', () => {
    const reports = scan({ 'a.js': 'é\r\n€\r\n// é x.corp.example.com\r\n' })
    expect(reports.map((r) => [r.line, r.details?.column])).toEqual([[3, 6]])
  })

  it('anchors ^ and $ at line ends', () => {
    const policy = yamlOf('forbid:', '  - { name: todo, pattern: "^TODO\\\\b" }')
    const reports = scan({ 'a.txt': 'x TODO\nTODO: ship\n' }, policy)
    expect(reports.map((r) => r.line)).toEqual([2])
  })

  it('keeps line numbers right across the pieces a large file is searched in', () => {
    const line = `${'a'.repeat(1023)}\n`
    const lines = Math.ceil(CHUNK_BYTES / line.length) + 10
    const content = Buffer.from(`${line.repeat(lines)}api.corp.example.com\n`)
    const reports = scan({ 'big.js': content })
    expect(reports.map((r) => r.line)).toEqual([lines + 1])
  })
})
