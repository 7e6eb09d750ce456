import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/engine/finding.js'
import type { Report } from '../../src/engine/report.js'
import { createAnchorResolver } from '../../src/report/anchor.js'
import { renderSarif } from '../../src/report/sarif.js'
import { knownRuleIds } from '../../src/rules/index.js'

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'sourcemap/embedded-source',
  severity: 'error',
  artifact: 'npm-package',
  path: 'package/dist/cli.js.map',
  message: 'source map embeds 3 first-party files',
  ...over
})

const report: Report = {
  version: 1,
  tool: { name: 'release-audit', version: '0.1.0' },
  conclusion: 'failure',
  summary: { error: 1, warning: 1, notice: 1, artifacts: 1, files: 3, bytes: 10 },
  artifacts: [{ name: 'npm-package', source: 'path', files: 3, bytes: 10 }],
  findings: [
    finding({}),
    finding({
      rule: 'secret/github-token',
      severity: 'warning',
      path: 'app.zip!/lib/a.js',
      line: 7,
      message: 'GitHub token: ghp_…'
    }),
    finding({
      rule: 'policy/unused-ignore',
      severity: 'notice',
      artifact: '',
      path: '.github/release-audit.yml',
      line: 4
    })
  ]
}

type Sarif = {
  version: string
  runs: {
    tool: {
      driver: {
        name: string
        rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[]
      }
    }
    results: {
      ruleId: string
      ruleIndex: number
      level: string
      message: { text: string }
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }
      }[]
      partialFingerprints: Record<string, string>
    }[]
  }[]
}

describe('SARIF 2.1.0 for code scanning', () => {
  const sarif = JSON.parse(renderSarif(report)) as Sarif
  const [run] = sarif.runs

  it('declares every rule once, with a level and a docs link', () => {
    expect(sarif.version).toBe('2.1.0')
    const ids = run.tool.driver.rules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining(knownRuleIds()))
    for (const rule of run.tool.driver.rules) {
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level)
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`))
    }
  })

  it('points every result at its rule by id and index, with a relative location and line ≥ 1', () => {
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['sourcemap/embedded-source', 'error'],
      ['secret/github-token', 'warning'],
      ['policy/unused-ignore', 'note']
    ])
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
      const { artifactLocation, region } = result.locations[0].physicalLocation
      expect(artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:|\.\.|!\//i)
      expect(region.startLine).toBeGreaterThanOrEqual(1)
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/)
    }
    expect(run.results[1].message.text).toContain('app.zip!/lib/a.js:7')
  })

  it('uses the repository file an artifact path maps to, else the fallback anchor', () => {
    const exists = (p: string) => ['dist/cli.js.map', 'package.json'].includes(p)
    const anchored = JSON.parse(
      renderSarif(report, createAnchorResolver(exists, ['package.json']))
    ) as Sarif
    const uris = anchored.runs[0].results.map(
      (r) => r.locations[0].physicalLocation.artifactLocation.uri
    )
    expect(uris).toEqual(['dist/cli.js.map', 'package.json', 'package.json'])
  })

  it('keeps fingerprints stable across runs and distinct across findings', () => {
    const again = JSON.parse(renderSarif(report)) as Sarif
    const prints = (s: Sarif) =>
      s.runs[0].results.map((r) => r.partialFingerprints['releaseAudit/v1'])
    expect(prints(again)).toEqual(prints(sarif))
    expect(new Set(prints(sarif)).size).toBe(3)
  })

  it('tells apart findings in one binary file, which have byte offsets instead of lines', () => {
    const inBinary = (offset: number) =>
      finding({ rule: 'secret/npm-token', path: 'package/bin/tool', details: { offset } })
    const binary = JSON.parse(
      renderSarif({ ...report, findings: [inBinary(16), inBinary(4096)] })
    ) as Sarif
    expect(
      new Set(binary.runs[0].results.map((r) => r.partialFingerprints['releaseAudit/v1'])).size
    ).toBe(2)
  })
})
