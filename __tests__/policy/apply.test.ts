import { describe, expect, it } from '@jest/globals'
import type { Finding, Severity } from '../../src/engine/finding.js'
import { applyPolicy } from '../../src/policy/apply.js'
import { parse, yamlOf } from './support.js'

const NOW = new Date('2026-06-15T12:00:00Z')

function finding(
  rule: string,
  path: string,
  severity: Severity = 'error',
  artifact = 'npm-pkg'
): Finding {
  return { rule, severity, artifact, path, message: `${rule} at ${path}` }
}

const FINDINGS: Finding[] = [
  finding('sourcemap/file', 'package/a.js.map', 'warning'),
  finding('secret/github-token', 'package/a.js'),
  finding('secret/npm-token', 'package/b.js'),
  finding('private-file/agent', 'package/docs/AGENTS.md', 'warning'),
  finding('private-file/agent', 'package/AGENTS.md', 'warning', 'site.zip')
]

describe('applyPolicy: rules', () => {
  it.each([
    [
      'an exact id sets one rule',
      ['rules:', '  sourcemap/file: notice'],
      [
        'sourcemap/file:notice',
        'secret/github-token:error',
        'secret/npm-token:error',
        'private-file/agent:warning',
        'private-file/agent:warning'
      ]
    ],
    [
      'a family wildcard sets the family',
      ['rules:', '  secret/*: warning'],
      [
        'sourcemap/file:warning',
        'secret/github-token:warning',
        'secret/npm-token:warning',
        'private-file/agent:warning',
        'private-file/agent:warning'
      ]
    ],
    [
      'an exact id beats a wildcard written after it',
      ['rules:', '  secret/npm-token: notice', '  secret/*: warning'],
      [
        'sourcemap/file:warning',
        'secret/github-token:warning',
        'secret/npm-token:notice',
        'private-file/agent:warning',
        'private-file/agent:warning'
      ]
    ],
    [
      'an exact id beats a wildcard written before it',
      ['rules:', '  secret/*: warning', '  secret/npm-token: notice'],
      [
        'sourcemap/file:warning',
        'secret/github-token:warning',
        'secret/npm-token:notice',
        'private-file/agent:warning',
        'private-file/agent:warning'
      ]
    ],
    [
      'off drops findings; an exact level keeps one rule of an off family',
      ['rules:', '  secret/*: off', '  secret/github-token: error', '  sourcemap/file: off'],
      ['secret/github-token:error', 'private-file/agent:warning', 'private-file/agent:warning']
    ]
  ])('%s', (_, lines, expected) => {
    const result = applyPolicy(FINDINGS, parse(yamlOf(...lines)), NOW)
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(expected)
    expect(result.suppressed).toEqual([])
    expect(result.notices).toEqual([])
  })

  it('leaves findings untouched without a policy setting', () => {
    const result = applyPolicy(FINDINGS, parse(''), NOW)
    expect(result.findings).toEqual(FINDINGS)
  })
})

