import { concludeAudit } from './conclusion.js'
import type { Finding, Severity } from './finding.js'
import { compareFindings } from './finding.js'
import type { FailOn, Report, Suppression } from './report.js'

/**
 * The report with its findings replaced: sorted, counted and concluded again, so no step that
 * adds, drops or re-levels findings can leave stale counts or a stale conclusion behind.
 */
export function withFindings(
  report: Report,
  findings: readonly Finding[],
  failOn: FailOn,
  suppressed: readonly Suppression[] = report.suppressed ?? []
): Report {
  const sorted = [...findings].sort(compareFindings)
  const count = (severity: Severity) => sorted.filter((f) => f.severity === severity).length
  const rest = { ...report }
  delete rest.suppressed
  return {
    ...rest,
    conclusion: concludeAudit(sorted, failOn),
    summary: {
      ...report.summary,
      error: count('error'),
      warning: count('warning'),
      notice: count('notice')
    },
    findings: sorted,
    ...(suppressed.length > 0 ? { suppressed: [...suppressed] } : {})
  }
}
