import type { Finding, Severity } from './finding.js'
import { severityRank } from './finding.js'
import type { Conclusion, FailOn } from './report.js'

/** Whether a finding of this severity reaches the `fail-on` threshold. */
export function isBlocking(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && severityRank(severity) <= severityRank(failOn)
}

/**
 * `failure` when a finding reaches `fail-on`; `neutral` when errors or warnings remain below it
 * (a required check still passes on neutral, but the run shows there is something to read);
 * `success` otherwise.
 */
export function concludeAudit(findings: readonly Finding[], failOn: FailOn): Conclusion {
  if (findings.some((f) => isBlocking(f.severity, failOn))) return 'failure'
  if (findings.some((f) => f.severity !== 'notice')) return 'neutral'
  return 'success'
}
