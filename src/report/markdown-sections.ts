import type { Finding, Severity } from '../engine/finding.js'
import { SEVERITIES } from '../engine/finding.js'
import { formatBytes, formatCount, plural } from '../util/format.js'
import { ruleDocsUrl } from './docs-url.js'
import { codeCell, codeInline, escapeText, safeUrl } from './markdown-escape.js'
import type { ArtifactRow, MarkdownModel, SeverityCounts } from './markdown-model.js'
import { blockingSeverities } from './markdown-model.js'
import { findingLocation } from './location.js'

export const MAX_ARTIFACT_ROWS = 100
export const MAX_SUPPRESSED_ROWS = 50
const MAX_MESSAGE_CHARS = 300
const MAX_PATH_CHARS = 200
const MAX_NAME_CHARS = 100
const MAX_REASON_CHARS = 200
const RULE_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/i

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }
const CONCLUSION_ICON = { failure: '❌', neutral: '⚠️', success: '✅' } as const

/** "❌" + "2 errors and 1 warning block this release", "Passed with 3 warnings", "Passed with no findings". */
export function verdictParts(model: MarkdownModel): { icon: string; text: string } {
  const listed = (severities: readonly Severity[]) =>
    joinAnd(severities.map((s) => plural(model.counts[s], s)))
  const icon = CONCLUSION_ICON[model.conclusion]
  if (model.conclusion === 'failure') {
    const blocking = blockingSeverities(model)
    const n = blocking.reduce((sum, s) => sum + model.counts[s], 0)
    const text =
      blocking.length > 0
        ? `${listed(blocking)} ${n === 1 ? 'blocks' : 'block'} this release`
        : 'Failed'
    return { icon, text }
  }
  const present = SEVERITIES.filter((s) => model.counts[s] > 0)
  return {
    icon,
    text: present.length > 0 ? `Passed with ${listed(present)}` : 'Passed with no findings'
  }
}

/** fail-on, artifact, file and byte totals on one line. */
export function renderFacts(model: MarkdownModel): string {
  const { artifacts, files, bytes } = model.totals
  return `fail-on: \`${model.failOn}\` · ${plural(artifacts, 'artifact')} · ${plural(files, 'file')} · ${formatBytes(bytes)}`
}

export function renderCountsTable(model: MarkdownModel): string {
  const suppressed = model.suppressed.reduce((sum, s) => sum + s.count, 0)
  const head = [
    ...SEVERITIES.map((s) => `${SEVERITY_ICON[s]} ${capitalize(s)}s`),
    ...(model.suppressed.length ? ['Suppressed'] : [])
  ]
  const values = [
    ...SEVERITIES.map((s) => formatCount(model.counts[s])),
    ...(model.suppressed.length ? [formatCount(suppressed)] : [])
  ]
  return [row(head), `|${head.map(() => '---:|').join('')}`, row(values)].join('\n')
}

export function renderArtifactsTable(artifacts: readonly ArtifactRow[]): string {
  const lines = [
    '| Artifact | Source | Files | Size | Errors | Warnings | Notices |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...artifacts
      .slice(0, MAX_ARTIFACT_ROWS)
      .map((a) =>
        row([
          codeCell(a.name, MAX_NAME_CHARS),
          a.source !== undefined ? escapeText(a.source, MAX_NAME_CHARS) : '—',
          a.files !== undefined ? formatCount(a.files) : '—',
          a.bytes !== undefined ? formatBytes(a.bytes) : '—',
          ...countCells(a.counts)
        ])
      )
  ]
  const table = lines.join('\n')
  const hidden = artifacts.length - MAX_ARTIFACT_ROWS
  return hidden > 0
    ? `${table}\n\n… ${plural(hidden, 'more artifact')} (see the full report).`
    : table
}

/** Table head for findings; `withArtifact` adds the artifact column (flat lists). */
export function findingsHead(withArtifact: boolean): string {
  return withArtifact
    ? '| | Rule | Artifact | Location | Message |\n|---|---|---|---|---|'
    : '| | Rule | Location | Message |\n|---|---|---|---|'
}

export function renderFindingRow(f: Finding, withArtifact: boolean): string {
  return row([
    SEVERITY_ICON[f.severity],
    ruleLink(f.rule),
    ...(withArtifact ? [codeCell(f.artifact, MAX_NAME_CHARS)] : []),
    codeCell(findingLocation(f), MAX_PATH_CHARS),
    escapeText(f.message, MAX_MESSAGE_CHARS)
  ])
}

export function renderSuppressedTable(model: MarkdownModel): string {
  const lines = [
    '| Rule | Path | Findings | Reason | Until |',
    '|---|---|---:|---|---|',
    ...model.suppressed
      .slice(0, MAX_SUPPRESSED_ROWS)
      .map((s) =>
        row([
          ruleLink(s.rule),
          codeCell(s.path, MAX_PATH_CHARS),
          formatCount(s.count),
          escapeText(s.reason, MAX_REASON_CHARS),
          s.until ? escapeText(s.until, 40) : '—'
        ])
      )
  ]
  const hidden = model.suppressed.length - MAX_SUPPRESSED_ROWS
  if (hidden > 0)
    lines.push(
      '',
      `… ${plural(hidden, 'more ignore entry', 'more ignore entries')} (see the full report).`
    )
  return lines.join('\n')
}

/** "… N more findings not shown; see the full report: <where>". */
export function renderPointer(model: MarkdownModel, hidden: number): string {
  return `… ${plural(hidden, 'more finding')} not shown; see the full report: ${reportTarget(model)}.`
}

function reportTarget(model: MarkdownModel): string {
  const url = safeUrl(model.links.reportUrl)
  if (url) return `[JSON report](${url})`
  if (model.links.reportPath) return codeInline(model.links.reportPath, 300)
  return "the JSON report (this step's `report` output)"
}

/** Check run and report links, for the comment and the job summary. */
export function renderLinks(model: MarkdownModel): string {
  const check = safeUrl(model.links.checkRunUrl)
  return [...(check ? [`[Check run](${check})`] : []), `Full report: ${reportTarget(model)}`].join(
    ' · '
  )
}

export function renderFooter(model: MarkdownModel): string {
  return `<sub>${escapeText(`release-audit ${model.toolVersion}`, 60)}</sub>`
}

/** A rule id linked to its docs page by reference; `renderRuleLinks` defines the references. */
export function ruleLink(rule: string): string {
  return isLinkable(rule) ? `[${codeCell(rule)}][${rule}]` : codeCell(rule, MAX_NAME_CHARS)
}

/** `[rule]: url` lines for the linked rules: each URL once, however many rows name the rule. */
export function renderRuleLinks(rules: Iterable<string>): string | undefined {
  const ids = [...new Set(rules)].filter(isLinkable).sort()
  return ids.length > 0 ? ids.map((id) => `[${id}]: ${ruleDocsUrl(id)}`).join('\n') : undefined
}

function isLinkable(rule: string): boolean {
  return rule.length <= MAX_NAME_CHARS && RULE_ID.test(rule)
}

function countCells(counts: SeverityCounts): string[] {
  return SEVERITIES.map((s) => formatCount(counts[s]))
}

/** "2 errors, 1 warning" (zero counts left out), or "no findings". */
export function describeCounts(counts: SeverityCounts): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => plural(counts[s], s))
  return parts.length > 0 ? parts.join(', ') : 'no findings'
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
