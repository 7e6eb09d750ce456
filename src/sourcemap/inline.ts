import type { SourceMappingComment } from './comment.js'
import { findSourceMappingComments, isBase64DataHeader } from './comment.js'

/** A map carried inside a JS or CSS file as a `data:` URL, decoded to the map's own bytes. */
export interface InlineSourceMap {
  /** Line of the `sourceMappingURL` comment in the carrying file. */
  line: number
  map: Buffer
}

export interface FileSourceMappings {
  inline: InlineSourceMap[]
  /** The URL of the comment browsers use, when it points at a map rather than embedding one. */
  reference?: { line: number; url: string }
}

/**
 * Decoded once per file: this family and the secret rule both ask, one right after the other.
 * Only the last file is remembered, and weakly, so a large entry is not kept alive once the walk
 * lets it go. (A WeakMap entry per file cost ~1 µs each over 20,000 small files.)
 */
let last: { content: WeakRef<Buffer>; result: FileSourceMappings } | undefined

/** The inline maps (decoded) and the map reference of a JS, CSS or other text file. */
export function readSourceMappings(entryPath: string, content: Buffer): FileSourceMappings {
  if (last?.content.deref() === content) return last.result
  const result: FileSourceMappings = { inline: [] }
  for (const comment of findSourceMappingComments(entryPath, content)) {
    if (comment.kind === 'url') result.reference = { line: comment.line, url: comment.url }
    else result.inline.push({ line: comment.line, map: decodeDataUrl(content, comment) })
  }
  result.inline.sort((a, b) => a.line - b.line)
  last = { content: new WeakRef(content), result }
  return result
}

/**
 * Decodes `data:[<media type>][;base64],<data>` to bytes: base64, or percent-encoding
 * (`data:application/json;charset=utf-8,%7B%22version%22…`). A URL without a comma decodes to
 * nothing, which the scanner reports as an empty map.
 */
export function decodeDataUrl(
  content: Buffer,
  url: Extract<SourceMappingComment, { kind: 'data' }>
): Buffer {
  const comma = content.indexOf(0x2c, url.start)
  if (comma === -1 || comma >= url.end) return Buffer.alloc(0)
  if (isBase64DataHeader(content, url.start, comma))
    return Buffer.from(content.toString('latin1', comma + 1, url.end), 'base64')
  return decodePercent(content, comma + 1, url.end)
}

function decodePercent(content: Buffer, from: number, end: number): Buffer {
  const out = Buffer.allocUnsafe(end - from)
  let length = 0
  for (let i = from; ;) {
    const percent = content.indexOf(0x25 /* % */, i)
    const stop = percent === -1 || percent >= end ? end : percent
    length += content.copy(out, length, i, stop)
    if (stop === end) break
    const high = hexValue(content[percent + 1])
    const low = percent + 2 < end ? hexValue(content[percent + 2]) : -1
    if (high < 0 || low < 0) {
      out[length++] = 0x25 // a stray '%' stays as it is, like decodeURI's lenient cousins
      i = percent + 1
    } else {
      out[length++] = high * 16 + low
      i = percent + 3
    }
  }
  return out.subarray(0, length)
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  const lower = c | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1
}
