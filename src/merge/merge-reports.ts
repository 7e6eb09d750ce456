import type { Finding } from '../engine/finding.js'
import { buildReport } from '../engine/with-findings.js'
import type { FailOn, Report, Suppression } from '../engine/report.js'

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
  const merged = buildReport(artifacts, findings, failOn, suppressed)
  return baselines.length === 1 ? { ...merged, baseline: baselines[0] } : merged
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
