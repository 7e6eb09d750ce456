import type { Finding } from '../engine/finding.js'
import type { ArtifactSummary, Report } from '../engine/report.js'
import type { ArtifactDiff } from './diff-artifact.js'
import { diffArtifact } from './diff-artifact.js'
import { reportChangedFiles } from './file-findings.js'
import { reportGrowth } from './growth-findings.js'
import { matchArtifacts } from './match-artifacts.js'
import { findIntroduced } from './new-findings.js'
import type {
  BaselineArtifactChange,
  BaselineFileChange,
  BaselineGrowth,
  BaselineSection
} from './section.js'
import { MAX_SECTION_ITEMS } from './section.js'
import type { BaselineThresholds } from './thresholds.js'
import { DEFAULT_BASELINE_THRESHOLDS } from './thresholds.js'

/** A previous release, ready to compare: its display label and its report. */
export interface LoadedBaseline {
  label: string
  report: Report
}

export interface BaselineComparison {
  /** `baseline/*` findings on this release's artifacts. */
  findings: Finding[]
  /** Goes into `report.baseline`. */
  section: BaselineSection
  /** This release's tracked findings that are new since the baseline (see markNewFindings). */
  introduced: Finding[]
}

/** Compares this release's report with the previous release's, artifact by artifact. */
export function compareWithBaseline(
  current: Report,
  baseline: LoadedBaseline,
  thresholds: BaselineThresholds = DEFAULT_BASELINE_THRESHOLDS
): BaselineComparison {
  const { label } = baseline
  const findings: Finding[] = []
  const introduced: Finding[] = []
  const artifacts: BaselineArtifactChange[] = []
  const added: BaselineFileChange[] = []
  const removed: BaselineFileChange[] = []
  const grown: BaselineGrowth[] = []
  const notes = describeIncompleteBaseline(baseline.report)
  const findingsOf = (report: Report, artifact: ArtifactSummary) =>
    report.findings.filter((f) => f.artifact === artifact.name)

  for (const { current: after, baseline: before } of matchArtifacts(
    current.artifacts,
    baseline.report.artifacts
  )) {
    if (!after || !before) {
      artifacts.push(unpairedChange(after, before))
      if (before) notes.push(`${before.name} from ${label} is not in this release`)
      if (after) {
        notes.push(`${after.name} is new: not in ${label}`)
        append(
          introduced,
          findIntroduced({ findings: findingsOf(current, after), normalise: (p) => p })
        )
      }
      continue
    }
    const currentSide = { artifact: after, findings: findingsOf(current, after) }
    const baselineSide = { artifact: before, findings: findingsOf(baseline.report, before) }
    const diff = diffArtifact(currentSide, baselineSide, thresholds)
    if (!diff.hasFileLists) {
      const which = before.entries ? `${after.name} in this release` : `${before.name} in ${label}`
      notes.push(`${which} has no file list, so only totals were compared`)
    }
    const totals = {
      files: { before: before.files, after: after.files },
      bytes: { before: before.bytes, after: after.bytes }
    }
    const context = { artifact: after.name, label, thresholds }
    append(findings, reportChangedFiles('new', diff.added, context))
    append(findings, reportChangedFiles('removed', diff.removed, context))
    append(findings, reportGrowth(totals, diff.grown, context))
    append(
      introduced,
      findIntroduced(
        { findings: currentSide.findings, normalise: diff.normalise.after },
        { findings: baselineSide.findings, normalise: diff.normalise.before }
      )
    )
    artifacts.push({ current: after.name, baseline: before.name, ...totals, ...countChanges(diff) })
    const artifact = after.name
    append(
      added,
      diff.added.map((f) => ({ artifact, path: f.path, bytes: f.bytes }))
    )
    append(
      removed,
      diff.removed.map((f) => ({ artifact, path: f.path, bytes: f.bytes }))
    )
    append(
      grown,
      diff.grown.map((f) => ({ artifact, path: f.path, before: f.before, after: f.after }))
    )
  }

  const section: BaselineSection = {
    label,
    artifacts,
    files: { before: baseline.report.summary.files, after: current.summary.files },
    bytes: { before: baseline.report.summary.bytes, after: current.summary.bytes },
    added: cap(added, (a, b) => b.bytes - a.bytes),
    removed: cap(removed, (a, b) => b.bytes - a.bytes),
    grown: cap(grown, (a, b) => b.after - b.before - (a.after - a.before)),
    introduced: cap(
      introduced.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        artifact: f.artifact,
        path: f.path
      })),
      () => 0
    ),
    counts: {
      added: added.length,
      removed: removed.length,
      grown: grown.length,
      introduced: introduced.length
    },
    thresholds,
    notes
  }
  return { findings, section, introduced }
}

function unpairedChange(
  current?: ArtifactSummary,
  baseline?: ArtifactSummary
): BaselineArtifactChange {
  return {
    ...(current ? { current: current.name } : {}),
    ...(baseline ? { baseline: baseline.name } : {}),
    files: { before: baseline?.files ?? 0, after: current?.files ?? 0 },
    bytes: { before: baseline?.bytes ?? 0, after: current?.bytes ?? 0 },
    added: 0,
    removed: 0,
    grown: 0
  }
}

function countChanges(diff: ArtifactDiff): { added: number; removed: number; grown: number } {
  return { added: diff.added.length, removed: diff.removed.length, grown: diff.grown.length }
}

/** Parts of the previous release that were not read make "new" and "removed" unreliable: say so. */
function describeIncompleteBaseline(report: Report): string[] {
  return report.findings
    .filter((f) => f.rule === 'archive/unreadable' || f.rule === 'archive/limit')
    .slice(0, 5)
    .map(
      (f) =>
        `the baseline was not read completely (${f.artifact}${f.path ? `: ${f.path}` : ''}: ${f.message})`
    )
}

function cap<T>(items: readonly T[], order: (a: T, b: T) => number): T[] {
  return [...items].sort(order).slice(0, MAX_SECTION_ITEMS)
}

/** `target.push(...items)` without the argument-count limit that large releases would hit. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item)
}
