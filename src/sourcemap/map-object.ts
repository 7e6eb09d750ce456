import { SourceMapSyntaxError } from './errors.js'
import type { JsonCursor } from './json-cursor.js'

/** Where one `sourcesContent` string sits in the scanned buffer, and how big its text is. */
export interface EmbeddedContent {
  /** Offsets of the JSON string token, quotes included: `[start, end)`. */
  start: number
  end: number
  /** Newlines + 1 (0 for an empty string). */
  lines: number
  /** UTF-8 bytes of the decoded text. */
  bytes: number
  /** Holds a `\u` or `\/` escape: a character the raw bytes do not show as itself. */
  disguised: boolean
}

export interface SourceMapSource {
  /** Position across the whole map (sections of an index map are numbered in order). */
  index: number
  /** The `sources` entry as written; null when the map has none (or a non-string) here. */
  source: string | null
  /** `sourceRoot` joined with `source`, as the map's consumer would see it ('' without a name). */
  path: string
  /** Absent when `sourcesContent` has no string for this source. */
  content?: EmbeddedContent
}

const MAX_SECTION_DEPTH = 8
const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const QUOTE = 0x22

/** What a top-level map object held besides its sources. */
export interface MapHead {
  version?: number
  file?: string
  sourceRoot?: string
  sections: number
}

/**
 * Reads the map object at the cursor, appending its sources (and those of its sections) to
 * `sources`. `depth` counts index-map nesting. Throws `not-a-map` when the object lacks the
 * keys of a source map and `invalid-map` when a known key has the wrong type.
 */
export function readMapObject(cursor: JsonCursor, sources: SourceMapSource[], depth = 0): MapHead {
  const head: MapHead = { sections: 0 }
  const found = new Set<string>()
  let names: (string | null)[] = []
  let contents: (EmbeddedContent | null)[] = []
  let sectioned = false
  const base = sources.length
  const problems: string[] = []
  cursor.expect(OPEN_BRACE, "'{'")
  if (!cursor.accept(0x7d)) {
    do {
      if (cursor.peek() !== QUOTE) cursor.fail('expected a property name')
      const key = cursor.readString()
      cursor.expect(0x3a, "':'")
      found.add(key)
      const c = cursor.peek()
      if (key === 'sources' && c === OPEN_BRACKET)
        names = readArray(cursor, () => cursor.readString())
      else if (key === 'sourcesContent' && c === OPEN_BRACKET)
        contents = readArray(cursor, () => readContent(cursor))
      else if (key === 'sections' && c === OPEN_BRACKET) {
        sources.length = base // a repeated key replaces the earlier one, as in JSON.parse
        sectioned = true
        head.sections = readSections(cursor, sources, depth)
      } else if (key === 'version' && (c === 0x2d || (c >= 0x30 && c <= 0x39)))
        head.version = cursor.readNumber()
      else if ((key === 'file' || key === 'sourceRoot') && c === QUOTE)
        head[key] = cursor.readString()
      else {
        if (key === 'sources' || key === 'sections') problems.push(`'${key}' is not an array`)
        cursor.skipValue()
      }
    } while (cursor.accept(0x2c))
    cursor.expect(0x7d, "',' or '}'")
  }
  const plain = found.has('mappings') && found.has('sources')
  if (!found.has('version') || !(plain || found.has('sections'))) {
    throw new SourceMapSyntaxError(
      "not a source map: the top-level object needs 'version' with 'mappings' and 'sources', or 'sections'",
      'not-a-map'
    )
  }
  if (problems.length > 0)
    throw new SourceMapSyntaxError(`invalid source map: ${problems.join(', ')}`, 'invalid-map')
  if (!sectioned) appendSources(sources, names, contents, head.sourceRoot)
  return head
}

function appendSources(
  sources: SourceMapSource[],
  names: readonly (string | null)[],
  contents: readonly (EmbeddedContent | null)[],
  sourceRoot: string | undefined
): void {
  // sourcesContent longer than sources still embeds text: keep it, unnamed.
  const count = Math.max(names.length, contents.length)
  for (let i = 0; i < count; i++) {
    const source = names[i] ?? null
    const content = contents[i]
    sources.push({
      index: sources.length,
      source,
      path: source === null ? '' : joinSourceRoot(sourceRoot, source),
      ...(content ? { content } : {})
    })
  }
}

/** Reads `[a, b, …]`, mapping strings through `read` and anything else (null, numbers…) to null. */
function readArray<T>(cursor: JsonCursor, read: () => T): (T | null)[] {
  const items: (T | null)[] = []
  cursor.expect(OPEN_BRACKET, "'['")
  if (cursor.accept(0x5d)) return items
  do {
    if (cursor.peek() === QUOTE) items.push(read())
    else {
      cursor.skipValue()
      items.push(null)
    }
  } while (cursor.accept(0x2c))
  cursor.expect(0x5d, "',' or ']'")
  return items
}

function readContent(cursor: JsonCursor): EmbeddedContent {
  const start = cursor.pos
  const { lines, bytes, disguised } = cursor.scanString()
  return { start, end: cursor.pos, lines, bytes, disguised }
}

/** Reads an index map's `sections`; returns how many there were. */
function readSections(cursor: JsonCursor, sources: SourceMapSource[], depth: number): number {
  if (depth >= MAX_SECTION_DEPTH) {
    throw new SourceMapSyntaxError(
      `invalid source map: sections nested deeper than ${MAX_SECTION_DEPTH} levels`,
      'invalid-map'
    )
  }
  let count = 0
  cursor.expect(OPEN_BRACKET, "'['")
  if (cursor.accept(0x5d)) return 0
  do {
    count++
    let shaped = cursor.peek() === OPEN_BRACE
    if (!shaped) cursor.skipValue()
    else {
      cursor.pos++
      let hasOffset = false
      let hasTarget = false
      if (!cursor.accept(0x7d)) {
        do {
          if (cursor.peek() !== QUOTE) cursor.fail('expected a property name')
          const key = cursor.readString()
          cursor.expect(0x3a, "':'")
          hasOffset ||= key === 'offset'
          hasTarget ||= key === 'url' || key === 'map'
          if (key === 'map' && cursor.peek() === OPEN_BRACE)
            readSectionMap(cursor, sources, depth, count)
          else cursor.skipValue()
        } while (cursor.accept(0x2c))
        cursor.expect(0x7d, "',' or '}'")
      }
      shaped = hasOffset && hasTarget
    }
    if (!shaped) {
      throw new SourceMapSyntaxError(
        `not a source map: section ${count} has no 'offset' and 'map'`,
        'not-a-map'
      )
    }
  } while (cursor.accept(0x2c))
  cursor.expect(0x5d, "',' or ']'")
  return count
}

function readSectionMap(
  cursor: JsonCursor,
  sources: SourceMapSource[],
  depth: number,
  section: number
): void {
  try {
    readMapObject(cursor, sources, depth + 1)
  } catch (error) {
    if (!(error instanceof SourceMapSyntaxError) || error.kind === 'json') throw error
    throw new SourceMapSyntaxError(
      `invalid source map: section ${section}: ${error.message}`,
      'invalid-map'
    )
  }
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** The spec's `sourceRoot` rule: prefix every relative source with it (adding a slash if needed). */
export function joinSourceRoot(sourceRoot: string | undefined, source: string): string {
  if (!sourceRoot || URL_SCHEME.test(source) || source.startsWith('/')) return source
  return sourceRoot.endsWith('/') ? sourceRoot + source : `${sourceRoot}/${source}`
}
