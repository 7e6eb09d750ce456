import { createHash } from 'node:crypto'
import type { Finding, Severity } from '../engine/finding.js'
import type { Report } from '../engine/report.js'
import type { RuleMeta } from '../engine/rule.js'
import { allRuleMetas } from '../rules/index.js'
import type { AnchorResolver } from './anchor.js'
import { ruleDocsUrl } from './docs-url.js'

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note'
}

/**
 * SARIF 2.1.0 for code scanning. Locations point at repository files where the artifact path maps
 * to one (otherwise at the fallback anchor); the artifact path is always in the message and in
 * `properties`, and the fingerprint is keyed to artifact content, not to commits.
 */
export function renderSarif(
  report: Report,
  anchor?: AnchorResolver,
  extraRules: readonly RuleMeta[] = []
): string {
  const rules = collectRules(report.findings, extraRules)
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'release-audit',
            version: report.tool.version,
            informationUri: 'https://github.com/release-audit/release-audit',
            rules
          }
        },
        automationDetails: { id: 'release-audit/' },
        results: report.findings.map((f) => renderResult(f, index.get(f.rule) ?? 0, anchor))
      }
    ]
  }
  return JSON.stringify(sarif, null, 2) + '\n'
}

function collectRules(findings: readonly Finding[], extra: readonly RuleMeta[]) {
  const known = new Map<string, { severity: Severity; description: string }>()
  for (const meta of allRuleMetas(extra)) {
    for (const [id, rule] of Object.entries(meta.rules)) known.set(id, rule)
  }
  const ids = [...new Set([...known.keys(), ...findings.map((f) => f.rule)])].sort()
  return ids.map((id) => {
    const rule = known.get(id) ?? { severity: 'error' as const, description: id }
    return {
      id,
      name: id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: rule.description },
      fullDescription: { text: rule.description },
      helpUri: ruleDocsUrl(id),
      help: { text: `${rule.description}. See ${ruleDocsUrl(id)}` },
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: ['security', 'release'] }
    }
  })
}

function renderResult(finding: Finding, ruleIndex: number, anchor?: AnchorResolver) {
  const where = `${finding.artifact}: ${finding.path || '(artifact)'}${finding.line ? `:${finding.line}` : ''}`
  const location = anchor?.(finding) ?? {
    path: finding.path.split('!/').at(-1) || finding.artifact,
    line: finding.line ?? 1
  }
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: `${finding.message} (in ${where})` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(location.path) },
          region: { startLine: Math.max(1, location.line) }
        }
      }
    ],
    partialFingerprints: { 'releaseAudit/v1': fingerprint(finding) },
    properties: { artifact: finding.artifact, artifactPath: finding.path }
  }
}

/** Rule, path and line; in a binary file, where findings have no line, the byte offset. */
function fingerprint(finding: Finding): string {
  const offset = finding.details?.offset
  const where = typeof offset === 'number' ? `@${offset}` : `${finding.line ?? 0}`
  return createHash('sha256')
    .update(`${finding.rule}\0${finding.path}\0${where}`)
    .digest('hex')
    .slice(0, 32)
}
