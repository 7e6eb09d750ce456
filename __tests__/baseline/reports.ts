import type { Finding } from '../../src/engine/finding.js'
import type { Report } from '../../src/engine/report.js'

export interface ArtifactSpec {
  name: string
  /** Regular files: path → size in bytes; `undefined` builds a summary without a file list. */
  files?: Record<string, number>
  source?: string
}

/** A version-1 report built by hand, shaped the way `audit()` builds one. */
export function buildReport(artifacts: ArtifactSpec[], findings: Partial<Finding>[] = []): Report {
  const summaries = artifacts.map((a) => {
    const entries = a.files
      ? Object.entries(a.files).map(([path, size]) => ({ path, size }))
      : undefined
    return {
      name: a.name,
      source: a.source ?? 'path',
      files: entries?.length ?? 0,
      bytes: entries?.reduce((n, e) => n + e.size, 0) ?? 0,
      ...(entries ? { entries } : {})
    }
  })
  const full: Finding[] = findings.map((f) => ({
    rule: 'sourcemap/file',
    severity: 'warning',
    artifact: artifacts[0]?.name ?? '',
    path: '',
    message: 'a finding',
    ...f
  }))
  const count = (s: string) => full.filter((f) => f.severity === s).length
  return {
    version: 1,
    tool: { name: 'release-audit', version: '0.0.0-test' },
    conclusion: count('error') > 0 ? 'failure' : 'success',
    summary: {
      error: count('error'),
      warning: count('warning'),
      notice: count('notice'),
      artifacts: summaries.length,
      files: summaries.reduce((n, a) => n + a.files, 0),
      bytes: summaries.reduce((n, a) => n + a.bytes, 0)
    },
    artifacts: summaries,
    findings: full
  }
}

/** `{ 'a.js': 10 }` with every path put under `root/`. */
export function under(root: string, files: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(files).map(([p, size]) => [`${root}/${p}`, size]))
}
