import { describe, expect, it } from '@jest/globals'
import { findUnknownRuleIds, matchesRule } from '../../src/policy/rule-ids.js'
import { suggestClosest } from '../../src/policy/suggest.js'
import { parse, yamlOf } from './support.js'

const KNOWN = ['sourcemap/file', 'sourcemap/embedded-source', 'secret/npm-token', 'policy/budget']

describe('rule ids', () => {
  it.each([
    ['secret/*', 'secret/npm-token', true],
    ['secret/*', 'secrets/npm-token', false],
    ['secret/npm-token', 'secret/npm-token', true],
    ['secret/npm', 'secret/npm-token', false]
  ])('%s covers %s: %s', (pattern, id, expected) => {
    expect(matchesRule(pattern, id)).toBe(expected)
  })

  it('warns about ids in rules and ignore that match no known rule, with the closest one', () => {
    const policy = parse(
      yamlOf(
        'rules:',
        '  sourcemap/fiel: off',
        '  secret/*: warning',
        '  secrets/*: off',
        '  custom/thing: notice',
        'ignore:',
        '  - { rule: policy/budgets, path: "**", reason: r }',
        '  - { rule: sourcemap/file, path: "**", reason: r }'
      )
    )
    expect(findUnknownRuleIds(policy, KNOWN)).toEqual([
      ".github/release-audit.yml:2:3: rules.sourcemap/fiel: 'sourcemap/fiel' matches no rule release-audit knows, so it has no effect; did you mean 'sourcemap/file'?",
      ".github/release-audit.yml:4:3: rules.secrets/*: 'secrets/*' matches no rule release-audit knows, so it has no effect; did you mean 'secret/*'?",
      ".github/release-audit.yml:5:3: rules.custom/thing: 'custom/thing' matches no rule release-audit knows, so it has no effect",
      ".github/release-audit.yml:7:5: ignore[0].rule: 'policy/budgets' matches no rule release-audit knows, so it has no effect; did you mean 'policy/budget'?"
    ])
  })

  it.each([
    ['alow', ['allow', 'ignore'], 'allow'],
    ['reaosn', ['rule', 'reason'], 'reason'],
    ['warn', ['error', 'warning'], 'warning'],
    ['xyz', ['allow', 'ignore'], undefined]
  ])('suggests for %s: %s', (word, candidates, expected) => {
    expect(suggestClosest(word, candidates)).toBe(expected)
  })
})