describe('applyPolicy: ignore', () => {
  it('hides what an entry matches, counts it, and lists it as suppressed', () => {
    const policy = parse(
      yamlOf(
        'ignore:',
        '  - rule: private-file/agent',
        '    path: "package/**"',
        '    reason: docs are meant to ship',
        '    until: 2026-12-31'
      )
    )
    const result = applyPolicy(FINDINGS, policy, NOW)
    expect(result.findings.map((f) => f.path)).toEqual([
      'package/a.js.map',
      'package/a.js',
      'package/b.js'
    ])
    expect(result.suppressed).toEqual([
      {
        rule: 'private-file/agent',
        path: 'package/**',
        reason: 'docs are meant to ship',
        until: '2026-12-31',
        count: 2
      }
    ])
  })

  it('restricts an entry to matching artifacts when it names them, and says so in the suppression', () => {
    const policy = parse(
      yamlOf(
        'ignore:',
        '  - { rule: private-file/*, path: "**/AGENTS.md", artifact: "npm-*", reason: shipped on purpose }'
      )
    )
    const result = applyPolicy(FINDINGS, policy, NOW)
    expect(
      result.findings.filter((f) => f.rule === 'private-file/agent').map((f) => f.artifact)
    ).toEqual(['site.zip'])
    expect(result.suppressed).toEqual([
      {
        rule: 'private-file/*',
        path: '**/AGENTS.md (artifact npm-*)',
        reason: 'shipped on purpose',
        count: 1
      }
    ])
  })

  it('lets the first matching entry take a finding, so nothing is counted twice', () => {
    const policy = parse(
      yamlOf(
        'ignore:',
        '  - { rule: secret/*, path: "package/*.js", reason: first }',
        '  - { rule: secret/github-token, path: "**", reason: second }'
      )
    )
    const result = applyPolicy(FINDINGS, policy, NOW)
    expect(result.suppressed.map((s) => [s.reason, s.count])).toEqual([['first', 2]])
    expect(result.notices.map((n) => n.rule)).toEqual(['policy/unused-ignore'])
  })

  it('matches findings about a whole artifact (path "") only with "**"', () => {
    const whole = finding('policy/budget', '')
    const policy = parse(
      yamlOf(
        'ignore:',
        '  - { rule: policy/budget, path: "package/**", reason: narrow }',
        '  - { rule: policy/budget, path: "**", reason: everything }'
      )
    )
    const result = applyPolicy([whole], policy, NOW)
    expect(result.findings).toEqual([])
    expect(result.suppressed.map((s) => s.reason)).toEqual(['everything'])
  })

  it('matches dotfiles and paths inside nested archives', () => {
    const nested = [
      finding('private-file/env', 'app.zip!/.env'),
      finding('secret/generic', 'app.zip!/lib.tgz!/package/.npmrc')
    ]
    const policy = parse(
      yamlOf('ignore:', '  - { rule: private-file/*, path: "app.zip!/**", reason: test build }')
    )
    const result = applyPolicy(nested, policy, NOW)
    expect(result.findings.map((f) => f.rule)).toEqual(['secret/generic'])
    const both = parse(yamlOf('ignore:', '  - { rule: secret/*, path: "**/.npmrc", reason: fake }'))
    expect(applyPolicy(nested, both, NOW).findings.map((f) => f.rule)).toEqual(['private-file/env'])
  })

  it('applies severity first, so a rule turned off leaves its ignore unused', () => {
    const policy = parse(
      yamlOf(
        'rules:',
        '  sourcemap/*: off',
        'ignore:',
        '  - { rule: sourcemap/file, path: "**", reason: maps ship }'
      )
    )
    const result = applyPolicy(FINDINGS, policy, NOW)
    expect(result.findings.some((f) => f.rule.startsWith('sourcemap/'))).toBe(false)
    expect(result.notices.map((n) => n.rule)).toEqual(['policy/unused-ignore'])
  })
})

describe('applyPolicy: notices about the policy file', () => {
  const POLICY = yamlOf(
    'ignore:',
    '  - rule: private-file/agent',
    '    path: "package/docs/**"',
    '    reason: docs ship',
    '    until: 2026-06-30',
    '  - rule: secret/aws-access-key',
    '    path: "**"',
    '    reason: left over'
  )

  it('keeps an entry through its until day (UTC) and stops it the day after', () => {
    const lastDay = applyPolicy(FINDINGS, parse(POLICY), new Date('2026-06-30T23:59:59Z'))
    expect(lastDay.suppressed.map((s) => s.path)).toEqual(['package/docs/**'])
    const dayAfter = applyPolicy(FINDINGS, parse(POLICY), new Date('2026-07-01T00:00:00Z'))
    expect(dayAfter.suppressed).toEqual([])
    expect(dayAfter.findings.map((f) => f.path)).toContain('package/docs/AGENTS.md')
  })

  it('says which entry expired on which date, at its line in the policy file', () => {
    const result = applyPolicy(FINDINGS, parse(POLICY), new Date('2026-08-01T00:00:00Z'))
    expect(result.notices[0]).toEqual({
      rule: 'policy/expired-ignore',
      severity: 'notice',
      artifact: '',
      path: '.github/release-audit.yml',
      line: 2,
      message:
        '.github/release-audit.yml:2: ignore[0] (rule private-file/agent, path package/docs/**) expired on 2026-06-30 and no longer applies (the 1 finding it hid is reported again); renew its until date or remove it',
      details: { ignore: 0, until: '2026-06-30', uncovered: 1 }
    })
  })

  it('reports an entry that matched nothing, naming its line', () => {
    const result = applyPolicy(FINDINGS, parse(POLICY), NOW)
    expect(result.notices).toEqual([
      {
        rule: 'policy/unused-ignore',
        severity: 'notice',
        artifact: '',
        path: '.github/release-audit.yml',
        line: 6,
        message:
          '.github/release-audit.yml:6: ignore[1] (rule secret/aws-access-key, path **) matched no finding in this audit; remove it if what it covered no longer ships',
        details: { ignore: 1 }
      }
    ])
  })

  it('lets the rules setting change or silence its own notices', () => {
    const quiet = parse(`${POLICY}rules:\n  policy/unused-ignore: off\n`)
    expect(applyPolicy(FINDINGS, quiet, NOW).notices).toEqual([])
    const loud = parse(`${POLICY}rules:\n  policy/*: warning\n`)
    expect(applyPolicy(FINDINGS, loud, NOW).notices.map((n) => n.severity)).toEqual(['warning'])
  })
})
