import type { Entry, FileEntry } from '../engine/entry.js'
import type { Rule, RuleContext, RuleVisitor } from '../engine/rule.js'
import { isFileEntry } from '../engine/rule.js'
import {
  SourceMapSyntaxError,
  looksLikeSourceMap,
  readSourceMappings,
  scanSourceMap
} from '../sourcemap/index.js'
import type { MapLocation } from './sourcemap-findings.js'
import { EMBEDDED_SOURCE, MAP_FILE, describeMap } from './sourcemap-findings.js'
import type { PublicSourceIndex } from './sourcemap-public.js'
import { indexPublicSources } from './sourcemap-public.js'
import type { MapReference } from './sourcemap-references.js'
import { describeFalseMap, describeUnreadableMap } from './sourcemap-unreadable.js'
import {
  ArtifactPaths,
  MAP_REFERENCE,
  describeReference,
  resolveReference
} from './sourcemap-references.js'

/** Named like a source map: a parse failure is then reported, not taken for "some other file". */
const MAP_EXTENSION = /\.map$/i

/**
 * Source maps that ship with a release: maps embedding first-party source (files and inline
 * `data:` maps), maps that only name the files, and `sourceMappingURL`s that point elsewhere.
 * Maps are recognised by content, whatever their name, and read without a full JSON parse.
 */
export const sourcemapRule: Rule = {
  meta: {
    family: 'sourcemap',
    rules: {
      [EMBEDDED_SOURCE]: {
        severity: 'error',
        description: 'A source map embeds first-party source code in sourcesContent'
      },
      [MAP_FILE]: {
        severity: 'warning',
        description:
          "A source map ships without first-party sourcesContent (it exposes the file layout), or can't be parsed"
      },
      [MAP_REFERENCE]: {
        severity: 'notice',
        description:
          'A sourceMappingURL points to a map that is not in the artifact, or to a server (warning)'
      }
    }
  },
  create: (context) => createVisitor(context)
}

function createVisitor(context: RuleContext): RuleVisitor {
  const references: MapReference[] = []
  /** Map files read successfully, or whose failure was already reported. */
  const handled = new Set<string>()
  /** Why JSON that looked like a map by content was not one (reported only if referenced). */
  const notMaps = new Map<string, string>()
  /** Files too large to be read (the walker reports those). */
  const unread = new Set<string>()
  const { sources, publicSources } = context.options
  let publicIndex: PublicSourceIndex | undefined
  const getPublicIndex = () =>
    sources === 'public' && publicSources
      ? (publicIndex ??= indexPublicSources(publicSources))
      : undefined

  const inspectMap = (content: Buffer, where: MapLocation, quiet: boolean) => {
    try {
      context.report(describeMap(content, scanSourceMap(content), where, getPublicIndex()))
    } catch (error) {
      if (!(error instanceof SourceMapSyntaxError)) throw error
      if (quiet && error.kind === 'not-a-map')
        return void notMaps.set(where.entry.path, error.message)
      context.report(describeUnreadableMap(where, error))
    }
    if (!where.inline) handled.add(where.entry.path)
  }

  const inspectFile = (entry: FileEntry) => {
    const named = MAP_EXTENSION.test(entry.path)
    if (named || looksLikeSourceMap(entry.content))
      return inspectMap(entry.content, { entry, inline: false }, !named)
    const mappings = readSourceMappings(entry.path, entry.content)
    for (const inline of mappings.inline)
      inspectMap(inline.map, { entry, inline: true, line: inline.line }, false)
    // Keep the entry without its content: references live until the artifact ends.
    if (mappings.reference) references.push({ entry: describeEntry(entry), ...mappings.reference })
  }

  return {
    entry(entry: Entry | FileEntry) {
      if (entry.kind !== 'file') return
      if (isFileEntry(entry)) inspectFile(entry)
      else unread.add(entry.path)
    },
    end(paths) {
      const artifactPaths = new ArtifactPaths(paths)
      for (const reference of references) {
        const target = resolveReference(reference, artifactPaths)
        const finding = describeReference(reference, target)
        if (finding) context.report(finding)
        if (target.kind !== 'local') continue
        // A referenced file is claimed as a map: if it was not one, say so (once).
        for (const candidate of target.candidates) {
          if (handled.has(candidate) || unread.has(candidate)) continue
          handled.add(candidate)
          const reason = notMaps.get(candidate) ?? 'it is not a JSON source map'
          context.report(describeFalseMap(reference, candidate, reason))
        }
      }
    }
  }
}

function describeEntry({ artifact, path, depth, size, kind }: Entry): Entry {
  return { artifact, path, depth, size, kind }
}
