import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { ArtifactInput } from '../engine/artifact.js'

const run = promisify(execFile)
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

export class NpmPackError extends Error {
  override name = 'NpmPackError'
}

/**
 * Runs `npm pack` in `cwd` into a temp dir of our own and returns the tarball as an artifact:
 * this audits exactly what `npm publish` would upload, lifecycle scripts and `files` included.
 * Call `cleanup` when the audit is done.
 */
export async function packCurrentPackage(
  cwd: string
): Promise<{ artifact: ArtifactInput; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'release-audit-pack-'))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  try {
    const { stdout } = await run(NPM, ['pack', '--json', '--pack-destination', dir], {
      cwd,
      maxBuffer: 64 * 1024 * 1024
    })
    const filename = parsePackOutput(stdout)
    return {
      artifact: {
        name: filename,
        source: 'npm pack',
        input: { kind: 'file', path: path.join(dir, filename) }
      },
      cleanup
    }
  } catch (error) {
    await cleanup()
    if (error instanceof NpmPackError) throw error
    const stderr = (error as { stderr?: string }).stderr?.trim()
    throw new NpmPackError(`npm pack failed in ${cwd}${stderr ? `: ${lastLines(stderr)}` : ''}`)
  }
}

function parsePackOutput(stdout: string): string {
  // Lifecycle scripts may print before npm's JSON; the JSON array is the last thing written.
  const start = stdout.lastIndexOf('\n[')
  const json = stdout.slice(start === -1 ? stdout.indexOf('[') : start + 1)
  const parsed = JSON.parse(json) as { filename?: string }[]
  const filename = parsed[0]?.filename
  if (!filename) throw new NpmPackError('npm pack did not report a tarball name')
  // npm ≥ 9 reports scoped names as `scope-name-1.0.0.tgz`; keep only the base name for safety.
  return path.basename(filename.replace(/^@/, '').replace(/\//g, '-'))
}

function lastLines(text: string): string {
  return text.split('\n').slice(-5).join('\n')
}
