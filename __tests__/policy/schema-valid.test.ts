import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { parse, POLICY_FILE, yamlOf } from './support.js'

describe('parsePolicy: valid files', () => {
  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing yet\n'],
    ['keys with nothing under them', yamlOf('rules:', 'ignore:', 'forbid:', 'budgets:')]
  ])('reads %s as a policy with nothing set', (_, text) => {
    expect(parse(text)).toEqual({
      file: POLICY_FILE,
      rules: [],
      ignore: [],
      forbid: [],
      budgets: {}
    })
  })

  it('reads rules with every level, wildcards included, with their positions', () => {
    const policy = parse(
      yamlOf(
        'rules:',
        '  sourcemap/file: notice',
        '  secret/*: warning',
        '  archive/limit: error',
        '  private-file/editor: off'
      )
    )
    expect(policy.rules).toEqual([
      { rule: 'sourcemap/file', level: 'notice', at: { line: 2, column: 3 } },
      { rule: 'secret/*', level: 'warning', at: { line: 3, column: 3 } },
      { rule: 'archive/limit', level: 'error', at: { line: 4, column: 3 } },
      { rule: 'private-file/editor', level: 'off', at: { line: 5, column: 3 } }
    ])
  })

  it('reads ignore entries with and without artifact and until', () => {
    const policy = parse(
      yamlOf(
        'ignore:',
        '  - rule: private-file/agent',
        '    path: "package/docs/**"',
        '    artifact: "npm-*"',
        '    reason: docs are meant to ship',
        '    until: 2026-12-31',
        '  - { rule: secret/*, path: "**/fixtures/**", reason: fake keys, until: "2027-01-31" }'
      )
    )
    expect(policy.ignore).toEqual([
      {
        index: 0,
        rule: 'private-file/agent',
        path: 'package/docs/**',
        artifact: 'npm-*',
        reason: 'docs are meant to ship',
        until: '2026-12-31',
        at: { line: 2, column: 5 }
      },
      {
        index: 1,
        rule: 'secret/*',
        path: '**/fixtures/**',
        reason: 'fake keys',
        until: '2027-01-31',
        at: { line: 7, column: 5 }
      }
    ])
  })

  it('reads allow globs, negations included', () => {
    expect(parse(yamlOf('allow:', '  - package/dist/**', '  - "!**/*.map"')).allow).toEqual([
      'package/dist/**',
      '!**/*.map'
    ])
  })

  it('compiles forbid patterns and escapes literals', () => {
    const { forbid } = parse(
      yamlOf(
        'forbid:',
        '  - name: internal-host',
        '    pattern: "\\\\b[a-z0-9-]+\\\\.corp\\\\.example\\\\.com\\\\b"',
        '    paths: ["**/*.js"]',
        '    severity: warning',
        '  - name: codename',
        '    literal: "Falcon (v2.*)"',
        '    ignore-case: true',
        '    paths: "**/*.md"'
      )
    )
    expect(
      forbid.map(({ name, regex, paths, severity }) => ({ name, regex, paths, severity }))
    ).toEqual([
      {
        name: 'internal-host',
        regex: /\b[a-z0-9-]+\.corp\.example\.com\b/gm,
        paths: ['**/*.js'],
        severity: 'warning'
      },
      { name: 'codename', regex: /Falcon \(v2\.\*\)/gim, paths: ['**/*.md'], severity: undefined }
    ])
    expect(forbid[1].regex.test('see falcon (V2.*) notes')).toBe(true)
  })

  it.each([
    [1048576, 1048576],
    ['512', 512],
    ['512 B', 512],
    ['2 kB', 2000],
    ['2KB', 2000],
    ['2 KiB', 2048],
    ['20 MB', 20_000_000],
    ['1.5 MiB', 1_572_864],
    ['1 GB', 1_000_000_000],
    ['2 GiB', 2_147_483_648]
  ])('reads the byte size %p as %p bytes', (size, bytes) => {
    const text = typeof size === 'number' ? String(size) : `"${size}"`
    const policy = parse(
      yamlOf('budgets:', `  total-bytes: ${text}`, `  file-bytes: ${text}`, '  files: 500')
    )
    expect(policy.budgets).toEqual({
      totalBytes: { bytes, text: typeof size === 'number' ? `${size} B` : size },
      fileBytes: { bytes, text: typeof size === 'number' ? `${size} B` : size },
      files: 500
    })
  })

  it.each(['private', 'public', 'auto'])('reads sources: %s', (sources) => {
    expect(parse(`sources: ${sources}\n`).sources).toBe(sources)
  })

  it.each(['error', 'warning', 'notice', 'never'])('reads fail-on: %s', (failOn) => {
    expect(parse(`fail-on: ${failOn}\n`).failOn).toBe(failOn)
  })

  it('keeps baseline thresholds in their YAML spelling, sizes in bytes', () => {
    const policy = parse(
      yamlOf(
        'baseline:',
        '  max-growth-percent: { total: 25, file: 100, files: 12.5 }',
        '  min-file-bytes: 10 KiB'
      )
    )
    expect(policy.baseline).toEqual({
      'max-growth-percent': { total: 25, file: 100, files: 12.5 },
      'min-file-bytes': 10240
    })
  })

  it('resolves anchors and aliases', () => {
    const policy = parse(
      yamlOf(
        'ignore:',
        '  - { rule: secret/*, path: "a/**", reason: &why shared fixture }',
        '  - { rule: secret/*, path: "b/**", reason: *why }'
      )
    )
    expect(policy.ignore.map((e) => e.reason)).toEqual(['shared fixture', 'shared fixture'])
  })

  it('accepts the example policy that ships with the project', async () => {
    const policy = parse(await readFile('examples/release-audit.yml', 'utf8'))
    expect(policy.rules).toHaveLength(3)
    expect(policy.ignore).toHaveLength(2)
    expect(policy.forbid.map((f) => f.name)).toEqual(['internal-host', 'codename'])
    expect(policy.budgets.totalBytes?.bytes).toBe(20_000_000)
    expect(policy.failOn).toBe('error')
  })
})
