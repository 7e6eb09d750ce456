import type { Severity } from '../engine/finding.js'
import { redactSecret } from '../secrets/redact.js'
import { isPlaceholder } from './placeholder.js'

/** What a private-file classifier concluded about one file, before path-based lowering. */
export interface FileVerdict {
  rule: string
  severity: Severity
  message: string
  line?: number
  details?: Record<string, unknown>
  /** `secret`: lowered under test/fixture folders; `litter`: lowered inside node_modules. */
  kind: 'secret' | 'litter'
}

/** A credential-like assignment found in a file; its value never leaves this module unredacted. */
export interface Credential {
  key: string
  value: string
  line: number
}

export interface CredentialSummary {
  real: Credential[]
  placeholders: Credential[]
  /** For `details`: key, line, redacted value, whether it is a placeholder. */
  listed: Array<{ key: string; line: number; value: string; placeholder: boolean }>
}

export function summarizeCredentials(credentials: Credential[]): CredentialSummary {
  const real = credentials.filter((c) => !isPlaceholder(c.value))
  return {
    real,
    placeholders: credentials.filter((c) => isPlaceholder(c.value)),
    listed: credentials.map((c) => ({
      key: c.key,
      line: c.line,
      value: redactSecret(c.value),
      placeholder: !real.includes(c)
    }))
  }
}

/** `_authToken (line 3)`, `_authToken (line 3) and 2 more`. */
export function describeKeys(credentials: Credential[]): string {
  const [first, ...rest] = credentials
  const head = `${first.key} (line ${first.line})`
  return rest.length === 0 ? head : `${head} and ${rest.length} more`
}

/** 1-based line of a character index. */
export function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}
