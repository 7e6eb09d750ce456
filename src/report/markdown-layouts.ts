import type { Finding } from '../engine/finding.js'
import { formatCount, plural } from '../util/format.js'
import { MAX_ANNOTATIONS_PER_CHECK_RUN } from './annotations.js'
import { renderBaselineChanges } from './markdown-baseline.js'
import { escapeHtml, escapeText } from './markdown-escape.js'
import type { MarkdownModel } from './markdown-model.js'
import { blockingSeverities } from './markdown-model.js'
import {
  MAX_SUPPRESSED_ROWS,
  describeCounts,
  findingsHead,
  renderArtifactsTable,
  renderCountsTable,
  renderFacts,
  renderFindingRow,
  renderFooter,
  renderLinks,
  renderPointer,
  renderRuleLinks,
  renderSuppressedTable,
  verdictParts
} from './markdown-sections.js'

/** More rows than anyone reads on a page; the JSON report and the annotations carry the rest. */
export const MAX_SHOWN_FINDINGS = 1000

export type SummaryKind = 'check' | 'job'

const BASELINE_ROWS: Record<SummaryKind | 'comment', number> = { check: 20, job: 100, comment: 20 }
const MAX_CHECK_NAME_CHARS = 100

/** Check-run summary and job summary: flat worst-first findings table with an artifact column. */
export function renderSummaryLayout(
  model: MarkdownModel,
  shown: number,
  kind: SummaryKind
): string {
  const parts = [headline(model, kind === 'job' ? '##' : '###', kind === 'job'), ...overview(model)]
  if (model.findings.length > 0) {
    const rows = model.findings.slice(0, shown).map((f) => renderFindingRow(f, true))
    parts.push('#### Findings', [findingsHead(true), ...rows].join('\n'))
    if (shown < model.findings.length)
      parts.push(renderPointer(model, model.findings.length - shown))
    const unannotated = model.findings.length - MAX_ANNOTATIONS_PER_CHECK_RUN
    if (kind === 'check' && unannotated > 0) {
      parts.push(
        `Annotations mark the first ${formatCount(MAX_ANNOTATIONS_PER_CHECK_RUN)} findings; ` +
          `${formatCount(unannotated)} more are only in the full report.`
      )
    }
  }
  if (model.baseline) parts.push(renderBaselineChanges(model.baseline, BASELINE_ROWS[kind]))
  if (model.suppressed.length > 0)
    parts.push('#### Suppressed by policy', renderSuppressedTable(model))
  if (kind === 'job') parts.push(renderLinks(model))
  return finish(model, shown, parts)
}

/** PR comment: marker, headline, tables, one collapsible block of findings per artifact. */
export function renderCommentLayout(model: MarkdownModel, shown: number, marker: string): string {
  const parts = [marker + '\n' + headline(model, '###', true), ...overview(model)]
  if (model.findings.length > 0) {
    parts.push('#### Findings', ...artifactBlocks(model, shown))
    if (shown < model.findings.length)
      parts.push(renderPointer(model, model.findings.length - shown))
  }
  if (model.baseline) parts.push(renderBaselineChanges(model.baseline, BASELINE_ROWS.comment))
  if (model.suppressed.length > 0) {
    const hidden = model.suppressed.reduce((sum, s) => sum + s.count, 0)
    parts.push(
      `<details><summary>${plural(hidden, 'finding')} suppressed by policy</summary>`,
      renderSuppressedTable(model),
      '</details>'
    )
  }
  parts.push(renderLinks(model))
  return finish(model, shown, parts)
}

/** Footer, then the docs links of the rules named in the shown rows. */
function finish(model: MarkdownModel, shown: number, parts: string[]): string {
  const rules = [
    ...model.findings.slice(0, shown).map((f) => f.rule),
    ...model.suppressed.slice(0, MAX_SUPPRESSED_ROWS).map((s) => s.rule)
  ]
  const links = renderRuleLinks(rules)
  return [...parts, renderFooter(model), ...(links ? [links] : [])].join('\n\n') + '\n'
}

/** What is left when even the tables do not fit: verdict, counts and where the rest is. */
export function renderMinimalLayout(model: MarkdownModel, where: string, marker?: string): string {
  const head = (marker ? marker + '\n' : '') + headline(model, '###', true)
  return (
    [
      head,
      renderFacts(model),
      renderCountsTable(model),
      `The full summary is too large for ${where}.`,
      renderPointer(model, model.findings.length),
      ...(model.links.checkRunUrl ? [renderLinks(model)] : [])
    ].join('\n\n') + '\n'
  )
}

function headline(model: MarkdownModel, level: string, named: boolean): string {
  const { icon, text } = verdictParts(model)
  const name = named ? `${escapeText(model.checkName, MAX_CHECK_NAME_CHARS)}: ` : ''
  return `${level} ${icon} ${name}${text}`
}

function overview(model: MarkdownModel): string[] {
  return [
    renderFacts(model),
    renderCountsTable(model),
    '#### Artifacts',
    renderArtifactsTable(model.artifacts)
  ]
}

function artifactBlocks(model: MarkdownModel, shown: number): string[] {
  const byArtifact = new Map<string, Finding[]>()
  for (const f of model.findings.slice(0, shown)) {
    const list = byArtifact.get(f.artifact)
    if (list) list.push(f)
    else byArtifact.set(f.artifact, [f])
  }
  const blocking = new Set(blockingSeverities(model))
  return model.artifacts.flatMap((artifact) => {
    const findings = byArtifact.get(artifact.name) ?? []
    if (findings.length === 0) return []
    const total = artifact.counts.error + artifact.counts.warning + artifact.counts.notice
    const open = findings.some((f) => blocking.has(f.severity)) ? ' open' : ''
    const partial = findings.length < total ? ` (${formatCount(findings.length)} shown)` : ''
    const summary = `<code>${escapeHtml(artifact.name, 100)}</code>: ${describeCounts(artifact.counts)}${partial}`
    return [
      `<details${open}><summary>${summary}</summary>`,
      [findingsHead(false), ...findings.map((f) => renderFindingRow(f, false))].join('\n'),
      '</details>'
    ]
  })
}
