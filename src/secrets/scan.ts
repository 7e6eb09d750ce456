import { lowerSeverity } from '../engine/finding.js'
import { hitGroup, PREFILTER } from './combined-prefilter.js'
import { redactSecret } from './redact.js'
import type { Candidate, Detector, SecretMatch } from './types.js'

export interface ScanOptions {
  /** The text lives under a test/fixture/example folder: every match is one level lower. */
  inTestFolder?: boolean
  /** The text is binary content read as latin1: only detectors marked `inBinary` are asked. */
  binary?: boolean
  /**
   * The text is these UTF-8 bytes read one byte per character (latin1), from byte `offset` on.
   * A line-local detector then confirms a hit on a line holding other than ASCII on the decoded
   * line: read byte by byte, `à` (`C3 A0`) ends in a no-break space that would cut the value it
   * belongs to, and a redacted prefix would show the bytes of a character instead of it.
   */
  utf8?: { bytes: Buffer; offset: number }
}

/** A match with its character index in the scanned text (for callers that scan in chunks). */
export interface IndexedSecretMatch extends SecretMatch {
  index: number
}

interface Found extends Candidate {
  rule: string
  priority: number
}

const TEST_FOLDER_NOTE = 'one level lower because it is under a test, fixture or example folder'
/** Texts from this size on are not left reachable through the last regex match. */
const LARGE_TEXT_CHARS = 1024 * 1024
const ANY = /(?:)/

/** Finds the high-confidence secrets in a text; values come back redacted, never whole. */
export function scanSecrets(text: string, options: ScanOptions = {}): SecretMatch[] {
  return findSecrets(text, options).map((m) => ({
    rule: m.rule,
    line: m.line,
    column: m.column,
    redacted: m.redacted,
    severity: m.severity,
    description: m.description
  }))
}

export function findSecrets(text: string, options: ScanOptions = {}): IndexedSecretMatch[] {
  const kept = dropOutranked(findCandidates(text, options.binary === true, options.utf8))
  if (text.length >= LARGE_TEXT_CHARS) forgetLastSubject()
  const matches: IndexedSecretMatch[] = []
  let line = 1
  let lineStart = 0
  for (const found of kept) {
    let newline = text.indexOf('\n', lineStart)
    while (newline !== -1 && newline < found.start) {
      line++
      lineStart = newline + 1
      newline = text.indexOf('\n', lineStart)
    }
    const notes = found.note === undefined ? [] : [found.note]
    if (options.inTestFolder) notes.push(TEST_FOLDER_NOTE)
    matches.push({
      rule: found.rule,
      line,
      column: found.start - lineStart + 1,
      index: found.start,
      redacted: redactSecret(found.value),
      severity: options.inTestFolder ? lowerSeverity(found.severity) : found.severity,
      description: notes.length === 0 ? found.type : `${found.type} (${notes.join('; ')})`
    })
  }
  return matches
}

function findCandidates(text: string, binary: boolean, utf8: ScanOptions['utf8']): Found[] {
  const { regex, groups } = PREFILTER
  const found: Found[] = []
  const lineOf = utf8 && lineLocator(text)
  regex.lastIndex = 0
  for (let hit = regex.exec(text); hit !== null; hit = regex.exec(text)) {
    const hitEnd = hit.index + hit[0].length
    for (const detector of groups[hitGroup(hit)]) {
      if (binary && detector.inBinary !== true) continue
      const candidate =
        lineOf && utf8 && detector.lineLocal === true
          ? confirmOnDecodedLine(detector, text, utf8, lineOf(hit.index), hit.index, hitEnd)
          : detector.confirm(text, hit.index, hitEnd)
      if (candidate === undefined) continue
      found.push({ ...candidate, rule: detector.rule, priority: detector.priority })
      // A fixed-format match (a key block above all) holds no other secret: skip its body.
      if (detector.priority === 3) regex.lastIndex = Math.max(regex.lastIndex, candidate.end)
    }
  }
  return found
}

/**
 * Longer lines are confirmed as read: a minified line runs to megabytes, and each hit on a
 * decoded line costs a pass over it.
 */
