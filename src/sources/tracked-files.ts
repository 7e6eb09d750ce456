import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
/** Embedded sources are code; bigger tracked files (assets, data) are not worth hashing. */
const MAX_HASHED_FILE_BYTES = 4 * 1024 * 1024

/**
 * Repo-relative path → sha256 of every file git tracks in `workspace`: what a public repository
 * already shows the world, for the `sources: public` comparison of embedded map sources.
 * Returns undefined (and the caller says so) when the workspace is not a git checkout.
 */
export async function hashTrackedFiles(
  workspace: string
): Promise<Map<string, string> | undefined> {
  let stdout: string
  try {
    ;({ stdout } = await run('git', ['ls-files', '-z'], {
      cwd: workspace,
      maxBuffer: 256 * 1024 * 1024
    }))
  } catch {
    return undefined
  }
  const hashes = new Map<string, string>()
  for (const file of stdout.split('\0').filter(Boolean)) {
    const absolute = path.join(workspace, file)
    const info = await stat(absolute).catch(() => undefined)
    if (!info?.isFile() || info.size > MAX_HASHED_FILE_BYTES) continue
    hashes.set(
      file,
      createHash('sha256')
        .update(await readFile(absolute))
        .digest('hex')
    )
  }
  return hashes
}
