import { describe, expect, it } from '@jest/globals'
import { formatIssue } from '../../src/policy/errors.js'
import { parseError, yamlOf } from './support.js'

const F = '.github/release-audit.yml'

describe('parsePolicy: invalid files', () => {
  it('names file, line, column and key, as in ignore[1].reason is required', () => {
    const error = parseError(
      yamlOf(
        'rules:',
        '  sourcemap/file: notice',
        'ignore:',
        '  - rule: private-file/agent',
        '    path: "package/docs/**"',
        '    reason: docs ship',
        '  - rule: private-file/agent',
        '    path: "package/notes/**"'
      )
    )
    expect(error.name).toBe('PolicyError')
    expect(error.message).toBe(
      `${F}:7:5: ignore[1].reason is required: say why this finding may ship`
    )
    expect(error.issues).toEqual([
      {
        file: F,
        line: 7,
        column: 5,
        key: 'ignore[1].reason',
        message: 'ignore[1].reason is required: say why this finding may ship'
      }
    ])
  })

  it.each([
    // [what, file lines, the one expected message]
    [
      'a typo of a top-level key',
      ['alow:', '  - x'],
      `${F}:1:1: unknown key 'alow'; did you mean 'allow'?`
    ],
    [
      'a transposition',
      ['fail-no: error'],
      `${F}:1:1: unknown key 'fail-no'; did you mean 'fail-on'?`
    ],
    [
      'an unknown key nothing resembles',
      ['colour: red'],
      `${F}:1:1: unknown key 'colour' (valid keys: rules, ignore, allow, forbid, budgets, sources, baseline, fail-on)`
    ],
    [
      'a file that is not a mapping',
      ['- allow'],
      `${F}:1:1: the policy file must be a mapping (key: value lines)`
    ],
    [
      'rules as a list',
      ['rules:', '  - secret/*'],
      `${F}:2:3: rules must be a mapping (key: value lines)`
    ],
    [
      'a rule id without family',
      ['rules:', '  secret: off'],
      `${F}:2:3: rules: 'secret' is not a rule id such as 'sourcemap/file' or a family wildcard such as 'secret/*'`
    ],
    [
      'an upper-case rule id',
      ['rules:', '  Secret/generic: off'],
      `${F}:2:3: rules: 'Secret/generic' is not a rule id such as 'sourcemap/file' or a family wildcard such as 'secret/*'`
    ],
    [
      'a deep wildcard',
      ['rules:', '  secret/**: off'],
      `${F}:2:3: rules: 'secret/**' is not a rule id such as 'sourcemap/file' or a family wildcard such as 'secret/*'`
    ],
    [
      'an unknown severity',
      ['rules:', '  secret/*: fatal'],
      `${F}:2:13: rules.secret/* must be one of error, warning, notice, off, not 'fatal'`
    ],
    [
      'a misspelt severity',
      ['rules:', '  secret/*: warn'],
      `${F}:2:13: rules.secret/* must be one of error, warning, notice, off, not 'warn'; did you mean 'warning'?`
    ],
    [
      'ignore as a mapping',
      ['ignore:', '  rule: secret/*'],
      `${F}:2:3: ignore must be a list (lines starting with '- ')`
    ],
    [
      'an ignore without rule',
      ['ignore:', '  - path: "**"', '    reason: r'],
      `${F}:2:5: ignore[0].rule is required: name the rule id or family wildcard, e.g. private-file/agent or secret/*`
    ],
    [
      'an ignore without path',
      ['ignore:', '  - rule: secret/*', '    reason: r'],
      `${F}:2:5: ignore[0].path is required: give a glob on the finding's path, e.g. 'package/docs/**' ('**' for all)`
    ],
    [
      'an ignore with an empty reason',
      ['ignore:', '  - rule: secret/*', '    path: "**"', '    reason:'],
      `${F}:4:12: ignore[0].reason is required: say why this finding may ship`
    ],
    [
      'an ignore with a blank reason',
      ['ignore:', '  - rule: secret/*', '    path: "**"', '    reason: "  "'],
      `${F}:4:13: ignore[0].reason must be non-empty text, not '  '`
    ],
    [
      'a typo inside an ignore entry',
      ['ignore:', '  - rule: secret/*', '    path: "**"', '    reason: r', '    util: 2026-01-01'],
      `${F}:5:5: unknown key 'util' in ignore[0]; did you mean 'until'?`
    ],
    [
      'an ignore rule that is not a rule id',
      ['ignore:', '  - { rule: all, path: "**", reason: r }'],
      `${F}:2:13: ignore[0].rule must be a rule id such as 'sourcemap/file' or a family wildcard such as 'secret/*', not 'all'`
    ],
    [
      'an absolute ignore path',
      ['ignore:', '  - { rule: secret/*, path: /package/a.js, reason: r }'],
      `${F}:2:29: ignore[0].path: paths inside an artifact never start with '/' or './'; write 'package/a.js'`
    ],
    [
      'a date in another format',
      ['ignore:', '  - { rule: secret/*, path: "**", reason: r, until: 31.12.2026 }'],
      `${F}:2:53: ignore[0].until must be a date written YYYY-MM-DD, e.g. 2026-12-31, not '31.12.2026'`
    ],
    [
      'a date that does not exist',
      ['ignore:', '  - { rule: secret/*, path: "**", reason: r, until: 2026-02-30 }'],
      `${F}:2:53: ignore[0].until must be a date written YYYY-MM-DD, e.g. 2026-12-31, not '2026-02-30'`
    ],
    [
      'an empty allow list',
      ['allow: []'],
      `${F}:1:8: allow is an empty list, which would flag every file; remove the key to allow everything`
    ],
    [
      'an allow entry that is a number',
      ['allow:', '  - 42'],
      `${F}:2:5: allow[0] must be non-empty text, not 42`
    ],
    [
      'a relative ./ allow glob',
      ['allow:', '  - ./dist/**'],
      `${F}:2:5: allow[0]: paths inside an artifact never start with '/' or './'; write 'dist/**'`
    ],
    [
      'a forbid entry without name',
      ['forbid:', '  - literal: x'],
      `${F}:2:5: forbid[0].name is required: findings report the name, never the text matched`
    ],
    [
      'a forbid entry without pattern or literal',
      ['forbid:', '  - name: x'],
      `${F}:2:5: forbid[0] needs 'pattern' (a regular expression) or 'literal' (exact text)`
    ],
    [
      'a forbid entry with both',
      ['forbid:', '  - { name: x, pattern: a, literal: b }'],
      `${F}:2:5: forbid[0] has both pattern and literal; keep one`
    ],
    [
      'an invalid regular expression',
      ['forbid:', '  - name: x', '    pattern: "(Falcon"'],
      `${F}:3:14: forbid[0].pattern is not a valid regular expression: Unterminated group`
    ],
    [
      'a pattern that matches empty text',
      ['forbid:', '  - name: x', '    pattern: "a*"'],
      `${F}:3:14: forbid[0].pattern matches empty text, so it would match everywhere; make it match at least one character`
    ],
    [
      'a duplicate forbid name',
      ['forbid:', '  - { name: x, literal: a }', '  - { name: x, literal: b }'],
      `${F}:3:13: forbid[1].name 'x' is already used by forbid[0]; names tell findings apart`
    ],
    [
      'a forbid severity of off',
      ['forbid:', '  - { name: x, literal: a, severity: off }'],
      `${F}:2:38: forbid[0].severity must be one of error, warning, notice, not 'off'`
    ],
    [
      'ignore-case that is not a boolean',
      ['forbid:', '  - { name: x, literal: a, ignore-case: yes }'],
      `${F}:2:41: forbid[0].ignore-case must be true or false, not 'yes'`
    ],
    [
      'an empty paths filter',
      ['forbid:', '  - { name: x, literal: a, paths: [] }'],
      `${F}:2:35: forbid[0].paths is an empty list, so the pattern would check nothing; remove it to check every text file`
    ],
    [
      'a size with a lower-case unit',
      ['budgets:', '  total-bytes: 20 mb'],
      `${F}:2:16: budgets.total-bytes must be a whole number of bytes or a size with a unit (B, kB, KB, KiB, MB, MiB, GB, GiB), e.g. 20 MB, not '20 mb'`
    ],
    [
      'a negative size',
      ['budgets:', '  file-bytes: -5'],
      `${F}:2:15: budgets.file-bytes must be a whole number of bytes or a size with a unit (B, kB, KB, KiB, MB, MiB, GB, GiB), e.g. 20 MB, not -5`
    ],
    [
      'a fractional file count',
      ['budgets:', '  files: 1.5'],
      `${F}:2:10: budgets.files must be a whole number, 0 or more, not 1.5`
    ],
    [
      'a budget typo',
      ['budgets:', '  total: 1 MB'],
      `${F}:2:3: unknown key 'total' in budgets; did you mean 'total-bytes'?`
    ],
    [
      'an unknown sources value',
      ['sources: secret'],
      `${F}:1:10: sources must be one of private, public, auto, not 'secret'`
    ],
    [
      'an empty fail-on',
      ['fail-on:'],
      `${F}:1:9: fail-on must be one of error, warning, notice, never (it is empty)`
    ],
    [
      'a growth percent written with %',
      ['baseline:', '  max-growth-percent: { total: 25% }'],
      `${F}:2:32: baseline.max-growth-percent.total must be a number, 0 or more, not '25%'`
    ],
    [
      'a baseline typo',
      ['baseline:', '  min-file-byte: 1'],
      `${F}:2:3: unknown key 'min-file-byte' in baseline; did you mean 'min-file-bytes'?`
    ]
  ])('rejects %s', (_, lines, expected) => {
    const error = parseError(yamlOf(...lines))
    expect(error.issues.map(formatIssue)).toEqual([expected])
  })

  it('lists every problem of a file at once, in file order', () => {
    const error = parseError(yamlOf('fail-on: eror', 'alow: []', 'budgets:', '  files: many'))
    expect(error.message.split('\n')).toEqual([
      `${F}:1:10: fail-on must be one of error, warning, notice, never, not 'eror'; did you mean 'error'?`,
      `${F}:2:1: unknown key 'alow'; did you mean 'allow'?`,
      `${F}:4:10: budgets.files must be a whole number, 0 or more, not 'many'`
    ])
  })

  it('lists the first 20 problems and counts the rest', () => {
    const lines = ['rules:', ...Array.from({ length: 25 }, (_, i) => `  secret/r${i}: fatal`)]
    const messages = parseError(yamlOf(...lines)).message.split('\n')
    expect(messages).toHaveLength(21)
    expect(messages[19]).toMatch(/^\.github\/release-audit\.yml:21:/)
    expect(messages[20]).toBe(`${F}: 5 more problems not listed`)
  })

  it.each([
    [
      'an unclosed flow list',
      ['allow: [a, b', 'fail-on: error'],
      /^\.github\/release-audit\.yml:2:\d+: YAML syntax error: /
    ],
    [
      'a tab used for indentation',
      ['rules:', '\tsecret/*: off'],
      /^\.github\/release-audit\.yml:2:1: YAML syntax error: Tabs are not allowed/
    ],
    [
      'a key given twice',
      ['fail-on: error', 'fail-on: never'],
      /^\.github\/release-audit\.yml:2:1: YAML syntax error: Map keys must be unique/
    ],
    [
      'two documents',
      ['fail-on: error', '---', 'fail-on: never'],
      /^\.github\/release-audit\.yml:2:1: YAML syntax error: the policy file must hold one YAML document/
    ]
  ])('reports %s as a YAML syntax error with its position', (_, lines, expected) => {
    const error = parseError(yamlOf(...lines))
    expect(error.message).toMatch(expected)
    expect(error.issues[0].line).toBeGreaterThan(0)
  })

  it('stops following aliases past 100 uses instead of expanding them', () => {
    const items = ['  - &glob "dist/**"', ...Array.from({ length: 101 }, () => '  - *glob')]
    const error = parseError(yamlOf('allow:', ...items))
    expect(error.issues.map(formatIssue)).toEqual([
      `${F}:103:5: more than 100 alias uses (*name); write the values out`,
      `${F}:103:5: allow[101] must be non-empty text`
    ])
  })
})
