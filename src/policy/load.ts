import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { PolicyError } from './errors.js'
import type { Policy } from './schema.js'

/** Where a policy file is looked for when none is named, relative to the working directory. */
export const DEFAULT_POLICY_PATHS = [
  '.github/release-audit.yml',
  '.github/release-audit.yaml'
] as const

/** A policy is a short hand-written file; anything larger is a wrong path, not a policy. */
export const MAX_POLICY_BYTES = 1024 * 1024

/**
 * The default policy file under `cwd` if there is one. Both spellings at once is an error
 * rather than a silent choice: one of them would be ignored without anyone noticing.
 */
export async function findDefaultPolicy(cwd: string): Promise<string | undefined> {
  const found: string[] = []
  for (const candidate of DEFAULT_POLICY_PATHS) {
    const full = path.join(cwd, candidate)
    if ((await stat(full).catch(() => undefined))?.isFile()) found.push(full)
  }
  if (found.length > 1) {
    throw new PolicyError(DEFAULT_POLICY_PATHS[0], [
      {
        file: DEFAULT_POLICY_PATHS[0],
        key: '',
        message: `both ${DEFAULT_POLICY_PATHS.join(' and ')} exist; keep one (or name one with the config input / --config)`
      }
    ])
  }
  return found[0]
}

/**
 * Reads and validates a policy file. The file is named in messages relative to the working
 * directory when it lies inside it, as GitHub and editors expect.
 */
export async function loadPolicy(file: string): Promise<Policy> {
  const shown = describePath(file)
  const fail = (message: string): never => {
    throw new PolicyError(shown, [{ file: shown, key: '', message }])
  }
  const info = await stat(file).catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT'
      ? fail(
          'policy file not found; check the config input / --config, or remove it to run without a policy'
        )
      : fail(`policy file cannot be read: ${error.message}`)
  )
  if (!info.isFile()) fail('policy file is not a regular file')
  if (info.size > MAX_POLICY_BYTES) {
    fail(`policy file is ${info.size} bytes, over ${MAX_POLICY_BYTES}; is this the right file?`)
  }
  const text = await readFile(file, 'utf8').catch((error: Error) =>
    fail(`policy file cannot be read: ${error.message}`)
  )
  // Loaded on demand: the YAML parser is a fifth of the bundle, and most runs have no policy file.
  const { parsePolicy } = await import('./schema.js')
  return parsePolicy(text.replace(/^\uFEFF/, ''), shown)
}

function describePath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file))
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  return inside ? relative.split(path.sep).join('/') : file
}
