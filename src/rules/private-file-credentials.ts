import type { FileEntry } from '../engine/entry.js'
import { lowerSeverity } from '../engine/finding.js'
import { CREDENTIAL_FILES } from './private-file-credential-files.js'
import type { EntryPathParts } from './private-file-paths.js'
import type { FileVerdict } from './private-file-verdict.js'
import { describeKeys, summarizeCredentials } from './private-file-verdict.js'
import { decodeText } from '../util/text.js'

/** JSON files are only parsed for credentials up to this size; real credential JSON is tiny. */
const MAX_HINTED_FILE_BYTES = 4 * 1024 * 1024

/**
 * Credential files (`.npmrc` with auth, cloud credentials, kubeconfig with tokens, Terraform
 * state …): an error when a value is real, a warning when every value is a placeholder, and no
 * finding when the file carries no credential at all.
 */
export function inspectCredentialFile(
  entry: FileEntry,
  parts: EntryPathParts
): FileVerdict | undefined {
  const spec = CREDENTIAL_FILES.find(
    (s) =>
      s.matches(parts) &&
      (s.hints === undefined ||
        (entry.content.length <= MAX_HINTED_FILE_BYTES &&
          s.hints.some((h) => entry.content.includes(h))))
  )
  if (spec === undefined) return undefined
  // `AWS credentials` + a file named `credentials` would read "AWS credentials credentials".
  const base = spec.label.toLowerCase().endsWith(parts.lowerName)
    ? `${spec.label} file`
    : `${spec.label} ${parts.name}`
  if (spec.always !== undefined) {
    return {
      rule: 'private-file/credentials',
      severity: 'error',
      kind: 'secret',
      message: `${base}: ${spec.always}`
    }
  }
  const credentials = spec.read(decodeText(entry.content, 'utf8'))
  if (credentials.length === 0) return undefined
  const { real, listed } = summarizeCredentials(credentials)
  const shared = {
    rule: 'private-file/credentials',
    kind: 'secret' as const,
    details: { file: spec.label, credentials: listed }
  }
  if (real.length > 0) {
    return {
      ...shared,
      severity: 'error',
      line: real[0].line,
      message: `${base} holds credentials: ${describeKeys(real)}`
    }
  }
  return {
    ...shared,
    severity: lowerSeverity('error'),
    line: credentials[0].line,
    message: `${base} holds credential settings whose values look like placeholders (${describeKeys(credentials)}); one level lower`
  }
}
