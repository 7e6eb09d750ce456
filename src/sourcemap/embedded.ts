import { readEmbeddedText, scanSourceMap } from './scan.js'
import { classifySourcePath } from './source-path.js'

/** One source whose text a map embeds in `sourcesContent`. */
export interface EmbeddedSource {
  /** Position in the map's `sources` (sections of an index map numbered in order). */
  index: number
  /** Normalised project path (see `classifySourcePath`); '' for an unnamed source. */
  path: string
  /** The path as the map names it (`sourceRoot` joined), for messages that quote the map. */
  rawPath: string
  firstParty: boolean
  text: string
}

/**
 * Calls `visit` with the decoded text of every source a map embeds, one at a time, so only one
 * source's text is held at once. `content` is a map file or an inline map decoded with
 * `readSourceMappings`. Throws `SourceMapSyntaxError` when `content` is not a readable map;
 * call `looksLikeSourceMap` first for files that may be any JSON.
 */
export function forEachEmbeddedSource(
  content: Buffer,
  visit: (source: EmbeddedSource) => void
): void {
  for (const source of scanSourceMap(content).sources) {
    const text = readEmbeddedText(content, source)
    if (text === undefined) continue
    const { path, firstParty } = classifySourcePath(source.path)
    visit({ index: source.index, path, rawPath: source.path, firstParty, text })
  }
}
