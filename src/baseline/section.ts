import type { Report } from '../engine/report.js'
import type { Severity } from '../engine/finding.js'
import type { BaselineThresholds } from './thresholds.js'

/** Longest `added` / `removed` / `grown` / `introduced` list kept in the report; `counts` has the totals. */
export const MAX_SECTION_ITEMS = 300

export type BaselineFileChange = { artifact: string; path: string; bytes: number }
export type BaselineGrowth = { artifact: string; path: string; before: number; after: number }
export type BaselineIntroduced = {
  rule: string
  severity: Severity
  artifact: string
  path: string
}

/** How one artifact of this release lines up with one of the previous release. */
export type BaselineArtifactChange = {
  /** Name in this release; absent when the artifact is gone. */
  current?: string
  /** Name in the previous release; absent when the artifact is new. */
  baseline?: string
  files: { before: number; after: number }
  bytes: { before: number; after: number }
  added: number
  removed: number
  grown: number
}

/**
 * `report.baseline`: what changed since the previous release. Paths are as stored in each
 * release (`removed` paths in the previous one). Lists are sorted biggest change first and
 * capped at MAX_SECTION_ITEMS; `counts` holds the full numbers. A type alias (not an
 * interface) so it is assignable to `Report['baseline']`.
 */
export type BaselineSection = {
  label: string
  artifacts: BaselineArtifactChange[]
  files: { before: number; after: number }
  bytes: { before: number; after: number }
  added: BaselineFileChange[]
  removed: BaselineFileChange[]
  grown: BaselineGrowth[]
  /** Source-map, private-file and secret findings on paths that had none in the previous release. */
  introduced: BaselineIntroduced[]
  counts: { added: number; removed: number; grown: number; introduced: number }
  thresholds: BaselineThresholds
  /** What limited the comparison (an artifact without a file list, an unreadable baseline, …). */
  notes: string[]
}

/** The baseline section of a report, when it has one of this shape (e.g. read back from JSON). */
export function readBaselineSection(report: Pick<Report, 'baseline'>): BaselineSection | undefined {
  const section = report.baseline
  if (!section || typeof section.label !== 'string') return undefined
  const lists = ['artifacts', 'added', 'removed', 'grown', 'introduced', 'notes'] as const
  if (!lists.every((key) => Array.isArray(section[key]))) return undefined
  return section as BaselineSection
}
