import type { SourceMapSource, SourceMapSummary } from '../sourcemap/index.js'
import { classifySourcePath } from '../sourcemap/index.js'

const MAX_SAMPLE_PATHS = 5
const MAX_TOP_DIRECTORIES = 5
/** Directory depth used to group paths: `src/components/Button.tsx` → `src/components`. */
const TOP_DIRECTORY_DEPTH = 2

export interface FirstPartySource {
  source: SourceMapSource
  /** Normalised project path (or `<unnamed source N>`). */
  path: string
}

/** What a map gives away, split the way the findings report it. */
export interface MapStats {
  sources: number
  /** First-party sources with their text embedded. */
  embedded: FirstPartySource[]
  embeddedLines: number
  embeddedBytes: number
  /** Third-party or bundler-runtime sources with their text embedded. */
  thirdPartyEmbedded: number
  /** First-party sources named without their text. */
  listed: FirstPartySource[]
}

export function measureMap(summary: SourceMapSummary): MapStats {
  const stats: MapStats = {
    sources: 0,
    embedded: [],
    embeddedLines: 0,
    embeddedBytes: 0,
    thirdPartyEmbedded: 0,
    listed: []
  }
  for (const source of summary.sources) {
    stats.sources++
    const { path, firstParty } = classifySourcePath(source.path)
    if (!firstParty) {
      if (source.content) stats.thirdPartyEmbedded++
      continue
    }
    const named = { source, path: path === '' ? `<unnamed source ${source.index}>` : path }
    if (!source.content) {
      stats.listed.push(named)
      continue
    }
    stats.embedded.push(named)
    stats.embeddedLines += source.content.lines
    stats.embeddedBytes += source.content.bytes
  }
  return stats
}

/** The first few paths, in map order (the entry point usually comes first). */
export function samplePaths(
  sources: readonly FirstPartySource[],
  max = MAX_SAMPLE_PATHS
): string[] {
  return sources.slice(0, max).map((s) => s.path)
}

/** The directories holding most of the files, two levels deep, most files first. */
export function topDirectories(
  sources: readonly FirstPartySource[]
): { directory: string; files: number }[] {
  const counts = new Map<string, number>()
  for (const { path } of sources) {
    const segments = path.split('/').slice(0, -1)
    const absolute = segments[0] === ''
    const directory =
      segments.slice(0, TOP_DIRECTORY_DEPTH + (absolute ? 1 : 0)).join('/') ||
      (absolute ? '/' : '.')
    counts.set(directory, (counts.get(directory) ?? 0) + 1)
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_TOP_DIRECTORIES)
    .map(([directory, files]) => ({ directory, files }))
}
