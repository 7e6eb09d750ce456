import type { EmbeddedSource } from './embedded.js'
import { forEachEmbeddedSource } from './embedded.js'
import { SourceMapSyntaxError } from './errors.js'
import { readSourceMappings } from './inline.js'
import { looksLikeSourceMap, scanSourceMap } from './scan.js'

export interface VisitedSource extends EmbeddedSource {
  /** Line of the `sourceMappingURL` comment when the map is inline in the visited file. */
  mapLine?: number
}

const MAP_EXTENSION = /\.map$/i

/**
 * For rules that read the text of every file (the secret scanner): visits every source embedded
 * in `content`, whether it is a map file (by name or by content) or a JS/CSS/text file carrying
 * inline `data:` maps. Returns `isMap: true` when `content` is itself a readable map: its JSON
 * need not be scanned as text, since its sources were visited. A map that cannot be read is
 * skipped here (the sourcemap family reports it), and a broken map file is `isMap: false` so
 * that its raw text still gets scanned.
 */
export function forEachSourceInFile(
  entryPath: string,
  content: Buffer,
  visit: (source: VisitedSource) => void
): { isMap: boolean } {
  if (MAP_EXTENSION.test(entryPath) || looksLikeSourceMap(content)) {
    if (!readable(content)) return { isMap: false }
    forEachEmbeddedSource(content, visit)
    return { isMap: true }
  }
  for (const inline of readSourceMappings(entryPath, content).inline) {
    if (!readable(inline.map)) continue
    forEachEmbeddedSource(inline.map, (source) => visit({ ...source, mapLine: inline.line }))
  }
  return { isMap: false }
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
