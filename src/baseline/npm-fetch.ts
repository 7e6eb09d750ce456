import type { ExecFileException } from 'node:child_process'
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** Upper bound on one `npm pack` of a baseline, registry waits included. */
export const NPM_FETCH_TIMEOUT_MS = 90_000
// One retry with short backoff and a per-request timeout: a dead registry must not stall a release job.
const NPM_NETWORK_FLAGS = [
  '--fetch-retries=1',
  '--fetch-retry-mintimeout=1000',
  '--fetch-retry-maxtimeout=3000',
  '--fetch-timeout=30000'
]

/** `npm pack` of a published version failed; `code` is npm's (E404, ETARGET, ECONNREFUSED, …). */
export class NpmFetchError extends Error {
  override name = 'NpmFetchError'
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message)
  }
}

export interface FetchedTarball {
  file: string
  name: string
  version: string
  cleanup: () => Promise<void>
}

/**
 * Downloads `<name>@<version>` with the npm CLI into a temp dir of our own. npm honours the
 * `.npmrc` of `cwd` and the user (registry, scoped registries, auth) and, with
 * `--ignore-scripts`, runs nothing from the package.
 */
export async function fetchNpmTarball(
  name: string,
  version: string,
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }
): Promise<FetchedTarball> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'release-audit-baseline-'))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  const args = [
    'pack',
    `${name}@${version}`,
    '--json',
    '--pack-destination',
    dir,
    '--ignore-scripts'
  ]
  try {
    const stdout = await runNpm([...args, '--prefer-online', ...NPM_NETWORK_FLAGS], options)
    const packed = parsePackJson(stdout)
    return { file: path.join(dir, path.basename(packed.filename)), ...packed, cleanup }
  } catch (error) {
    await cleanup()
    throw error
  }
}

function runNpm(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }
): Promise<string> {
  const timeout = options.timeoutMs ?? NPM_FETCH_TIMEOUT_MS
  return new Promise((resolve, reject) => {
    execFile(
      NPM,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout)
        reject(describeNpmFailure(error, stdout, stderr, timeout))
      }
    )
  })
}

function describeNpmFailure(
  error: ExecFileException,
  stdout: string,
  stderr: string,
  timeout: number
): NpmFetchError {
  if (error.code === 'ENOENT')
    return new NpmFetchError('the npm CLI was not found on PATH', 'ENOENT')
  if (error.killed)
    return new NpmFetchError(`npm did not finish within ${timeout / 1000} s`, 'ETIMEDOUT')
  const reported = readNpmError(stdout)
  if (reported) return new NpmFetchError(reported.summary, reported.code)
  const lines = stderr
    .split('\n')
    .filter((line) => line.startsWith('npm error') && !line.includes('complete log'))
    .slice(0, 4)
  return new NpmFetchError(lines.join('; ') || `npm pack exited with ${String(error.code)}`)
}

/** npm --json reports failures as `{"error": {"code", "summary", "detail"}}` on stdout. */
function readNpmError(stdout: string): { code?: string; summary: string } | undefined {
  try {
    const parsed = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      error?: { code?: string; summary?: string }
    }
    const summary = parsed.error?.summary?.trim()
    if (!summary) return undefined
    return { summary, ...(parsed.error?.code ? { code: parsed.error.code } : {}) }
  } catch {
    return undefined
  }
}

function parsePackJson(stdout: string): { filename: string; name: string; version: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(stdout.slice(stdout.indexOf('[')))
  } catch {
    throw new NpmFetchError('npm pack did not print the JSON it was asked for')
  }
  const first = (Array.isArray(parsed) ? parsed[0] : undefined) as
    Record<string, unknown> | undefined
  if (!first || typeof first.filename !== 'string' || typeof first.version !== 'string') {
    throw new NpmFetchError('npm pack did not report a tarball name and version')
  }
  return {
    // npm ≥ 9 reports scoped tarballs as `scope-name-1.0.0.tgz`; older ones as `@scope/name-…`.
    filename: first.filename.replace(/^@/, '').replace(/\//g, '-'),
    name: typeof first.name === 'string' ? first.name : '',
    version: first.version
  }
}
