import type { Finding } from '../engine/finding.js'
import { withFindings } from '../engine/with-findings.js'
import type { ArtifactSummary, FailOn, Report, Suppression } from '../engine/report.js'
import { REPORT_VERSION } from '../engine/report.js'
import { TOOL_VERSION } from '../version.js'

/**
 * Combines the JSON reports of matrix shards into the report a single audit of everything would
 * have produced: findings deduplicated and re-sorted, one artifact list, counts and conclusion
 * recomputed (never trusted from the shards).
 */
export function mergeReports(reports: readonly Report[], failOn: FailOn): Report {
  const findings = dedupe(
    reports.flatMap((r) => r.findings),
    findingKey
  )
  const artifacts = dedupe(
    reports.flatMap((r) => r.artifacts),
    (a) => `${a.name}\0${a.source}`
  ).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const suppressed = mergeSuppressions(reports.flatMap((r) => r.suppressed ?? []))
  const baselines = reports.map((r) => r.baseline).filter((b) => b !== undefined)
  const merged: Report = {
    version: REPORT_VERSION,
    tool: { name: 'release-audit', version: TOOL_VERSION },
    conclusion: 'success',
    summary: {
      error: 0,
      warning: 0,
      notice: 0,
      artifacts: artifacts.length,
      files: sum(artifacts, (a) => a.files),
      bytes: sum(artifacts, (a) => a.bytes)
    },
    artifacts,
    findings: [],
    ...(baselines.length === 1 ? { baseline: baselines[0] } : {})
  }
  return withFindings(merged, findings, failOn, suppressed)
}

function findingKey(f: Finding): string {
  return JSON.stringify([f.rule, f.severity, f.artifact, f.path, f.line ?? 0, f.message])
}

function mergeSuppressions(all: readonly Suppression[]): Suppression[] {
  const merged = new Map<string, Suppression>()
  for (const s of all) {
    const key = JSON.stringify([s.rule, s.path, s.reason, s.until ?? ''])
    const existing = merged.get(key)
    merged.set(key, existing ? { ...existing, count: existing.count + s.count } : { ...s })
  }
  return [...merged.values()]
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item)
  return [...seen.values()]
}

function sum(items: readonly ArtifactSummary[], pick: (a: ArtifactSummary) => number): number {
  return items.reduce((n, a) => n + pick(a), 0)
}
