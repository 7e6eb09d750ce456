import type { Finding } from '../engine/finding.js'
import { formatBytes, formatCount } from '../util/format.js'
import type { GrownFile } from './diff-artifact.js'
import { growthPercent } from './diff-artifact.js'
import type { FileGroup } from './group-files.js'
import { groupByTopFolder, isGroup } from './group-files.js'
import type { BaselineThresholds } from './thresholds.js'

interface Context {
  artifact: string
  label: string
  thresholds: BaselineThresholds
}

/**
 * `baseline/growth` for one artifact: total bytes, file count, and each file over the threshold
 * (grouped by top folder when many files grew).
 */
export function reportGrowth(
  totals: { files: { before: number; after: number }; bytes: { before: number; after: number } },
  grown: readonly GrownFile[],
  context: Context
): Finding[] {
  const { label, thresholds } = context
  const findings: Finding[] = []
  const bytes = growthPercent(totals.bytes.before, totals.bytes.after)
  // From an empty previous release every number is "infinite growth"; the file list says more.
  if (totals.bytes.before > 0 && bytes > thresholds.maxGrowthPercent.total) {
    findings.push(
      growthFinding(context, '', {
        message:
          `total size grew ${formatPercent(bytes)} since ${label}: ${formatBytes(totals.bytes.before)} → ` +
          `${formatBytes(totals.bytes.after)} (limit +${thresholds.maxGrowthPercent.total}%)`,
        details: {
          metric: 'total',
          ...totals.bytes,
          percent: round(bytes),
          limit: thresholds.maxGrowthPercent.total
        }
      })
    )
  }
  const files = growthPercent(totals.files.before, totals.files.after)
  if (totals.files.before > 0 && files > thresholds.maxGrowthPercent.files) {
    findings.push(
      growthFinding(context, '', {
        message:
          `file count grew ${formatPercent(files)} since ${label}: ${formatCount(totals.files.before)} → ` +
          `${formatCount(totals.files.after)} files (limit +${thresholds.maxGrowthPercent.files}%)`,
        details: {
          metric: 'files',
          ...totals.files,
          percent: round(files),
          limit: thresholds.maxGrowthPercent.files
        }
      })
    )
  }
  for (const item of groupByTopFolder(grown)) {
    findings.push(isGroup(item) ? reportGrownGroup(item, context) : reportGrownFile(item, context))
  }
  return findings
}

function reportGrownFile(file: GrownFile, context: Context): Finding {
  const { label, thresholds } = context
  return growthFinding(context, file.path, {
    message:
      `grew ${formatPercent(file.percent)} since ${label}: ${formatBytes(file.before)} → ` +
      `${formatBytes(file.after)} (${describeFileLimit(thresholds)})`,
    details: {
      metric: 'file',
      before: file.before,
      after: file.after,
      percent: Number.isFinite(file.percent) ? round(file.percent) : null,
      limit: thresholds.maxGrowthPercent.file
    }
  })
}

function reportGrownGroup(group: FileGroup<GrownFile>, context: Context): Finding {
  const before = group.files.reduce((n, f) => n + f.before, 0)
  const after = group.files.reduce((n, f) => n + f.after, 0)
  const count = group.files.length
  const more = count > group.samples.length ? ', …' : ''
  return growthFinding(context, group.path, {
    message:
      `${formatCount(count)} files in ${group.where} grew since ${context.label}: together ` +
      `${formatBytes(before)} → ${formatBytes(after)} (${describeFileLimit(context.thresholds)}), ` +
      `e.g. ${group.samples.join(', ')}${more}`,
    details: {
      metric: 'file',
      count,
      before,
      after,
      samples: group.samples,
      folder: group.where,
      limit: context.thresholds.maxGrowthPercent.file
    }
  })
}

function describeFileLimit(thresholds: BaselineThresholds): string {
  return (
    `limit +${thresholds.maxGrowthPercent.file}% for files of ` +
    `${formatBytes(thresholds.minFileBytes)} or more`
  )
}

function growthFinding(
  context: Context,
  path: string,
  body: { message: string; details: Record<string, unknown> }
): Finding {
  return {
    rule: 'baseline/growth',
    severity: 'warning',
    artifact: context.artifact,
    path,
    message: body.message,
    details: { ...body.details, baseline: context.label }
  }
}

/** 24.96 → "+25.0%", 900 → "+900%", Infinity → "from zero". */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return 'from zero'
  return percent < 100 ? `+${percent.toFixed(1)}%` : `+${formatCount(Math.round(percent))}%`
}

function round(percent: number): number {
  return Math.round(percent * 10) / 10
}
