import type { FileEntry } from '../engine/entry.js'
import type { RuleReport } from '../engine/rule.js'
import { formatOffset, plural } from '../util/format.js'
import { latin1Chunks } from '../util/text.js'
import { buildExcerpt } from './mask.js'
import { FORBIDDEN_CONTENT } from './meta.js'
import type { ForbidEntry } from './schema.js'

/** Each chunk reads this far past its end, so a match across the cut is still found once. */
const OVERLAP_BYTES = 64 * 1024
/** Bytes past ASCII: in a binary they are data, not latin1 letters. */
const NON_ASCII = /[\x80-\xff]/g

interface Hit {
  offset: number
  excerpt: string
}

/**
 * `forbid` patterns in a binary file (an executable, a native addon): an internal host name or a
 * codename compiled in ships as plain bytes. Matches are located by byte offset; excerpts show
 * control bytes as spaces, as for text, and bytes past ASCII as `.`.
 */
export function checkBinary(
  file: FileEntry,
  entries: readonly ForbidEntry[],
  /** The bounds of the text search: matches listed per pattern, bytes read as one string. */
  { maxPerPattern, chunkBytes }: { maxPerPattern: number; chunkBytes: number },
  report: (r: RuleReport) => void
): void {
  const { content } = file
  const regexes = entries.map((entry) => entry.regex)
  const hits = entries.map((): Hit[] => [])
  const counts = entries.map(() => 0)
  for (const { start, owned, text } of latin1Chunks(content, chunkBytes, OVERLAP_BYTES)) {
    entries.forEach(({ regex }, i) => {
      regex.lastIndex = 0
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex++
          continue
        }
        if (m.index >= owned) break // in the overlap: the next chunk has it
        if (counts[i]++ < maxPerPattern) {
          const excerpt = buildExcerpt(text, m.index, m.index + m[0].length, regexes)
          hits[i].push({ offset: start + m.index, excerpt: excerpt.replace(NON_ASCII, '.') })
        }
      }
      regex.lastIndex = 0
    })
  }
  entries.forEach((entry, i) => {
    const base = {
      rule: FORBIDDEN_CONTENT,
      entry: file,
      ...(entry.severity ? { severity: entry.severity } : {})
    }
    for (const { offset, excerpt } of hits[i]) {
      report({
        ...base,
        message: `forbidden content '${entry.name}' in binary content at byte ${formatOffset(offset)}: "${excerpt}"`,
        details: { pattern: entry.name, offset, excerpt }
      })
    }
    const more = counts[i] - hits[i].length
    if (more > 0) {
      report({
        ...base,
        message: `${plural(more, 'more match', 'more matches')} of forbidden content '${entry.name}' in this binary file are not listed one by one`,
        details: { pattern: entry.name, omitted: more }
      })
    }
  })
}
