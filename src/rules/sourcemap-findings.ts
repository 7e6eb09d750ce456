import type { Entry } from '../engine/entry.js'
import type { RuleReport } from '../engine/rule.js'
import type { SourceMapSummary } from '../sourcemap/index.js'
import { formatBytes, formatCount, plural } from '../util/format.js'
import type { PublicSourceIndex } from './sourcemap-public.js'
import { findUnpublishedSources } from './sourcemap-public.js'
import type { FirstPartySource, MapStats } from './sourcemap-stats.js'
import { measureMap, samplePaths, topDirectories } from './sourcemap-stats.js'

export const EMBEDDED_SOURCE = 'sourcemap/embedded-source'
export const MAP_FILE = 'sourcemap/file'
const DECLARATION_MAP = /\.d\.[cm]?ts\.map$/
/** Paths named in a message; the details carry up to five. */
const MESSAGE_SAMPLES = 3

/** Where a map was found: a map file, or a `data:` URL in a JS/CSS file at `line`. */
export interface MapLocation {
  entry: Entry
  inline: boolean
  line?: number
}

/**
 * The one finding for a readable map: `embedded-source` when it embeds first-party text,
 * otherwise `file` (names only). With `publicIndex` (sources: public), embedded text that is
 * byte-for-byte in the public repository lowers the finding to a notice when all of it is.
 */
export function describeMap(
  content: Buffer,
  summary: SourceMapSummary,
  where: MapLocation,
  publicIndex?: PublicSourceIndex
): RuleReport {
  const stats = measureMap(summary)
  return stats.embedded.length === 0
    ? describeNamesOnly(stats, where)
    : describeEmbedded(content, stats, where, publicIndex)
}

export function locate(where: MapLocation): Pick<RuleReport, 'entry' | 'line'> {
  return { entry: where.entry, ...(where.line !== undefined ? { line: where.line } : {}) }
}

function describeNamesOnly(stats: MapStats, where: MapLocation): RuleReport {
  const { listed } = stats
  const kind = where.inline ? 'inline source map' : 'source map'
  const what =
    listed.length > 0
      ? `${formatCount(listed.length)} first-party: ${listSamples(listed)}); it exposes the project's file layout`
      : stats.thirdPartyEmbedded > 0
        ? 'it embeds only third-party code)'
        : 'all third-party)'
  // TypeScript's declarationMap emits one per .d.ts for "go to definition"; a library ships
  // hundreds of them, and they show paths only, so a warning each would be noise to click past.
  const declaration = DECLARATION_MAP.test(where.entry.path)
  // A map that lists no sources shows nothing of the project.
  const quiet = declaration || stats.sources === 0
  return {
    ...locate(where),
    rule: MAP_FILE,
    ...(quiet ? { severity: 'notice' as const } : {}),
    message:
      stats.sources === 0
        ? `${kind} lists no sources`
        : `${declaration ? 'declaration map' : kind} names ${plural(stats.sources, 'source')} without first-party sourcesContent (${what}`,
    details: {
      sources: stats.sources,
      firstPartyPaths: listed.length,
      thirdPartyFiles: stats.thirdPartyEmbedded,
      samplePaths: samplePaths(listed),
      topDirectories: topDirectories(listed),
      inline: where.inline
    }
  }
}

function describeEmbedded(
  content: Buffer,
  stats: MapStats,
  where: MapLocation,
  publicIndex: PublicSourceIndex | undefined
): RuleReport {
  const { embedded } = stats
  const files = embedded.length
  const kind = where.inline ? 'inline source map' : 'source map'
  const leak =
    `${kind} embeds ${plural(files, 'first-party file')} ` +
    `(${plural(stats.embeddedLines, 'line')}, ${formatBytes(stats.embeddedBytes)}) in sourcesContent`
  const details: Record<string, unknown> = {
    firstPartyFiles: files,
    firstPartyLines: stats.embeddedLines,
    firstPartyBytes: stats.embeddedBytes,
    thirdPartyFiles: stats.thirdPartyEmbedded,
    samplePaths: samplePaths(embedded),
    topDirectories: topDirectories(embedded),
    inline: where.inline
  }
  const report = { ...locate(where), rule: EMBEDDED_SOURCE, details }
  if (!publicIndex) {
    return { ...report, message: `${leak}; anyone can rebuild them: ${listSamples(embedded)}` }
  }
  const unpublished = findUnpublishedSources(content, embedded, publicIndex)
  details.publicFiles = files - unpublished.length
  details.unpublishedFiles = unpublished.length
  details.unpublishedSamplePaths = samplePaths(unpublished)
  if (unpublished.length === 0) {
    const all =
      files === 1
        ? 'the embedded source matches a file'
        : `all ${formatCount(files)} embedded sources match files`
    return { ...report, severity: 'notice', message: `${leak}; ${all} in this public repository` }
  }
  const which =
    unpublished.length === 1 ? '1 of them is' : `${formatCount(unpublished.length)} of them are`
  return {
    ...report,
    message: `${leak}; ${which} not in this public repository: ${listSamples(unpublished)}`
  }
}

/** "src/a.ts, src/b.ts, src/c.ts and 1,909 more" */
function listSamples(sources: readonly FirstPartySource[]): string {
  const shown = samplePaths(sources, MESSAGE_SAMPLES).join(', ')
  const rest = sources.length - MESSAGE_SAMPLES
  return rest > 0 ? `${shown} and ${formatCount(rest)} more` : shown
}
