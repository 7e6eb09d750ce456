import { parseJsonString } from '../sourcemap/json-string.js'
import { hitGroup, PREFILTER, RAW_PREFILTER_SOURCE } from './combined-prefilter.js'
import type { Detector } from './types.js'

const RAW_SCAN = new RegExp(RAW_PREFILTER_SOURCE, 'g')
const LINE_LOCAL = PREFILTER.groups.map((group) => group.every((d) => d.lineLocal === true))
/** A line holding nothing that decoding would change (bar its final `\n`). */
const PLAIN_LINE = /^[^\\\x80-\xff]*(?:\\n)?$/
/** A hit on a longer line is not confirmed on its own: the whole string is decoded instead. */
const MAX_LINE_BYTES = 4096
const BACKSLASH = '\\'

/** A JSON string token in a buffer, as the source-map scanner measured it. */
export interface JsonStringToken {
  /** Offsets of the token, quotes included: `[start, end)`. */
  start: number
  end: number
  /** It holds a `\u` or `\/` escape. */
  disguised: boolean
}

/**
 * Whether `scanSecrets` could find anything in the decoded text of a JSON string token in `buf`,
 * decided without decoding it where possible: the prefilter runs on the raw bytes, and a hit of
 * line-local detectors is confirmed on its decoded line alone. `false` means the scan would
 * certainly find nothing; `true` means "decode it and scan".
 */
export function mayHoldSecrets(buf: Buffer, token: JsonStringToken): boolean {
  if (token.disguised) return true
  const start = token.start
  const raw = buf.toString('latin1', start + 1, token.end - 1)
  const regex = RAW_SCAN
  regex.lastIndex = 0
  for (let hit = regex.exec(raw); hit !== null; hit = regex.exec(raw)) {
    const group = hitGroup(hit)
    if (!LINE_LOCAL[group]) return true
    const hitEnd = hit.index + hit[0].length
    if (confirmOnLine(buf, start + 1, raw, hit.index, hitEnd, PREFILTER.groups[group])) return true
  }
  return false
}

function confirmOnLine(
  buf: Buffer,
  base: number,
  raw: string,
  at: number,
  hitEnd: number,
  detectors: Detector[]
): boolean {
  if (isEscaped(raw, at) || isEscaped(raw, hitEnd)) return true
  const lineStart = findLineStart(raw, at)
  const lineEnd = findLineEnd(raw, hitEnd)
  if (lineEnd - lineStart > MAX_LINE_BYTES) return true
  let line = raw.slice(lineStart, lineEnd)
  let lineAt = at - lineStart
  let lineHitEnd = hitEnd - lineStart
  if (PLAIN_LINE.test(line)) {
    if (line.endsWith('\\n')) line = `${line.slice(0, -2)}\n`
  } else {
    try {
      line = decodeRaw(buf, base + lineStart, base + lineEnd)
      lineAt = decodeRaw(buf, base + lineStart, base + at).length
      lineHitEnd = lineAt + decodeRaw(buf, base + at, base + hitEnd).length
    } catch {
      return true // not valid JSON: decoding it whole reports the problem
    }
  }
  return detectors.some((d) => d.confirm(line, lineAt, lineHitEnd) !== undefined)
}

/** Decodes raw string bytes that start and end outside any escape or UTF-8 sequence. */
function decodeRaw(buf: Buffer, from: number, to: number): string {
  return parseJsonString(`"${buf.toString('utf8', from, to)}"`)
}

/** Whether `index` falls inside an escape: right after a backslash that escapes. */
function isEscaped(raw: string, index: number): boolean {
  return index > 0 && raw[index - 1] === BACKSLASH && startsEscape(raw, index - 1)
}

/** Whether the backslash at `index` starts an escape (an odd run of backslashes ends there). */
function startsEscape(raw: string, index: number): boolean {
  let k = index
  while (k >= 0 && raw[k] === BACKSLASH) k--
  return ((index - k) & 1) === 1
}

/** Just after the `\n` escape before `at`, or 0. */
function findLineStart(raw: string, at: number): number {
  for (let i = raw.lastIndexOf('\\n', at - 2); i !== -1; i = raw.lastIndexOf('\\n', i - 1)) {
    if (startsEscape(raw, i)) return i + 2
  }
  return 0
}

/** Just after the first `\n` escape from `from` on, or the end of the string. */
function findLineEnd(raw: string, from: number): number {
  for (let i = raw.indexOf('\\n', from); i !== -1; i = raw.indexOf('\\n', i + 1)) {
    if (startsEscape(raw, i)) return i + 2
  }
  return raw.length
}
