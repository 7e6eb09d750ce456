import type { EmbeddedSource } from './embedded.js'
import { SourceMapSyntaxError } from './errors.js'
import { readSourceMappings } from './inline.js'
import type { EmbeddedContent } from './map-object.js'
import { decodeJsonString } from './json-string.js'
import { looksLikeSourceMap, scanSourceMap } from './scan.js'
import { classifySourcePath } from './source-path.js'

export interface VisitedSource extends EmbeddedSource {
  /** Line of the `sourceMappingURL` comment when the map is inline in the visited file. */
  mapLine?: number
  /** The map's bytes and where this source's JSON string token sits in them (quotes included). */
  map: Buffer
  content: EmbeddedContent
}

const MAP_EXTENSION = /\.map$/i

/**
 * For rules that read the text of every file (the secret scanner): visits every source embedded
 * in `content`, whether it is a map file (by name or by content) or a JS/CSS/text file carrying
 * inline `data:` maps. Returns `isMap: true` when `content` is itself a readable map: its JSON
 * need not be scanned as text, since its sources were visited. A map that cannot be read is
 * skipped here (the sourcemap family reports it), and a broken map file is `isMap: false` so
 * that its raw text still gets scanned. A source's `text` is decoded on first read, so a visitor
 * that can rule a source out from its raw JSON bytes (`map`, `content`) never decodes it.
 */
export function forEachSourceInFile(
  entryPath: string,
  content: Buffer,
  visit: (source: VisitedSource) => void
): { isMap: boolean } {
  if (MAP_EXTENSION.test(entryPath) || looksLikeSourceMap(content)) {
    if (!readable(content)) return { isMap: false }
    visitSources(content, undefined, visit)
    return { isMap: true }
  }
  for (const inline of readSourceMappings(entryPath, content).inline) {
    if (readable(inline.map)) visitSources(inline.map, inline.line, visit)
  }
  return { isMap: false }
}

function visitSources(
  map: Buffer,
  mapLine: number | undefined,
  visit: (source: VisitedSource) => void
): void {
  for (const source of scanSourceMap(map).sources) {
    if (source.content === undefined) continue
    const { path, firstParty } = classifySourcePath(source.path)
    visit(new LazySource(map, source.content, source.index, path, source.path, firstParty, mapLine))
  }
}

class LazySource implements VisitedSource {
  private decoded?: string
  readonly mapLine?: number

  constructor(
    readonly map: Buffer,
    readonly content: EmbeddedContent,
    readonly index: number,
    readonly path: string,
    readonly rawPath: string,
    readonly firstParty: boolean,
    mapLine: number | undefined
  ) {
    if (mapLine !== undefined) this.mapLine = mapLine
  }

  get text(): string {
    return (this.decoded ??= decodeJsonString(this.map, this.content.start, this.content.end))
  }
}

function readable(map: Buffer): boolean {
  try {
    scanSourceMap(map) // cached: the sourcemap family scans the same buffer
    return true
  } catch (error) {
    if (error instanceof SourceMapSyntaxError) return false
    throw error
  }
}
