import { describe, expect, it } from '@jest/globals'
import { createPolicyRule } from '../../src/policy/rule.js'
import { runRule } from '../support/run-rule.js'
import { parse, yamlOf } from './support.js'

describe('policy/forbidden-content with a pattern that backtracks catastrophically', () => {
  it('finishes in linear time and still finds the real match', () => {
    // (a+)+b tries 2^n ways to split a run of n a's before it gives up: unguarded, 28 take ~4 s
    // here (each further `a` doubles that); guarded, ~10 ms. The bound only tells the two apart.
    const text = Buffer.from(`${'a'.repeat(28)}c\nok aaab\n`)
    const policy = parse(yamlOf('forbid:', '  - { name: runs, pattern: "(a+)+b" }'))
    const started = performance.now()
    const reports = runRule(createPolicyRule(policy), { 'notes.txt': text })
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(reports.map((r) => [r.rule, r.line])).toEqual([['policy/forbidden-content', 2]])
  })
})
