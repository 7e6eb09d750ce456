import type { Finding, Severity } from './finding.js'

export const REPORT_VERSION = 1

export type Conclusion = 'failure' | 'success' | 'neutral'

export interface ArtifactSummary {
  name: string
  /** Where it came from: a workspace path, `workflow artifact 123`, `npm pack`, … */
  source: string
  files: number
  bytes: number
  /**
   * Every regular file (nested ones included) with its uncompressed size, so that a later audit
   * can use this report as its baseline without the old artifact.
   */
  entries?: ManifestEntry[]
}

export interface ManifestEntry {
  path: string
  size: number
}

export interface Suppression {
  rule: string
  path: string
  reason: string
  until?: string
  /** How many findings this ignore entry hid in this audit. */
  count: number
}

/** The versioned JSON contract (`--format json`, the `report` output, merge-mode input). */
export interface Report {
  version: typeof REPORT_VERSION
  tool: { name: 'release-audit'; version: string }
  conclusion: Conclusion
  summary: Record<Severity, number> & { artifacts: number; files: number; bytes: number }
  artifacts: ArtifactSummary[]
  findings: Finding[]
  /** Ignore entries from the policy file that applied, so suppressions stay visible. */
  suppressed?: Suppression[]
  /** Present when the audit was compared with a previous release (see baseline). */
  baseline?: Record<string, unknown>
}

export type FailOn = Severity | 'never'
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'notice', 'never']
