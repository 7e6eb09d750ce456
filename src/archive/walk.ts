import type { ArtifactInput } from '../engine/artifact.js'
import type { Entry, FileEntry } from '../engine/entry.js'
import type { ByteSource } from './byte-source.js'
import { bufferSource, fileSource, readHead, readWhole } from './byte-source.js'
import { detectFormat, HEAD_BYTES } from './detect-format.js'
import { emitMember, tooLargeProblem } from './emit-member.js'
import { baseName } from './entry-paths.js'
import type { Limits } from './limits.js'
import { openArchive } from './open-archive.js'
import type { ArchiveProblem, Scope, WalkStats } from './walk-context.js'
import { CallbackError, WalkContext } from './walk-context.js'
import { walkFolder } from './walk-folder.js'

export type { ArchiveProblem, ArchiveRule, WalkStats } from './walk-context.js'

/**
 * Walks one artifact (a file, a folder or bytes), emitting every member in walk order, nested
 * archives included, and reporting unsafe, unreadable or over-limit content as problems. Formats are
 * told by their first bytes, never by name. Only an I/O error on the input itself (ENOENT…) and an
 * exception from the caller's own callbacks throw; entries are never written to disk.
 *
 * Limits (DEFAULT_LIMITS in limits.ts, and why):
 * - maxDepth 5: real releases nest two or three deep (zip → tgz → jar); more is a nesting bomb.
 * - maxEntries 200,000 and maxTotalBytes 4 GiB for the whole artifact, nested content included: past
 *   either the walk stops with one `archive/limit` problem rather than running for minutes.
 * - maxEntryBytes 512 MiB: a larger member is listed without content (its content is held in memory
 *   while rules read it).
 * - maxRatio 200×: minified JS and source maps compress 3–10×, JSON fixtures rarely past 50×; a
 *   deflate bomb runs at ~1000×. It is checked per zip entry from the declared sizes (output is
 *   never allowed past the declared size) and per gzip/zstd stream from real bytes in and out, and
 *   only past RATIO_CHECK_MIN_BYTES (1 MiB) of output, so a small file of repeated bytes passes.
 */
export async function walkArtifact(
  artifact: ArtifactInput,
  limits: Limits,
  onEntry: (entry: Entry | FileEntry) => void,
  onProblem: (problem: ArchiveProblem) => void
): Promise<WalkStats> {
  const ctx = new WalkContext(artifact.name, limits, openArchive, onEntry, onProblem)
  const { input } = artifact
  try {
    if (input.kind === 'dir') {
      await walkFolder(input.path, topScope(ctx, baseName(input.path)))
    } else {
      const source = input.kind === 'file' ? await fileSource(input.path) : bufferSource(input.data)
      const name = baseName(input.kind === 'file' ? input.path : artifact.name)
      await walkTopLevel(source, topScope(ctx, name))
    }
  } catch (error) {
    throw error instanceof CallbackError ? error.original : error
  }
  return ctx.stats
}

function topScope(ctx: WalkContext, name: string): Scope {
  return { ctx, prefix: '', depth: 0, where: '', name }
}

/** An archive is walked; any other file is the artifact's single entry, named by its basename. */
async function walkTopLevel(source: ByteSource, scope: Scope): Promise<void> {
  const format = detectFormat(await readHead(source, HEAD_BYTES))
  if (format) return openArchive(source, format, scope)
  const { ctx, name } = scope
  if (source.size > ctx.limits.maxEntryBytes) {
    return emitMember(scope, {
      name,
      kind: 'file',
      size: source.size,
      problems: [tooLargeProblem(scope, name, source.size)]
    })
  }
  if (!ctx.admitBytes(name, source.size)) return
  await emitMember(scope, {
    name,
    kind: 'file',
    size: source.size,
    content: await readWhole(source)
  })
}
