import { isBlocking } from '../engine/conclusion.js'
import type { Finding, Severity } from '../engine/finding.js'
import { compareFindings, SEVERITIES } from '../engine/finding.js'
import type { Conclusion, FailOn, Report, Suppression } from '../engine/report.js'
import type { BaselineChanges } from './markdown-baseline.js'
import { readBaselineChanges } from './markdown-baseline.js'

export const DEFAULT_CHECK_NAME = 'release-audit'

export interface MarkdownOptions {
  failOn: FailOn
  /** The check run's name (also in the comment marker); '' means `release-audit`. */
  checkName: string
  /** The check run, linked from the comment and the job summary. */
  checkRunUrl?: string
  /** A URL of the full JSON report (e.g. an uploaded artifact), preferred over `reportPath`. */
  reportUrl?: string
  /** Where the full JSON report was written (runner path or artifact name). */
  reportPath?: string
}

export type SeverityCounts = Record<Severity, number>

export interface ArtifactRow {
  name: string
  source?: string
  files?: number
  bytes?: number
  counts: SeverityCounts
}

/** Everything the three markdown layouts show, derived once from the report. */
export interface MarkdownModel {
  checkName: string
  conclusion: Conclusion
  failOn: FailOn
  counts: SeverityCounts
  totals: { artifacts: number; files: number; bytes: number }
  artifacts: ArtifactRow[]
  /** Worst first: severity, artifact, path, line. */
  findings: Finding[]
  suppressed: Suppression[]
  baseline?: BaselineChanges
  toolVersion: string
  links: { checkRunUrl?: string; reportUrl?: string; reportPath?: string }
}

export function buildMarkdownModel(report: Report, opts: MarkdownOptions): MarkdownModel {
  const findings = [...report.findings].sort(compareFindings)
  const baseline = readBaselineChanges(report.baseline)
  return {
    checkName: opts.checkName || DEFAULT_CHECK_NAME,
    conclusion: report.conclusion,
    failOn: opts.failOn,
    counts: {
      error: report.summary.error,
      warning: report.summary.warning,
      notice: report.summary.notice
    },
    totals: {
      artifacts: report.summary.artifacts,
      files: report.summary.files,
      bytes: report.summary.bytes
    },
    artifacts: buildArtifactRows(report, findings),
    findings,
    suppressed: report.suppressed ?? [],
    ...(baseline ? { baseline } : {}),
    toolVersion: report.tool.version,
    links: {
      ...(opts.checkRunUrl ? { checkRunUrl: opts.checkRunUrl } : {}),
      ...(opts.reportUrl ? { reportUrl: opts.reportUrl } : {}),
      ...(opts.reportPath ? { reportPath: opts.reportPath } : {})
    }
  }
}

/** The report's artifacts in order, then any artifact only findings name (e.g. an unreadable one). */
function buildArtifactRows(report: Report, findings: readonly Finding[]): ArtifactRow[] {
  const rows = new Map<string, ArtifactRow>()
  for (const a of report.artifacts) {
    rows.set(a.name, {
      name: a.name,
      source: a.source,
      files: a.files,
      bytes: a.bytes,
      counts: zeroCounts()
    })
  }
  for (const f of findings) {
    let row = rows.get(f.artifact)
    if (!row) rows.set(f.artifact, (row = { name: f.artifact, counts: zeroCounts() }))
    row.counts[f.severity]++
  }
  return [...rows.values()]
}

function zeroCounts(): SeverityCounts {
  return { error: 0, warning: 0, notice: 0 }
}

/** Severities with findings that reach `fail-on`. */
export function blockingSeverities(model: Pick<MarkdownModel, 'counts' | 'failOn'>): Severity[] {
  return SEVERITIES.filter((s) => model.counts[s] > 0 && isBlocking(s, model.failOn))
}