const MAX_DECODED_LINE_BYTES = 16 * 1024
const NON_ASCII = /[\u0080-\uffff]/
const REPLACEMENT = '\ufffd'

/** A line of the text: `[start, end)`, its `\n` included; `decode` when it is to be decoded. */
interface Line {
  start: number
  end: number
  decode: boolean
  decoded?: string
  /** The last hit on the line: its offset in the text and in `decoded` (hits come in order). */
  lastAt: number
  lastIndex: number
}

/**
 * The line holding each hit, asked for in increasing order: each character is looked at about
 * once per file, however many hits a line has (a minified line can have thousands).
 */
function lineLocator(text: string): (at: number) => Line {
  let line: Line = { start: 0, end: 0, decode: false, lastAt: 0, lastIndex: 0 }
  return (at) => {
    if (at < line.end) return line
    const start = text.lastIndexOf('\n', at - 1) + 1 // not before the previous line's end
    const newline = text.indexOf('\n', at)
    const end = newline === -1 ? text.length : newline + 1
    const decode = end - start <= MAX_DECODED_LINE_BYTES && NON_ASCII.test(text.slice(start, end))
    line = { start, end, decode, lastAt: start, lastIndex: 0 }
    return line
  }
}

/**
 * `detector.confirm` on the hit's line decoded from UTF-8 when that line holds other than ASCII;
 * the candidate comes back in the text's offsets, its value decoded.
 */
function confirmOnDecodedLine(
  detector: Detector,
  text: string,
  utf8: NonNullable<ScanOptions['utf8']>,
  line: Line,
  at: number,
  hitEnd: number
): Candidate | undefined {
  if (!line.decode) return detector.confirm(text, at, hitEnd)
  const from = utf8.offset + line.start
  const decode = (start: number, end: number): string =>
    utf8.bytes.toString('utf8', from + start, from + end)
  const decoded = (line.decoded ??= decode(0, line.end - line.start))
  if (decoded.includes(REPLACEMENT)) {
    line.decode = false // not UTF-8 (a legacy encoding): offsets would no longer map back
    return detector.confirm(text, at, hitEnd)
  }
  const lineAt = line.lastIndex + decode(line.lastAt - line.start, at - line.start).length
  line.lastAt = at
  line.lastIndex = lineAt
  const candidate = detector.confirm(decoded, lineAt, lineAt + hitEnd - at) // the trigger is ASCII
  if (candidate === undefined) return undefined
  const toText = (index: number): number => line.start + Buffer.byteLength(decoded.slice(0, index))
  return { ...candidate, start: toText(candidate.start), end: toText(candidate.end) }
}

const PRIORITIES = [1, 2, 3]

/**
 * Drops every candidate overlapped by one of higher priority (a generic `token = "…"` holding
 * an `npm_` token is reported as the npm token only) and duplicates; returns them by position.
 */
function dropOutranked(found: Found[]): Found[] {
  if (found.length <= 1) return found // nearly every file: nothing to compare
  const sorted = [...found].sort((a, b) => a.start - b.start || b.priority - a.priority)
  const outranked = sorted.map(() => false)
  const maxEnd = PRIORITIES.map(() => -1)
  sorted.forEach((c, i) => {
    outranked[i] = maxEnd.some((end, p) => p + 1 > c.priority && end > c.start)
    maxEnd[c.priority - 1] = Math.max(maxEnd[c.priority - 1], c.end)
  })
  const minStart = PRIORITIES.map(() => Infinity)
  for (let i = sorted.length - 1; i >= 0; i--) {
    const c = sorted[i]
    outranked[i] ||= minStart.some((start, p) => p + 1 > c.priority && start < c.end)
    minStart[c.priority - 1] = Math.min(minStart[c.priority - 1], c.start)
  }
  const seen = new Set<string>()
  return sorted.filter((c, i) => {
    const key = `${c.rule}@${c.start}`
    if (outranked[i] || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * V8 keeps the subject of the last successful regex match reachable (the legacy `RegExp.input`)
 * until another match succeeds. After a large file's scan that held a 12 MB string alive through
 * the whole arrival of the next entry; a match on an empty string lets it go.
 */
function forgetLastSubject(): void {
  ANY.exec('')
}
