export const SEVERITIES = ['error', 'warning', 'notice'] as const
export type Severity = (typeof SEVERITIES)[number]

/** One result of the audit: the single model every reporter renders. */
export interface Finding {
  /** Full rule id, e.g. `sourcemap/embedded-source`, `private-file/env`, `archive/unsafe-path`. */
  rule: string
  severity: Severity
  artifact: string
  /** Entry path inside the artifact (`!/` between nesting levels); '' for the artifact itself. */
  path: string
  line?: number
  message: string
  details?: Record<string, unknown>
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity]
}

/** The more severe of two severities (for `reduce` over a list). */
export function worstSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b
}

/** Lower a severity by one level (error → warning → notice → notice). */
export function lowerSeverity(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : 'notice'
}

/** The report's order: severity, then artifact, path and line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.artifact, b.artifact) ||
    compareText(a.path, b.path) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
