import { isAscii } from 'node:buffer'
import type { IndexedSecretMatch, ScanOptions } from './scan.js'
import { findSecrets, scanSecrets } from './scan.js'
import type { SecretMatch } from './types.js'
import { decodeText, isUtf16 } from '../util/text.js'

const MiB = 1024 * 1024
/** Files are decoded and scanned this many bytes at a time, so memory stays bounded. */
export const CHUNK_BYTES = 16 * MiB
/** Each chunk reads this far past its end, beyond the longest match (a 64 KiB key block). */
export const OVERLAP_BYTES = 80 * 1024
/** A chunk is cut after a newline when one comes this soon after the nominal cut. */
const MAX_LINE_SEARCH_BYTES = 1 * MiB

/**
 * Scans a file's bytes decoded as latin1 (one byte, one character: three times faster to decode
 * than UTF-8, and exact for the ASCII that triggers and tokens are made of); values on lines
 * holding other characters are confirmed on those lines decoded as UTF-8. Large files go in
 * chunks that overlap, cut at line ends where possible; lines and columns (in bytes) stay those
 * of the whole file.
 */
export function scanSecretsInBuffer(content: Buffer, options: ScanOptions = {}): SecretMatch[] {
  if (isUtf16(content)) return scanSecrets(decodeText(content, 'latin1'), options)
  // ASCII reads the same either way: its lines need no locating for a decode
  const ascii = isAscii(content)
  const withBytes = (offset: number): ScanOptions =>
    ascii ? options : { ...options, utf8: { bytes: content, offset } }
  if (content.length <= CHUNK_BYTES) return scanSecrets(content.toString('latin1'), withBytes(0))
  const matches: SecretMatch[] = []
  let start = 0
  let lineOffset = 0
  /** Column of the chunk's first character in its line, when a chunk starts mid-line. */
  let columnOffset = 0
  while (start < content.length) {
    const cut = findCut(content, start)
    const text = content.toString('latin1', start, Math.min(content.length, cut + OVERLAP_BYTES))
    for (const match of findSecrets(text, withBytes(start))) {
      if (match.index >= cut - start) continue // in the overlap: the next chunk reports it
      matches.push(shift(match, lineOffset, match.line === 1 ? columnOffset : 0))
    }
    const newlines = countNewlines(content, start, cut)
    const lastNewline = content.lastIndexOf(10, cut - 1)
    columnOffset = lastNewline >= start ? cut - lastNewline - 1 : columnOffset + cut - start
    lineOffset += newlines
    start = cut
  }
  return matches
}

function findCut(content: Buffer, start: number): number {
  const nominal = start + CHUNK_BYTES
  if (nominal >= content.length) return content.length
  const newline = content.indexOf(10, nominal)
  return newline !== -1 && newline - nominal < MAX_LINE_SEARCH_BYTES ? newline + 1 : nominal
}

function countNewlines(content: Buffer, start: number, end: number): number {
  let count = 0
  for (let i = content.indexOf(10, start); i !== -1 && i < end; i = content.indexOf(10, i + 1))
    count++
  return count
}

function shift(match: IndexedSecretMatch, lines: number, columns: number): SecretMatch {
  return {
    rule: match.rule,
    line: match.line + lines,
    column: match.column + columns,
    redacted: match.redacted,
    severity: match.severity,
    description: match.description
  }
}
