import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ArtifactInput } from '../engine/artifact.js'
import type { Report } from '../engine/report.js'
import type { LoadedBaseline } from './compare.js'
import { fetchNpmTarball, NpmFetchError } from './npm-fetch.js'
import { looksLikeJson, readReportFile } from './report-file.js'
import { parseBaselineSpec } from './spec.js'

export interface LoadBaselineOptions {
  /** Folder that relative paths, `.npmrc` and `auto`'s package.json are read from. */
  cwd: string
  /** Package that `auto` compares with; default: the `name` in `cwd`'s package.json. */
  packageName?: string
  /** Audits an earlier archive or folder the way this release is audited. */
  auditArtifacts: (inputs: ArtifactInput[]) => Promise<Report>
  /** Environment of the npm child process (default: this process's). */
  env?: NodeJS.ProcessEnv
  /** Upper bound on the npm download, in milliseconds. */
  timeoutMs?: number
}

export type BaselineLoadResult = LoadedBaseline | { warning: string }

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT'
])

/**
 * Loads the previous release named by `spec` (see parseBaselineSpec). Never throws: whatever
 * goes wrong (registry unreachable, unknown version, missing or malformed file) comes back as
 * a warning naming the spec and the reason, and the audit runs without a comparison.
 */
export async function loadBaseline(
  spec: string,
  options: LoadBaselineOptions
): Promise<BaselineLoadResult> {
  const parsed = parseBaselineSpec(spec)
  const warn = (reason: string) => ({ warning: `baseline '${spec}' not used: ${reason}` })
  try {
    switch (parsed.kind) {
      case 'invalid':
        return warn(parsed.reason)
      case 'npm':
        return await loadFromNpm(parsed.name, parsed.version, options)
      case 'auto': {
        const name = options.packageName ?? (await readOwnPackageName(options.cwd))
        return await loadFromNpm(name, 'latest', options).catch((error: unknown) => {
          if (error instanceof NpmFetchError && error.code === 'E404') {
            throw new Error(`first release, nothing to compare (${name} is not on the registry)`)
          }
          throw error
        })
      }
      case 'path':
        return await loadFromPath(parsed.path, options)
    }
  } catch (error) {
    return warn(describeFailure(error))
  }
}

async function loadFromNpm(
  name: string,
  version: string,
  options: LoadBaselineOptions
): Promise<LoadedBaseline> {
  const tarball = await fetchNpmTarball(name, version, options)
  try {
    const label = `${tarball.name || name}@${tarball.version}`
    const input: ArtifactInput = {
      name: path.basename(tarball.file),
      source: `npm ${label}`,
      input: { kind: 'file', path: tarball.file }
    }
    return { label, report: checkReadable(await options.auditArtifacts([input])) }
  } finally {
    await tarball.cleanup()
  }
}

async function loadFromPath(given: string, options: LoadBaselineOptions): Promise<LoadedBaseline> {
  const absolute = path.resolve(options.cwd, given)
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === 'ENOENT' ? `${given}: no such file or folder` : `${given}: ${error.message}`
    )
  })
  if (info.isFile() && (await looksLikeJson(absolute))) {
    const report = await readReportFile(absolute, given)
    const only = report.artifacts.length === 1 ? report.artifacts[0] : undefined
    return { label: only ? only.name : given, report }
  }
  const input: ArtifactInput = {
    name: path.basename(absolute),
    source: 'baseline',
    input: info.isDirectory() ? { kind: 'dir', path: absolute } : { kind: 'file', path: absolute }
  }
  return { label: given, report: checkReadable(await options.auditArtifacts([input])) }
}

/**
 * An earlier release whose archive could not be opened is no baseline: every file would look new.
 * (A partly readable one is kept; the comparison notes that it is incomplete.)
 */
function checkReadable(report: Report): Report {
  const problem = report.findings.find((f) => f.rule.startsWith('archive/') && f.path === '')
  const nothingRead = report.summary.files === 0 || report.summary.bytes === 0
  if (problem && nothingRead) throw new Error(`cannot read it: ${problem.message}`)
  return report
}

async function readOwnPackageName(cwd: string): Promise<string> {
  const file = path.join(cwd, 'package.json')
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`'auto' needs a package name, and there is no package.json in ${cwd}`)
  })
  let manifest: { name?: unknown; private?: unknown }
  try {
    manifest = JSON.parse(text) as typeof manifest
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message})`, { cause: error })
  }
  if (typeof manifest.name !== 'string' || manifest.name === '') {
    throw new Error(`'auto' needs a package name, and ${file} has none`)
  }
  if (manifest.private === true) {
    throw new Error(
      `${manifest.name} is private in package.json, so it has no published release; ` +
        'pass an earlier archive or JSON report as baseline'
    )
  }
  return manifest.name
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error instanceof NpmFetchError && error.code) {
    if (UNREACHABLE_CODES.has(error.code))
      return `registry unreachable (${error.code}): ${error.message}`
    if (error.code === 'E404') return `not found on the registry (E404): ${error.message}`
    if (error.code === 'ETARGET') return `no such version (ETARGET): ${error.message}`
    return `${error.message} (${error.code})`
  }
  return error.message
}
