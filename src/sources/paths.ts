import { stat } from 'node:fs/promises'
import path from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import type { ArtifactInput } from '../engine/artifact.js'

/** A path argument that names nothing; the CLI turns it into exit code 2, the action into a failure. */
export class PathNotFoundError extends Error {
  override name = 'PathNotFoundError'
}

/**
 * Turns files, folders and glob patterns (relative to `cwd`) into artifacts, one per file or
 * folder, named by their path relative to `cwd`. A pattern that matches nothing is an error:
 * auditing nothing must never look like a pass.
 */
export async function resolvePaths(
  patterns: readonly string[],
  cwd: string
): Promise<ArtifactInput[]> {
  const seen = new Set<string>()
  const artifacts: ArtifactInput[] = []
  for (const pattern of patterns) {
    const matches = isDynamicPattern(pattern)
      ? await glob(pattern, {
          cwd,
          absolute: true,
          onlyFiles: false,
          dot: true,
          expandDirectories: false
        })
      : [path.resolve(cwd, pattern)]
    if (matches.length === 0) throw new PathNotFoundError(`no file matches '${pattern}'`)
    for (const match of matches.sort()) {
      if (seen.has(match)) continue
      seen.add(match)
      artifacts.push(await toArtifact(match, cwd, pattern))
    }
  }
  return artifacts
}

async function toArtifact(absolute: string, cwd: string, pattern: string): Promise<ArtifactInput> {
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'ENOENT' ? 'no such file or directory' : error.message
    throw new PathNotFoundError(`cannot read '${pattern}': ${reason}`)
  })
  const relative = path.relative(cwd, absolute).split(path.sep).join('/')
  const name =
    relative === '' ? path.basename(absolute) : relative.startsWith('../') ? absolute : relative
  return {
    name,
    source: 'path',
    input: info.isDirectory() ? { kind: 'dir', path: absolute } : { kind: 'file', path: absolute }
  }
}
