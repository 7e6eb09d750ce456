import { SourceMapSyntaxError } from './errors.js'
import { JsonCursor } from './json-cursor.js'
import { decodeJsonString } from './json-string.js'
import type { SourceMapSource } from './map-object.js'
import { readMapObject } from './map-object.js'

export interface SourceMapSummary {
  version?: number
  file?: string
  sourceRoot?: string
  /** Number of sections of an index map; 0 for a plain map. */
  sections: number
  /** Every source, sections flattened in order. */
  sources: SourceMapSource[]
}

/**
 * Several rules read the same entry (this family for the summary, the secret scanner for the
 * text), so results are kept per content buffer for as long as the buffer lives.
 */
const SCANNED = new WeakMap<Buffer, SourceMapSummary | SourceMapSyntaxError>()

/**
 * Key names with their closing quote, as bytes (a string needle is prepared again on every call).
 * The opening quote is checked apart: a needle starting with `"` searches JSON 2.5× slower.
 */
const VERSION_KEY = Buffer.from('version"')
const SECTIONS_KEY = Buffer.from('sections"')
const MAPPINGS_KEY = Buffer.from('mappings"')
const SOURCES_KEY = Buffer.from('sources"')

/**
 * Cheap test run on every file: does this look like a source map by content (whatever its name)?
 * Non-JSON fails on the first byte; JSON must mention the keys of a map. `scanSourceMap` then
 * confirms the shape (its `not-a-map` error means "some other JSON").
 */
export function looksLikeSourceMap(content: Buffer): boolean {
  const start = skipSpace(content, skipMapPrefix(content))
  if (content[start] !== 0x7b /* { */) return false
  if (!hasKey(content, VERSION_KEY, start)) return false
  return (
    hasKey(content, SECTIONS_KEY, start) ||
    (hasKey(content, MAPPINGS_KEY, start) && hasKey(content, SOURCES_KEY, start))
  )
}

/** Whether `"name"` occurs from `start` on (`name` given with its closing quote). */
function hasKey(content: Buffer, nameAndQuote: Buffer, start: number): boolean {
  for (let at = content.indexOf(nameAndQuote, start + 1); at !== -1;) {
    if (content[at - 1] === 0x22 /* " */) return true
    at = content.indexOf(nameAndQuote, at + 1)
  }
  return false
}

/**
 * Reads a source map's sources and the size of each embedded text without parsing the whole
 * JSON. Throws `SourceMapSyntaxError` (with a message fit for a finding) when it cannot.
 */
export function scanSourceMap(content: Buffer): SourceMapSummary {
  let result = SCANNED.get(content)
  if (result === undefined) {
    try {
      result = readSummary(content)
    } catch (error) {
      if (!(error instanceof SourceMapSyntaxError)) throw error
      result = error
    }
    SCANNED.set(content, result)
  }
  if (result instanceof SourceMapSyntaxError) throw result
  return result
}

/** Decodes the embedded text of one source of a summary made from `content`. */
export function readEmbeddedText(content: Buffer, source: SourceMapSource): string | undefined {
  return source.content && decodeJsonString(content, source.content.start, source.content.end)
}

function readSummary(content: Buffer): SourceMapSummary {
  const cursor = new JsonCursor(content, skipMapPrefix(content))
  const first = cursor.peek()
  if (first === -1) throw new SourceMapSyntaxError('the file is empty', 'json', 0)
  if (first !== 0x7b) {
    if (!JSON_START.test(content.toString('latin1', cursor.pos, cursor.pos + 5))) {
      throw new SourceMapSyntaxError(
        `not JSON: it starts with ${describeStart(content, cursor.pos)}`,
        'json',
        cursor.pos
      )
    }
    cursor.skipValue()
    expectEnd(cursor)
    throw new SourceMapSyntaxError(
      'not a source map: the top-level JSON value is not an object',
      'not-a-map'
    )
  }
  const sources: SourceMapSource[] = []
  const head = readMapObject(cursor, sources)
  expectEnd(cursor)
  return { ...head, sources }
}

/** The start of a JSON value other than an object. */
const JSON_START = /^(?:[["0-9-]|true|false|null)/

function expectEnd(cursor: JsonCursor): void {
  if (cursor.peek() !== -1) cursor.fail('unexpected data after the end of the JSON value')
}

/** Skips a UTF-8 BOM and the `)]}'` line some servers prepend against XSSI. */
export function skipMapPrefix(content: Buffer): number {
  let pos = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0
  if (content[pos] === 0x29 && content[pos + 1] === 0x5d && content[pos + 2] === 0x7d /* )]} */) {
    const newline = content.indexOf(0x0a, pos)
    pos = newline === -1 ? pos + (content[pos + 3] === 0x27 ? 4 : 3) : newline + 1
  }
  return pos
}

function skipSpace(content: Buffer, pos: number): number {
  for (
    let c = content[pos];
    c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
    c = content[++pos]
  );
  return pos
}

/** A short, printable quote of the first bytes, for "not JSON: it starts with …" messages. */
function describeStart(content: Buffer, pos: number): string {
  const sample = content.toString('latin1', pos, pos + 24).replace(/[^\x20-\x7e]/g, '?')
  return `'${sample}${content.length > pos + 24 ? '…' : ''}'`
}
