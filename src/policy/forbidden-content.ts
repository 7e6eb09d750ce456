import type { FileEntry } from '../engine/entry.js'
import type { RuleReport } from '../engine/rule.js'
import { plural } from '../util/format.js'
import { compileGlobs } from './globs.js'
import { buildExcerpt } from './mask.js'
import { FORBIDDEN_CONTENT } from './meta.js'
import type { ForbidEntry } from './schema.js'
import { decodeText, isBinary, isUtf16 } from '../util/text.js'
import { holdsNoStrings } from '../archive/detect-format.js'
import { checkBinary } from './forbidden-binary.js'

/** Matches of one pattern in one file reported one by one; the rest are counted in one more. */
export const MAX_REPORTS_PER_PATTERN = 10
/**
 * Text is decoded and searched in pieces of about this size, cut after a newline, so a file
 * near the per-entry limit never becomes one string longer than V8 allows (~512 MiB).
 * A match spanning such a cut (only multi-line patterns can) is not found.
 */
export const CHUNK_BYTES = 32 * 1024 * 1024

interface Hit {
  line: number
  column: number
  excerpt: string
}

interface Hits {
  shown: Hit[]
  /** Matches past MAX_REPORTS_PER_PATTERN: how many, and the lines of the first and last. */
  more: { count: number; first: number; last: number }
}

/**
 * `policy/forbidden-content`: each `forbid` entry searched over every text file its paths allow,
 * and over binary files (see `checkBinary`).
 */
export function createForbiddenContentCheck(entries: readonly ForbidEntry[]) {
  const patterns = entries.map((entry) => ({
    entry,
    applies: entry.paths ? compileGlobs(entry.paths) : () => true
  }))
  return (file: FileEntry, report: (r: RuleReport) => void): void => {
    const applicable = patterns.filter((p) => p.applies(file.path)).map((p) => p.entry)
    if (applicable.length === 0) return
    if (isBinary(file.content)) {
      if (holdsNoStrings(file.content)) return
      checkBinary(
        file,
        applicable,
        { maxPerPattern: MAX_REPORTS_PER_PATTERN, chunkBytes: CHUNK_BYTES },
        report
      )
      return
    }
    const hits = applicable.map((): Hits => ({ shown: [], more: { count: 0, first: 0, last: 0 } }))
    let lineBase = 1
    for (const chunk of splitText(file.content, CHUNK_BYTES)) {
      const regexes = applicable.map((entry) => entry.regex)
      applicable.forEach((entry, i) => collectHits(chunk, lineBase, entry.regex, regexes, hits[i]))
      lineBase += countNewlines(chunk)
    }
    applicable.forEach((entry, i) => reportHits(file, entry, hits[i], report))
  }
}

/**
 * One pass of `regex` over the chunk (`lastIndex` loop); line numbers counted incrementally.
 * Excerpts mask the matches of every pattern of the file (`all`), not only this one.
 */
function collectHits(
  text: string,
  lineBase: number,
  regex: RegExp,
  all: readonly RegExp[],
  hits: Hits
): void {
  let line = lineBase
  // the next newline not yet counted: remembered so no stretch of text is scanned twice
  let newline = text.indexOf('\n')
  regex.lastIndex = 0
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++
      continue
    }
    while (newline !== -1 && newline < m.index) {
      line++
      newline = text.indexOf('\n', newline + 1)
    }
    if (hits.shown.length < MAX_REPORTS_PER_PATTERN) {
      const column = m.index - (text.lastIndexOf('\n', m.index - 1) + 1) + 1
      const excerpt = buildExcerpt(text, m.index, m.index + m[0].length, all)
      hits.shown.push({ line, column, excerpt })
    } else {
      if (hits.more.count++ === 0) hits.more.first = line
      hits.more.last = line
    }
  }
  regex.lastIndex = 0
}

function reportHits(
  file: FileEntry,
  entry: ForbidEntry,
  hits: Hits,
  report: (r: RuleReport) => void
): void {
  const base = {
    rule: FORBIDDEN_CONTENT,
    entry: file,
    ...(entry.severity ? { severity: entry.severity } : {})
  }
  for (const hit of hits.shown) {
    report({
      ...base,
      line: hit.line,
      message: `forbidden content '${entry.name}' at line ${hit.line}: "${hit.excerpt}"`,
      details: { pattern: entry.name, column: hit.column, excerpt: hit.excerpt }
    })
  }
  const { count, first, last } = hits.more
  if (count === 0) return
  report({
    ...base,
    line: first,
    message: `${plural(count, 'more match', 'more matches')} of forbidden content '${entry.name}' in this file (lines ${first}–${last}) are not listed one by one`,
    details: { pattern: entry.name, omitted: count }
  })
}

/** UTF-8 text in pieces cut just after a newline (never inside a multi-byte character). */
function* splitText(content: Buffer, chunkBytes: number): Generator<string> {
  if (isUtf16(content)) {
    yield decodeText(content, 'utf8') // Windows tools' UTF-16 files are small: one piece
    return
  }
  let start = 0
  while (start < content.length) {
    let end = Math.min(content.length, start + chunkBytes)
    if (end < content.length) {
      const newline = content.lastIndexOf(0x0a, end - 1)
      if (newline >= start) end = newline + 1
      // one line longer than a chunk: cut before a UTF-8 continuation byte, not inside a character
      else while (end > start + 1 && (content[end] & 0xc0) === 0x80) end--
    }
    yield content.toString('utf8', start, end)
    start = end
  }
}

function countNewlines(text: string): number {
  let count = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++
  return count
}
