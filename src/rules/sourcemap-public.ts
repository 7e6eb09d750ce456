import { createHash } from 'node:crypto'
import path from 'node:path'
import { readEmbeddedText } from '../sourcemap/index.js'
import type { FirstPartySource } from './sourcemap-stats.js'

/** Tracked files of the public repository, grouped by file name for suffix matching. */
export type PublicSourceIndex = ReadonlyMap<string, readonly { path: string; sha256: string }[]>

export function indexPublicSources(tracked: ReadonlyMap<string, string>): PublicSourceIndex {
  const index = new Map<string, { path: string; sha256: string }[]>()
  for (const [file, sha256] of tracked) {
    const name = path.posix.basename(file)
    const list = index.get(name)
    if (list) list.push({ path: file, sha256 })
    else index.set(name, [{ path: file, sha256 }])
  }
  return index
}

/**
 * Which embedded first-party sources are already public: a tracked file whose path matches the
 * source's (equal, or one ends with the other at a `/`, so `src/x.ts` matches
 * `packages/app/src/x.ts` and `/home/ci/work/app/src/x.ts` matches `src/x.ts`) and whose
 * content has the same sha256 as the embedded text. Text is decoded and hashed only for
 * sources that have a path candidate.
 */
export function findUnpublishedSources(
  content: Buffer,
  sources: readonly FirstPartySource[],
  index: PublicSourceIndex
): FirstPartySource[] {
  return sources.filter((source) => !isPublished(content, source, index))
}

function isPublished(content: Buffer, source: FirstPartySource, index: PublicSourceIndex): boolean {
  const key = source.path.replace(/^\/+/, '')
  const candidates = (index.get(path.posix.basename(key)) ?? []).filter(
    (file) => file.path === key || file.path.endsWith(`/${key}`) || key.endsWith(`/${file.path}`)
  )
  if (candidates.length === 0) return false
  const text = readEmbeddedText(content, source.source) ?? ''
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex')
  return candidates.some((file) => file.sha256 === sha256)
}
