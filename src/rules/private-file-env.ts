import type { FileEntry } from '../engine/entry.js'
import type { Severity } from '../engine/finding.js'
import { lowerSeverity } from '../engine/finding.js'
import { looksRandom } from '../secrets/entropy.js'
import { scanSecrets } from '../secrets/scan.js'
import { isPlaceholder, unquote } from './placeholder.js'
import type { EntryPathParts } from './private-file-paths.js'
import type { Credential, FileVerdict } from './private-file-verdict.js'
import { describeKeys, summarizeCredentials } from './private-file-verdict.js'
import { decodeText } from '../util/text.js'

type EnvKind = 'env' | 'template' | 'vault'

const TEMPLATE_WORDS = new Set([
  'example',
  'examples',
  'sample',
  'template',
  'dist',
  'defaults',
  'schema'
])
/** `.env.ts`, `.env.d.ts`, `config.env.js`: code about env files, not env files. */
const CODE_EXTENSIONS = new Set([
  'js',
  'cjs',
  'mjs',
  'ts',
  'cts',
  'mts',
  'tsx',
  'jsx',
  'map',
  'md',
  'py'
])

/** `.env`, `.env.production`, `prod.env`, `.envrc` → env; `.env.example` → template. */
export function classifyEnvName(lowerName: string): EnvKind | undefined {
  if (lowerName === '.envrc') return 'env'
  const match = /^(?:(.*)\.)?env(?:\.(.+))?$/.exec(lowerName)
  if (match === null || match[1] === undefined) return undefined
  const suffixes = match[2]?.split('.') ?? []
  if (suffixes.length > 0 && CODE_EXTENSIONS.has(suffixes[suffixes.length - 1])) return undefined
  if (match[2] === 'vault') return 'vault'
  const words = [...suffixes, ...match[1].split('.')]
  return words.some((w) => TEMPLATE_WORDS.has(w)) ? 'template' : 'env'
}

/** Names that usually hold a credential; `NEXT_PUBLIC_…`-style names are public by design. */
const SECRET_NAME =
  /pass|pwd|secret|token|key|auth|credential|session|salt|cookie|jwt|bearer|webhook|dsn/i
const PUBLIC_NAME = /public/i
/** `scheme://user:password@host`. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s@/]+)@/i
const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/

interface EnvVariable extends Credential {
  /** A known token format (GitHub, AWS, a private key…) sits on this line. */
  tokenFormat: boolean
}

export function inspectEnvFile(entry: FileEntry, parts: EntryPathParts): FileVerdict | undefined {
  const kind = classifyEnvName(parts.lowerName)
  if (kind === undefined) return undefined
  const verdict = (
    severity: Severity,
    message: string,
    extra: Pick<FileVerdict, 'line' | 'details'> = {}
  ): FileVerdict => ({ rule: 'private-file/env', kind: 'secret', severity, message, ...extra })
  if (kind === 'vault') {
    return verdict(
      'notice',
      `dotenv-vault file ${parts.name}: encrypted env values (keep its .env.keys out)`
    )
  }
  const variables = readVariables(decodeText(entry.content, 'utf8'))
  const candidates = variables.filter(isCredentialLike)
  // A template is expected to hold values; only random-looking ones or known token formats count.
  const secrets = candidates.filter((v) =>
    kind === 'template'
      ? v.tokenFormat || looksRandom(secretPart(v.value))
      : !isPlaceholder(secretPart(v.value))
  )
  const details = {
    variables: variables.length,
    credentials: summarizeCredentials(candidates).listed
  }
  const named = `${kind === 'template' ? 'env template' : 'env file'} ${parts.name} (${variables.length} variable${variables.length === 1 ? '' : 's'})`
  if (secrets.length > 0) {
    const holds = kind === 'template' ? 'holds real-looking values' : 'holds secrets'
    return verdict('error', `${named} ${holds}: ${describeKeys(secrets)}`, {
      line: secrets[0].line,
      details
    })
  }
  return kind === 'template'
    ? verdict('notice', `${named} with placeholder values`, { details })
    : verdict(
        lowerSeverity('error'),
        `${named}; its values look like placeholders or hold no credentials, so one level lower`,
        { details }
      )
}

function readVariables(text: string): EnvVariable[] {
  const tokenLines = new Set(
    scanSecrets(text)
      .filter((m) => m.rule !== 'secret/generic')
      .map((m) => m.line)
  )
  const variables: EnvVariable[] = []
  text.split('\n').forEach((raw, i) => {
    const match = LINE.exec(raw)
    if (match === null) return
    const value = unquote(match[2].replace(/\s+#.*$/, ''))
    variables.push({ key: match[1], value, line: i + 1, tokenFormat: tokenLines.has(i + 1) })
  })
  return variables
}

function isCredentialLike(variable: EnvVariable): boolean {
  if (variable.tokenFormat || URL_PASSWORD.test(variable.value)) return true
  if (PUBLIC_NAME.test(variable.key)) return false
  // Whatever its name (`K=`, `APP_1=`), a long random value in an env file is a secret's shape.
  if (!SECRET_NAME.test(variable.key)) return looksRandom(variable.value)
  // Flags and durations (`AUTH_ENABLED=true`, `SESSION_TTL=3600`) are settings, not secrets.
  return !/^(?:true|false|yes|no|on|off|\d+[a-z]{0,2})$/i.test(variable.value)
}

/** The password of a URL with credentials, else the value itself. */
function secretPart(value: string): string {
  return URL_PASSWORD.exec(value)?.[1] ?? value
}
