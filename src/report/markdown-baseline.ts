import { formatBytes, formatCount, plural } from '../util/format.js'
import { codeCell, escapeText } from './markdown-escape.js'

const MAX_NOTES = 10
const MAX_NOTE_CHARS = 300
const MAX_LABEL_CHARS = 200
const MAX_PATH_CHARS = 200

export interface BaselineItem {
  artifact?: string
  path: string
  bytes?: number
  before?: number
  after?: number
  rule?: string
}

/** `report.baseline` as far as the markdown needs it; every part but `label` may be missing. */
export interface BaselineChanges {
  label: string
  added: BaselineItem[]
  removed: BaselineItem[]
  grown: BaselineItem[]
  introduced: BaselineItem[]
  /** Full totals: the report's `counts` when given (lists may be cut), else the list lengths. */
  counts: { added: number; removed: number; grown: number; introduced: number }
  files?: { before: number; after: number }
  bytes?: { before: number; after: number }
  notes: string[]
}

type Kind = 'added' | 'removed' | 'grown' | 'introduced'
const KINDS: readonly Kind[] = ['added', 'removed', 'grown', 'introduced']
const KIND_LABEL: Record<Kind, string> = {
  added: '➕ added',
  removed: '➖ removed',
  grown: '📈 grown',
  introduced: '❗ new finding'
}

/**
 * Reads the baseline section when it has a string `label` and `added`, `removed`, `grown` arrays;
 * anything else (absent, older or foreign shapes) is no section. Malformed items are skipped.
 */
export function readBaselineChanges(
  raw: Record<string, unknown> | undefined
): BaselineChanges | undefined {
  if (!raw || typeof raw.label !== 'string') return undefined
  if (!['added', 'removed', 'grown'].every((k) => Array.isArray(raw[k]))) return undefined
  const list = (key: Kind) =>
    Array.isArray(raw[key]) ? (raw[key] as unknown[]).flatMap(readItem) : []
  const lists = {
    added: list('added'),
    removed: list('removed'),
    grown: list('grown'),
    introduced: list('introduced')
  }
  const counts = isRecord(raw.counts) ? raw.counts : {}
  const total = (k: Kind) => Math.max(lists[k].length, finite(counts[k]) ?? 0)
  const files = readPair(raw.files)
  const bytes = readPair(raw.bytes)
  return {
    label: raw.label,
    ...lists,
    counts: {
      added: total('added'),
      removed: total('removed'),
      grown: total('grown'),
      introduced: total('introduced')
    },
    ...(files ? { files } : {}),
    ...(bytes ? { bytes } : {}),
    notes: Array.isArray(raw.notes)
      ? raw.notes.filter((n): n is string => typeof n === 'string')
      : []
  }
}

/** "Changes since <label>": totals, one table of changed files (≤ maxRows per kind), notes. */
export function renderBaselineChanges(b: BaselineChanges, maxRows: number): string {
  const parts = [`#### Changes since ${escapeText(b.label, MAX_LABEL_CHARS)}`]
  const totals = renderTotals(b)
  if (totals) parts.push(totals)
  const named = new Set(KINDS.flatMap((k) => b[k].map((i) => i.artifact ?? ''))).size > 1
  const rows = KINDS.flatMap((k) => b[k].slice(0, maxRows).map((item) => renderRow(k, item, named)))
  if (rows.length > 0)
    parts.push(['| Change | File | Detail |', '|---|---|---|', ...rows].join('\n'))
  else parts.push('No file added, removed or grown beyond the thresholds.')
  const unlisted = KINDS.map(
    (k) => [k, b.counts[k] - Math.min(b[k].length, maxRows)] as const
  ).filter(([, n]) => n > 0)
  if (unlisted.length > 0) {
    parts.push(
      `Not listed here: ${unlisted.map(([k, n]) => `${formatCount(n)} ${k}`).join(', ')} (see the full report).`
    )
  }
  const notes = b.notes.slice(0, MAX_NOTES).map((n) => `- Note: ${escapeText(n, MAX_NOTE_CHARS)}`)
  if (b.notes.length > MAX_NOTES)
    notes.push(`- … ${plural(b.notes.length - MAX_NOTES, 'more note')}`)
  if (notes.length > 0) parts.push(notes.join('\n'))
  return parts.join('\n\n')
}

function renderRow(kind: Kind, item: BaselineItem, named: boolean): string {
  const where = named && item.artifact ? `${codeCell(item.artifact, 100)} ` : ''
  return `| ${KIND_LABEL[kind]} | ${where}${codeCell(item.path, MAX_PATH_CHARS)} | ${renderDetail(kind, item)} |`
}

function renderDetail(kind: Kind, item: BaselineItem): string {
  if (kind === 'introduced') return item.rule ? codeCell(item.rule, 100) : ''
  if (kind === 'grown' && item.before !== undefined && item.after !== undefined) {
    const growth =
      item.before > 0 ? ` (${formatGrowth(((item.after - item.before) / item.before) * 100)})` : ''
    return `${formatBytes(item.before)} → ${formatBytes(item.after)}${growth}`
  }
  const size = item.bytes ?? item.after
  return size !== undefined ? formatBytes(size) : ''
}

function renderTotals(b: BaselineChanges): string | undefined {
  const parts: string[] = []
  if (b.files) {
    const delta = b.files.after - b.files.before
    parts.push(
      `Files ${formatCount(b.files.before)} → ${formatCount(b.files.after)} (${signed(delta, formatCount)})`
    )
  }
  if (b.bytes) {
    const delta = b.bytes.after - b.bytes.before
    const pct = b.bytes.before > 0 ? `, ${formatGrowth((delta / b.bytes.before) * 100)}` : ''
    parts.push(
      `size ${formatBytes(b.bytes.before)} → ${formatBytes(b.bytes.after)} (${signed(delta, formatBytes)}${pct})`
    )
  }
  return parts.length > 0 ? parts.join(' · ') : undefined
}

function signed(n: number, format: (n: number) => string): string {
  return n > 0 ? `+${format(n)}` : n < 0 ? `−${format(-n)}` : '±0'
}

function formatGrowth(percent: number): string {
  const sign = percent < 0 ? '−' : '+'
  const abs = Math.abs(percent)
  return `${sign}${abs < 100 ? abs.toFixed(1) : formatCount(Math.round(abs))}%`
}

function readItem(raw: unknown): BaselineItem[] {
  if (!isRecord(raw) || typeof raw.path !== 'string') return []
  const item: BaselineItem = { path: raw.path }
  if (typeof raw.artifact === 'string') item.artifact = raw.artifact
  if (typeof raw.rule === 'string') item.rule = raw.rule
  for (const key of ['bytes', 'before', 'after'] as const) {
    const n = finite(raw[key])
    if (n !== undefined) item[key] = n
  }
  return [item]
}

function readPair(raw: unknown): { before: number; after: number } | undefined {
  if (!isRecord(raw)) return undefined
  const before = finite(raw.before)
  const after = finite(raw.after)
  return before !== undefined && after !== undefined ? { before, after } : undefined
}

function finite(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
