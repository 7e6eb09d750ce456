import { readBaselineSection, renderBaselineText } from '../baseline/index.js'
import type { Finding, Severity } from '../engine/finding.js'
import { SEVERITIES } from '../engine/finding.js'
import type { FailOn, Report } from '../engine/report.js'
import { formatBytes, plural } from '../util/format.js'
import { findingLocation } from './location.js'

/** Plain-text report for terminals and logs: grouped by artifact, then severity, then a verdict. */
export function renderText(report: Report, failOn: FailOn): string {
  const lines: string[] = [
    `release-audit ${report.tool.version}: ${plural(report.summary.artifacts, 'artifact')}, ` +
      `${plural(report.summary.files, 'file')}, ${formatBytes(report.summary.bytes)}`
  ]
  for (const artifact of report.artifacts) {
    const findings = report.findings.filter((f) => f.artifact === artifact.name)
    lines.push(
      '',
      `${artifact.name} (${artifact.source}): ${plural(artifact.files, 'file')}, ${formatBytes(artifact.bytes)}`
    )
    if (findings.length === 0) lines.push('  no findings')
    for (const severity of SEVERITIES) {
      for (const finding of findings.filter((f) => f.severity === severity)) {
        lines.push(...renderFinding(finding, severity))
      }
    }
  }
  const known = new Set(report.artifacts.map((a) => a.name))
  const loose = report.findings.filter((f) => !known.has(f.artifact))
  if (loose.length > 0) {
    lines.push('', 'About the audit itself (policy file, inputs):')
    for (const finding of loose) lines.push(...renderFinding(finding, finding.severity))
  }
  if (report.suppressed?.length) {
    lines.push('', 'Suppressed by policy:')
    for (const s of report.suppressed) {
      const until = s.until ? ` until ${s.until}` : ''
      lines.push(`  ${s.rule} ${s.path}: ${plural(s.count, 'finding')} (${s.reason}${until})`)
    }
  }
  const baseline = readBaselineSection(report)
  if (baseline) lines.push('', renderBaselineText(baseline).trimEnd())
  lines.push('', renderVerdict(report, failOn))
  return lines.join('\n') + '\n'
}

function renderFinding(finding: Finding, severity: Severity): string[] {
  return [
    `  ${severity.padEnd(7)} ${finding.rule}  ${findingLocation(finding)}`,
    `          ${finding.message}`
  ]
}

export function renderVerdict(report: Report, failOn: FailOn): string {
  const { error, warning, notice } = report.summary
  const counts = `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(notice, 'notice')}`
  const mark = report.conclusion === 'failure' ? '✖ FAIL' : '✔ PASS'
  return `${mark}: ${counts} (fail-on: ${failOn})`
}
