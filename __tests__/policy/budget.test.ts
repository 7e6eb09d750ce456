import { describe, expect, it } from '@jest/globals'
import { createPolicyRule } from '../../src/policy/rule.js'
import type { EntrySpec } from '../support/run-rule.js'
import { runRule } from '../support/run-rule.js'
import { parse, yamlOf } from './support.js'

function budget(lines: string[], tree: Record<string, EntrySpec>) {
  return runRule(createPolicyRule(parse(yamlOf('budgets:', ...lines))), tree)
}

const bytes = (n: number) => Buffer.alloc(n, 0x61)

describe('policy/budget', () => {
  it.each([
    ['a decimal unit', '2 kB', 2001, true],
    ['a decimal unit, at the limit', '2 kB', 2000, false],
    ['a binary unit', '2 KiB', 2049, true],
    ['a binary unit, at the limit', '2 KiB', 2048, false],
    ['plain bytes', '100', 101, true]
  ])('total-bytes with %s (%s, %i bytes) → over: %s', (_, limit, total, over) => {
    const reports = budget([`  total-bytes: ${limit}`], {
      'a.js': bytes(total - 1),
      'b.js': bytes(1)
    })
    expect(reports.length).toBe(over ? 1 : 0)
  })

  it('reports the total on the artifact, with exact and readable sizes and the policy file', () => {
    const [report] = budget(['  total-bytes: 1 KB'], {
      'dist/a.js': bytes(1500),
      'dist/b.js': bytes(600)
    })
    expect(report).toMatchObject({
      rule: 'policy/budget',
      entry: { path: '' },
      message:
        'the artifact holds 2,100 bytes (2.1 KiB) uncompressed, over the total-bytes budget of 1 KB in .github/release-audit.yml',
      details: { budget: 'total-bytes', limit: 1000, actual: 2100 }
    })
  })

  it('counts files like the report does: regular files at every depth, not folders or links', () => {
    const tree: Record<string, EntrySpec> = {
      'dist/': { kind: 'directory' },
      'dist/a.js': 'a',
      'dist/link': { kind: 'symlink', target: 'a.js' },
      'dist/v.tgz': 'not really gzip',
      'dist/v.tgz!/package/x.js': 'x'
    }
    expect(budget(['  files: 3'], tree)).toEqual([])
    const [report] = budget(['  files: 2'], tree)
    expect(report.message).toBe(
      'the artifact holds 3 files, over the files budget of 2 in .github/release-audit.yml'
    )
    expect(report.details).toEqual({ budget: 'files', limit: 2, actual: 3 })
  })

  it('reports each file over file-bytes, largest first', () => {
    const reports = budget(['  file-bytes: 1 KiB'], {
      'small.js': bytes(1024),
      'big.js': bytes(1025),
      'bigger.js': bytes(4096)
    })
    expect(reports.map((r) => [r.entry.path, r.message])).toEqual([
      [
        'bigger.js',
        '4,096 bytes (4.0 KiB), over the file-bytes budget of 1 KiB in .github/release-audit.yml'
      ],
      [
        'big.js',
        '1,025 bytes (1.0 KiB), over the file-bytes budget of 1 KiB in .github/release-audit.yml'
      ]
    ])
  })

  it('lists 10 large files and counts the rest in one finding', () => {
    const tree = Object.fromEntries(
      Array.from({ length: 14 }, (_, i) => [`f${i}.bin`, bytes(200 + i)])
    )
    const reports = budget(['  file-bytes: 100'], tree)
    expect(reports).toHaveLength(11)
    expect(reports[0].entry.path).toBe('f13.bin')
    expect(reports[10]).toMatchObject({
      entry: { path: '' },
      details: { budget: 'file-bytes', count: 4, paths: ['f3.bin', 'f2.bin', 'f1.bin', 'f0.bin'] }
    })
    expect(reports[10].message).toBe(
      '4 more files over the file-bytes budget of 100 B in .github/release-audit.yml (up to 203 bytes), e.g. f3.bin, f2.bin, f1.bin'
    )
  })

  it('checks every budget independently', () => {
    const reports = budget(['  total-bytes: 10', '  file-bytes: 5', '  files: 1'], {
      a: bytes(6),
      b: bytes(6)
    })
    expect(reports.map((r) => r.details?.budget)).toEqual([
      'total-bytes',
      'files',
      'file-bytes',
      'file-bytes'
    ])
  })
})
