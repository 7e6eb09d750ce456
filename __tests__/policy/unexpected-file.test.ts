import { describe, expect, it } from '@jest/globals'
import { createPolicyRule } from '../../src/policy/rule.js'
import type { EntrySpec } from '../support/run-rule.js'
import { runRule } from '../support/run-rule.js'
import { parse, yamlOf } from './support.js'

const ALLOW = yamlOf(
  'allow:',
  '  - "package/dist/**"',
  '  - "package/package.json"',
  '  - "!**/*.map"'
)

function unexpected(policyText: string, tree: Record<string, EntrySpec>) {
  return runRule(createPolicyRule(parse(policyText)), tree).map((r) => ({
    rule: r.rule,
    path: r.entry.path,
    count: r.details?.count
  }))
}

function files(prefix: string, count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${String(i).padStart(2, '0')}.md`, 'x'])
  )
}

describe('policy/unexpected-file', () => {
  it('reports each file no allow glob expects; directories are not files', () => {
    const reports = unexpected(ALLOW, {
      'package/': { kind: 'directory' },
      'package/package.json': '{}',
      'package/dist/cli.js': 'x',
      'package/dist/cli.js.map': '{}',
      'package/src/cli.ts': 'x',
      'package/.npmrc': 'x',
      'package/bin': { kind: 'symlink', target: 'dist/cli.js' }
    })
    expect(reports).toEqual([
      { rule: 'policy/unexpected-file', path: 'package/dist/cli.js.map', count: undefined },
      { rule: 'policy/unexpected-file', path: 'package/src/cli.ts', count: undefined },
      { rule: 'policy/unexpected-file', path: 'package/.npmrc', count: undefined },
      { rule: 'policy/unexpected-file', path: 'package/bin', count: undefined }
    ])
  })

  it('says which policy file to change', () => {
    const [report] = runRule(createPolicyRule(parse(ALLOW)), { 'package/x.txt': 'x' })
    expect(report.message).toBe(
      'unexpected file: no glob in allow (.github/release-audit.yml) matches it; add one or keep the file out of the release'
    )
  })

  it('collapses a folder of more than 20 unexpected files into one finding with count and samples', () => {
    const reports = runRule(createPolicyRule(parse(ALLOW)), {
      'package/package.json': '{}',
      ...files('package/docs/guide/', 15),
      ...files('package/docs/api/', 10),
      'package/notes.md': 'x'
    })
    expect(reports).toHaveLength(2)
    expect(reports[0].entry.path).toBe('package/docs/')
    expect(reports[0].message).toBe(
      '25 unexpected files in package/docs/ and nothing expected there: no glob in allow (.github/release-audit.yml) matches them (e.g. package/docs/guide/00.md, package/docs/guide/01.md, package/docs/guide/02.md)'
    )
    expect(reports[0].details).toMatchObject({ folder: 'package/docs/', count: 25 })
    expect(reports[0].details?.samples).toHaveLength(10)
    expect(reports[1].entry.path).toBe('package/notes.md')
  })

  it.each([
    ['20 files stay one finding each', 20, 20],
    ['21 files become one finding', 21, 1]
  ])('%s', (_, count, findings) => {
    const reports = unexpected(ALLOW, {
      'package/package.json': '{}',
      ...files('package/extra/', count)
    })
    expect(reports).toHaveLength(findings)
  })

  it('does not collapse a folder that also holds expected files', () => {
    const reports = unexpected(ALLOW, {
      ...files('package/dist/', 30),
      'package/dist/a.js.map': '{}'
    })
    expect(reports.map((r) => r.path)).toEqual(['package/dist/a.js.map'])
  })

  it('collapses a whole artifact nothing in allow matches into one finding', () => {
    const [report, ...rest] = runRule(createPolicyRule(parse(ALLOW)), {
      ...files('site/', 25),
      ...files('', 5)
    })
    expect(rest).toEqual([])
    expect(report.entry.path).toBe('')
    expect(report.message).toMatch(
      /^30 unexpected files in this artifact and nothing expected there/
    )
  })

  it('allows the content of an allowed archive, and matches nested paths by glob', () => {
    const policy = yamlOf('allow:', '  - "dist/vendor.tgz"', '  - "app.zip!/lib/**"')
    const reports = unexpected(policy, {
      'dist/vendor.tgz': Buffer.from([0x1f, 0x8b, 0]),
      'dist/vendor.tgz!/package/index.js': 'x',
      'app.zip!/lib/a.js': 'x',
      'app.zip!/secret.txt': 'x'
    })
    expect(reports.map((r) => r.path)).toEqual(['app.zip!/secret.txt'])
  })

  it('with only !globs allows everything else', () => {
    const reports = unexpected(yamlOf('allow:', '  - "!**/*.map"'), {
      'a.js': 'x',
      'a.js.map': '{}',
      '.env': 'x'
    })
    expect(reports.map((r) => r.path)).toEqual(['a.js.map'])
  })

  it('matches dotfiles with **', () => {
    expect(
      unexpected(yamlOf('allow:', '  - "**"'), { '.github/x.yml': 'x', 'a/.env': 'x' })
    ).toEqual([])
  })

  it('lists 200 files one by one and counts the rest in one more finding', () => {
    const reports = runRule(createPolicyRule(parse(ALLOW)), {
      'package/package.json': '{}',
      ...files('package/', 250)
    })
    expect(reports).toHaveLength(201)
    expect(reports[200].entry.path).toBe('')
    expect(reports[200].details).toMatchObject({ count: 50 })
    expect(reports[200].message).toMatch(/^50 more unexpected files not listed one by one/)
  })

  it('checks nothing without an allow list', () => {
    expect(unexpected('', { 'anything.bin': 'x' })).toEqual([])
  })
})
