import { describe, expect, it } from '@jest/globals'
import { createPolicyRule } from '../../src/policy/rule.js'
import { runRule } from '../support/run-rule.js'
import { parse, yamlOf } from './support.js'

describe('policy/forbidden-content on minified text', () => {
  it('stays linear on one 8 MiB line holding 100,000 matches', () => {
    const unit = `${'x'.repeat(60)} h.corp.example.com;`
    const count = 100_000
    const text = Buffer.from(`header\n${unit.repeat(count)}\n`)
    const policy = parse(
      yamlOf(
        'forbid:',
        '  - { name: host, pattern: "\\\\b[a-z0-9-]+\\\\.corp\\\\.example\\\\.com\\\\b" }'
      )
    )
    const started = performance.now()
    const reports = runRule(createPolicyRule(policy), { 'bundle.min.js': text })
    const elapsedMs = performance.now() - started
    expect(reports).toHaveLength(11)
    expect(reports[10].details).toEqual({ pattern: 'host', omitted: count - 10 })
    expect(reports.every((r) => r.line === 2)).toBe(true)
    // quadratic line counting took minutes here; linear takes well under a second
    expect(elapsedMs).toBeLessThan(10_000)
  })
})
