import { walkArtifact } from '../archive/walk.js'
import type { Limits } from '../archive/limits.js'
import { DEFAULT_LIMITS } from '../archive/limits.js'
import { ARCHIVE_RULES_META, AUDIT_RULES_META } from '../rules/archive.js'
import type { ArtifactInput } from './artifact.js'
import type { Entry } from './entry.js'
import type { Finding, Severity } from './finding.js'
import { buildReport } from './with-findings.js'
import type { ArtifactSummary, FailOn, ManifestEntry, Report, Suppression } from './report.js'
import type { Rule, RuleOptions, RuleReport } from './rule.js'

export interface AuditOptions {
  rules: readonly Rule[]
  failOn: FailOn
  ruleOptions?: RuleOptions
  limits?: Limits
  /** Policy applied to the raw findings: severity overrides, ignores (see src/policy/apply.ts). */
  postprocess?: (findings: Finding[]) => { findings: Finding[]; suppressed?: Suppression[] }
}

/** Walks every artifact once, runs every rule over it, and returns the report. */
export async function audit(
  artifacts: readonly ArtifactInput[],
  options: AuditOptions
): Promise<Report> {
  const defaults = defaultSeverities(options.rules)
  const raw: Finding[] = []
  const summaries: ArtifactSummary[] = []
  for (const artifact of artifacts) {
    const { summary, findings } = await auditArtifact(artifact, options, defaults)
    summaries.push(summary)
    raw.push(...findings)
  }
  const processed = options.postprocess?.(raw) ?? { findings: raw }
  return buildReport(summaries, processed.findings, options.failOn, processed.suppressed)
}

async function auditArtifact(
  artifact: ArtifactInput,
  options: AuditOptions,
  defaults: ReadonlyMap<string, Severity>
): Promise<{ summary: ArtifactSummary; findings: Finding[] }> {
  const findings: Finding[] = []
  const toFinding = (r: RuleReport): Finding => ({
    rule: r.rule,
    severity: r.severity ?? defaults.get(r.rule) ?? 'error',
    artifact: artifact.name,
    path: r.entry.path,
    ...(r.line !== undefined ? { line: r.line } : {}),
    message: r.message,
    ...(r.details ? { details: r.details } : {})
  })
  const context = {
    options: options.ruleOptions ?? { sources: 'private' as const },
    report: (r: RuleReport) => findings.push(toFinding(r))
  }
  const visitors = options.rules.map((rule) => ({ rule, visitor: rule.create(context) }))
  const paths = new Set<string>()
  const entries: ManifestEntry[] = []
  const reportRuleFailure = (rule: Rule, entry: Entry | undefined, error: unknown) =>
    findings.push({
      rule: 'audit/rule-failed',
      severity: 'error',
      artifact: artifact.name,
      path: entry?.path ?? '',
      message: `rule family '${rule.meta.family}' failed${entry ? ` on ${entry.path}` : ''}: ${describeError(error)}; this part was not fully audited`
    })

  const stats = await walkArtifact(
    artifact,
    options.limits ?? DEFAULT_LIMITS,
    (entry) => {
      paths.add(entry.path)
      if (entry.kind === 'file') entries.push({ path: entry.path, size: entry.size })
      for (const { rule, visitor } of visitors) {
        try {
          visitor.entry?.(entry)
        } catch (error) {
          reportRuleFailure(rule, entry, error)
        }
      }
    },
    (problem) =>
      findings.push({
        rule: problem.rule,
        severity: problem.severity ?? defaults.get(problem.rule) ?? 'error',
        artifact: artifact.name,
        path: problem.path,
        message: problem.message,
        ...(problem.details ? { details: problem.details } : {})
      })
  )
  for (const { rule, visitor } of visitors) {
    try {
      visitor.end?.(paths)
    } catch (error) {
      reportRuleFailure(rule, undefined, error)
    }
  }
  return {
    summary: {
      name: artifact.name,
      source: artifact.source,
      files: stats.files,
      bytes: stats.bytes,
      entries
    },
    findings
  }
}

function defaultSeverities(rules: readonly Rule[]): Map<string, Severity> {
  const map = new Map<string, Severity>()
  for (const meta of [ARCHIVE_RULES_META, AUDIT_RULES_META, ...rules.map((r) => r.meta)]) {
    for (const [id, rule] of Object.entries(meta.rules)) map.set(id, rule.severity)
  }
  return map
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
