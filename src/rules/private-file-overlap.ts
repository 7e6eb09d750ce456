import type { FileEntry } from '../engine/entry.js'
import { CREDENTIAL_FILES } from './private-file-credential-files.js'
import { classifyEnvName } from './private-file-env.js'
import { isKeyFile } from './private-file-keys.js'
import { splitEntryPath } from './private-file-paths.js'

const NONE: ReadonlySet<string> = new Set()
/** In env and credential files, `private-file/*` names every credential-like assignment already. */
const ASSIGNMENTS: ReadonlySet<string> = new Set([
  'secret/generic',
  'secret/npmrc-auth',
  'secret/database-url'
])
/** In key files, `private-file/key` reports the key block already. */
const KEY_BLOCKS: ReadonlySet<string> = new Set(['secret/private-key'])

/**
 * The `secret/*` rules that would only repeat what `private-file/*` reports about this file as a
 * whole. Fixed-format tokens (GitHub, npm, AWS …) are still reported inside such files: they say
 * exactly which credential leaked.
 */
export function secretRulesCoveredByPrivateFile(entry: FileEntry): ReadonlySet<string> {
  const parts = splitEntryPath(entry.path)
  const named = CREDENTIAL_FILES.some((spec) => spec.hints === undefined && spec.matches(parts))
  if (named || classifyEnvName(parts.lowerName) !== undefined) return ASSIGNMENTS
  return isKeyFile(entry, parts) ? KEY_BLOCKS : NONE
}
