/**
 * Text files are read as bytes; a byte order mark says how they are encoded. Windows tools
 * write UTF-16 with a BOM (PowerShell 5's `>` redirection, Notepad's "Unicode"): read as
 * UTF-8 or latin1 such a file is every other byte NUL, looks binary, and hides its secrets.
 */
export type TextEncoding = 'utf16le' | 'utf16be' | 'bom-utf8' | 'plain'

export function detectEncoding(content: Buffer): TextEncoding {
  if (content[0] === 0xff && content[1] === 0xfe) return 'utf16le'
  if (content[0] === 0xfe && content[1] === 0xff) return 'utf16be'
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return 'bom-utf8'
  return 'plain'
}

const BOM_BYTES: Record<TextEncoding, number> = { utf16le: 2, utf16be: 2, 'bom-utf8': 3, plain: 0 }

/** Length of the byte order mark the content opens with, 0 without one. */
export function bomLength(content: Buffer): number {
  return BOM_BYTES[detectEncoding(content)]
}

/** A NUL byte in this many leading bytes marks a file as binary (UTF-16 text aside). */
export const SNIFF_BYTES = 8 * 1024

/** Binary content is not searched for text: secrets, forbidden patterns. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, SNIFF_BYTES).includes(0) && !isUtf16(content)
}

/** Whether the content is UTF-16 text by its byte order mark. */
export function isUtf16(content: Buffer): boolean {
  const encoding = detectEncoding(content)
  return encoding === 'utf16le' || encoding === 'utf16be'
}

/**
 * The file's text without its byte order mark: UTF-16 decoded by its BOM, anything else with
 * `fallback` (`utf8`, or `latin1` where one byte must stay one character).
 */
export function decodeText(content: Buffer, fallback: 'utf8' | 'latin1'): string {
  const encoding = detectEncoding(content)
  const start = BOM_BYTES[encoding]
  switch (encoding) {
    case 'utf16le':
      return content.toString('utf16le', start)
    case 'utf16be':
      return Buffer.from(content.subarray(start, content.length - (content.length % 2))) // swap16 wants pairs
        .swap16()
        .toString('utf16le')
    default:
      return content.toString(fallback, start)
  }
}

/** One piece of binary content read as latin1 (one byte, one character). */
export interface Latin1Chunk {
  /** Byte offset of `text[0]` in the content. */
  start: number
  /** Matches starting at `text` index `owned` or later lie in the overlap: the next piece has them. */
  owned: number
  text: string
}

/**
 * Binary content in pieces of `chunkBytes`, each read `overlapBytes` past its end, so a match
 * across a cut is found whole, once: in the piece where it starts.
 */
export function* latin1Chunks(
  content: Buffer,
  chunkBytes: number,
  overlapBytes: number
): Generator<Latin1Chunk> {
  for (let start = 0; start < content.length; start += chunkBytes) {
    const end = Math.min(content.length, start + chunkBytes)
    const text = content.toString('latin1', start, Math.min(content.length, end + overlapBytes))
    yield { start, owned: end - start, text }
  }
}
