import path from 'node:path'
import type { Entry } from '../engine/entry.js'
import type { RuleReport } from '../engine/rule.js'

export const MAP_REFERENCE = 'sourcemap/reference'

/** A `sourceMappingURL` that points at a map instead of embedding one. */
export interface MapReference {
  entry: Entry
  line: number
  url: string
}

export type ReferenceTarget =
  | { kind: 'remote'; host: string }
  | { kind: 'elsewhere' } // another scheme (file:, webpack:…): never inside the artifact
  | { kind: 'local'; candidates: string[] }

const REMOTE_URL = /^(?:https?:)?\/\//i
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * Where a reference points. Relative URLs resolve against the referencing file's directory
 * (entry paths may cross nested archives with `!/`, which posix joining handles as a segment);
 * root-relative ones (`/static/app.js.map`) match any path that ends with them, since the web
 * root can be any folder of the artifact.
 */
export function resolveReference(reference: MapReference, paths: ArtifactPaths): ReferenceTarget {
  const url = reference.url
  if (REMOTE_URL.test(url)) return { kind: 'remote', host: hostOf(url) }
  if (ANY_SCHEME.test(url)) return { kind: 'elsewhere' }
  const file = decodePath(url.replace(/[?#].*$/s, ''))
  if (file.startsWith('/')) {
    const rooted = path.posix.normalize(file)
    return { kind: 'local', candidates: paths.endingWith(rooted) }
  }
  const joined = path.posix.normalize(
    path.posix.join(path.posix.dirname(reference.entry.path), file)
  )
  return { kind: 'local', candidates: paths.all.has(joined) ? [joined] : [] }
}

/** Every path of the artifact, with a by-file-name index built on first use. */
export class ArtifactPaths {
  private byName?: Map<string, string[]>

  constructor(readonly all: ReadonlySet<string>) {}

  /** Paths equal to `rooted` without its leading `/`, or ending with it. */
  endingWith(rooted: string): string[] {
    if (!this.byName) {
      this.byName = new Map()
      for (const p of this.all) {
        const name = path.posix.basename(p)
        const list = this.byName.get(name)
        if (list) list.push(p)
        else this.byName.set(name, [p])
      }
    }
    const list = this.byName.get(path.posix.basename(rooted)) ?? []
    return list.filter((p) => p === rooted.slice(1) || p.endsWith(rooted))
  }
}

/** The finding for a reference whose map is not in the artifact or lives on a server. */
export function describeReference(
  reference: MapReference,
  target: ReferenceTarget
): RuleReport | undefined {
  const base = { rule: MAP_REFERENCE, entry: reference.entry, line: reference.line }
  const name = path.posix.basename(reference.entry.path)
  switch (target.kind) {
    case 'remote':
      return {
        ...base,
        severity: 'warning',
        message: `${name} points to its source map at ${reference.url} (host ${target.host}); the URL ships with the release and names that host, and anyone who can reach it gets the map`,
        details: { url: reference.url, host: target.host, remote: true }
      }
    case 'elsewhere':
    case 'local':
      if (target.kind === 'local' && target.candidates.length > 0) return undefined
      return {
        ...base,
        message: `${name} references the source map ${reference.url}, which is not in the artifact (served from elsewhere, or left behind by the build)`,
        details: { url: reference.url, remote: false }
      }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url.startsWith('//') ? `https:${url}` : url).host || '(none)'
  } catch {
    return url.replace(REMOTE_URL, '').split(/[/?#]/)[0] || '(none)'
  }
}

function decodePath(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}
