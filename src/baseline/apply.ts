import type { Finding } from '../engine/finding.js'
import type { FailOn, Report, Suppression } from '../engine/report.js'
import { withFindings } from '../engine/with-findings.js'
import type { LoadedBaseline } from './compare.js'
import { compareWithBaseline } from './compare.js'
import { markNewFindings } from './new-findings.js'
import type { BaselineThresholds } from './thresholds.js'

export interface ApplyBaselineOptions {
  failOn: FailOn
  thresholds?: BaselineThresholds
  /** The same policy step the audit used (severity overrides, ignores), applied to baseline findings. */
  postprocess?: (findings: Finding[]) => { findings: Finding[]; suppressed?: Suppression[] }
}

/**
 * The report of this release with the comparison folded in: `baseline/*` findings added, new
 * source-map / private-file / secret findings marked "(new since <label>)", `baseline` set,
 * and counts and conclusion recomputed.
 */
export function applyBaseline(
  report: Report,
  baseline: LoadedBaseline,
  options: ApplyBaselineOptions
): Report {
  const comparison = compareWithBaseline(report, baseline, options.thresholds)
  const processed = options.postprocess?.(comparison.findings) ?? { findings: comparison.findings }
  const findings = [
    ...markNewFindings(report.findings, comparison.introduced, baseline.label),
    ...processed.findings
  ]
  const suppressed = [...(report.suppressed ?? []), ...(processed.suppressed ?? [])]
  return {
    ...withFindings(report, findings, options.failOn, suppressed),
    baseline: comparison.section
  }
}
