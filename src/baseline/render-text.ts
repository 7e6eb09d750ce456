import { formatBytes, formatCount } from '../util/format.js'
import { formatPercent } from './growth-findings.js'
import type { BaselineSection } from './section.js'

/** Rows shown per list in the terminal; the JSON report keeps more. */
export const MAX_TEXT_ROWS = 20

/**
 * The "Changes since <label>" block of the CLI text output: totals, then added, removed and
 * grown files with human sizes, then newly introduced findings and notes. No trailing newline.
 */
export function renderBaselineText(section: BaselineSection, maxRows = MAX_TEXT_ROWS): string {
  const lines = [`Changes since ${section.label}:`, `  ${renderTotals(section)}`]
  const showArtifact = new Set(section.artifacts.map((a) => a.current ?? a.baseline)).size > 1
  const where = (item: { artifact: string; path: string }) =>
    showArtifact ? `${item.artifact}: ${item.path}` : item.path

  const list = <T>(title: string, items: readonly T[], total: number, row: (item: T) => string) => {
    if (total === 0) return
    lines.push(`  ${title} (${formatCount(total)}):`)
    for (const item of items.slice(0, maxRows)) lines.push(`    ${row(item)}`)
    const hidden = total - Math.min(items.length, maxRows)
    if (hidden > 0) lines.push(`    … and ${formatCount(hidden)} more`)
  }
  list(
    'added',
    section.added,
    section.counts.added,
    (f) => `+ ${where(f)}  ${formatBytes(f.bytes)}`
  )
  list(
    'removed',
    section.removed,
    section.counts.removed,
    (f) => `- ${where(f)}  ${formatBytes(f.bytes)}`
  )
  list(
    'grown',
    section.grown,
    section.counts.grown,
    (f) =>
      `~ ${where(f)}  ${formatBytes(f.before)} → ${formatBytes(f.after)} ` +
      `(${formatPercent(f.before === 0 ? Infinity : ((f.after - f.before) / f.before) * 100)})`
  )
  list(
    'new findings',
    section.introduced,
    section.counts.introduced,
    (f) => `! ${f.rule}  ${where(f)}`
  )
  const { added, removed, grown } = section.counts
  if (added + removed + grown === 0) lines.push('  no file added, removed or grown past the limits')
  if (showArtifact) {
    for (const a of section.artifacts) {
      if (a.current && a.baseline && a.current !== a.baseline)
        lines.push(`  ${a.current} compared with ${a.baseline}`)
    }
  }
  for (const note of section.notes) lines.push(`  note: ${note}`)
  return lines.join('\n')
}

function renderTotals(section: BaselineSection): string {
  const { files, bytes } = section
  const fileDelta = files.after - files.before
  const byteDelta = bytes.after - bytes.before
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±')
  const change = bytes.before > 0 ? Math.abs((byteDelta / bytes.before) * 100) : undefined
  const percent =
    change === undefined
      ? ''
      : ` (${sign(byteDelta)}${change < 100 ? change.toFixed(1) : formatCount(Math.round(change))}%)`
  return (
    `files ${formatCount(files.before)} → ${formatCount(files.after)} (${sign(fileDelta)}${formatCount(Math.abs(fileDelta))}), ` +
    `size ${formatBytes(bytes.before)} → ${formatBytes(bytes.after)}${percent}`
  )
}
