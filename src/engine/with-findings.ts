import { concludeAudit } from './conclusion.js'
import type { Finding, Severity } from './finding.js'
import { compareFindings } from './finding.js'
import type { ArtifactSummary, FailOn, Report, Suppression } from './report.js'
import { REPORT_VERSION } from './report.js'
import { TOOL_VERSION } from '../version.js'

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

/** A new report over `artifacts`: totals summed from them, findings counted and concluded. */
export function buildReport(
  artifacts: ArtifactSummary[],
  findings: readonly Finding[],
  failOn: FailOn,
  suppressed: readonly Suppression[] = []
): Report {
  const empty: Report = {
    version: REPORT_VERSION,
    tool: { name: 'release-audit', version: TOOL_VERSION },
    conclusion: 'success',
    summary: {
      error: 0,
      warning: 0,
      notice: 0,
      artifacts: artifacts.length,
      files: artifacts.reduce((n, a) => n + a.files, 0),
      bytes: artifacts.reduce((n, a) => n + a.bytes, 0)
    },
    artifacts,
    findings: []
  }
  return withFindings(empty, findings, failOn, suppressed)
}
