import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { PolicyError } from '../../src/policy/errors.js'
import { POLICY_KEYS } from '../../src/policy/schema.js'
import { parse, yamlOf } from './support.js'

const schema = JSON.parse(readFileSync('schema/release-audit.schema.json', 'utf8')) as {
  properties: Record<string, unknown>
}
// ajv-formats is CommonJS: under ESM its function arrives as `default`
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const ajv = new Ajv({ allErrors: true, strictTypes: true })
addFormats(ajv)
const validateSchema = ajv.compile(schema)

function schemaAccepts(text: string): boolean {
  return validateSchema(parseYaml(text) ?? {})
}

function validatorAccepts(text: string): boolean {
  try {
    parse(text)
    return true
  } catch (error) {
    if (error instanceof PolicyError) return false
    throw error
  }
}

/** Files both must judge alike: the editor's squiggles and the tool's verdict agree. */
const CASES: [string, string[], boolean][] = [
  ['the empty policy', ['{}'], true],
  ['keys left empty', ['rules:', 'ignore:', 'forbid:'], true],
  [
    'rules with levels and a wildcard',
    ['rules:', '  secret/*: off', '  sourcemap/file: notice'],
    true
  ],
  ['a rule key without family', ['rules:', '  secret: off'], false],
  ['an unknown level', ['rules:', '  secret/*: fatal'], false],
  [
    'a full ignore entry',
    ['ignore:', '  - { rule: a/b, path: "**", artifact: "x-*", reason: r, until: 2026-12-31 }'],
    true
  ],
  ['an ignore without reason', ['ignore:', '  - { rule: a/b, path: "**" }'], false],
  ['an ignore without path', ['ignore:', '  - { rule: a/b, reason: r }'], false],
  [
    'an ignore with an unknown key',
    ['ignore:', '  - { rule: a/b, path: "**", reason: r, note: n }'],
    false
  ],
  [
    'an impossible until date',
    ['ignore:', '  - { rule: a/b, path: "**", reason: r, until: 2026-02-30 }'],
    false
  ],
  [
    'a misformatted until date',
    ['ignore:', '  - { rule: a/b, path: "**", reason: r, until: 2026-1-5 }'],
    false
  ],
  ['allow globs with a negation', ['allow:', '  - "dist/**"', '  - "!**/*.map"'], true],
  ['an empty allow list', ['allow: []'], false],
  ['an absolute allow glob', ['allow: ["/dist/**"]'], false],
  [
    'a forbid pattern',
    [
      'forbid:',
      '  - { name: h, pattern: "\\\\bcorp\\\\b", paths: ["**/*.js"], severity: warning }'
    ],
    true
  ],
  [
    'a forbid literal with a single path',
    ['forbid:', '  - { name: c, literal: Falcon, ignore-case: true, paths: "**" }'],
    true
  ],
  ['a forbid entry with both', ['forbid:', '  - { name: c, literal: a, pattern: b }'], false],
  ['a forbid entry with neither', ['forbid:', '  - { name: c }'], false],
  ['an invalid regular expression', ['forbid:', '  - { name: c, pattern: "(a" }'], false],
  ['a forbid severity of off', ['forbid:', '  - { name: c, literal: a, severity: off }'], false],
  [
    'budgets in every unit',
    ['budgets: { total-bytes: 20 MB, file-bytes: 1.5 MiB, files: 500 }'],
    true
  ],
  ['budgets in plain bytes', ['budgets: { total-bytes: 1000, file-bytes: "2048" }'], true],
  ['a lower-case unit', ['budgets: { total-bytes: 20 mb }'], false],
  ['a fractional file count', ['budgets: { files: 2.5 }'], false],
  ['a negative size', ['budgets: { file-bytes: -1 }'], false],
  ['every sources value', ['sources: auto'], true],
  ['an unknown sources value', ['sources: open'], false],
  ['fail-on never', ['fail-on: never'], true],
  ['fail-on off', ['fail-on: off'], false],
  [
    'baseline thresholds',
    [
      'baseline: { max-growth-percent: { total: 5, file: 50, files: 2.5 }, min-file-bytes: 10 KiB }'
    ],
    true
  ],
  ['a baseline typo', ['baseline: { max-growth: 5 }'], false],
  ['a top-level typo', ['alow: ["**"]'], false]
]

describe('the JSON Schema', () => {
  it('accepts the example policy', () => {
    const text = readFileSync('examples/release-audit.yml', 'utf8')
    expect(schemaAccepts(text)).toBe(true)
    expect(validateSchema.errors).toBeNull()
  })

  it.each(CASES)('judges %s as the validator does', (_, lines, valid) => {
    const text = yamlOf(...lines)
    expect(validatorAccepts(text)).toBe(valid)
    expect(schemaAccepts(text)).toBe(valid)
  })

  it('describes every top-level key the validator knows, and no other', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort())
  })

  it('points editors at it from the example file', () => {
    const firstLine = readFileSync('examples/release-audit.yml', 'utf8').split('\n')[0]
    expect(firstLine).toBe('# yaml-language-server: $schema=../schema/release-audit.schema.json')
  })
})
