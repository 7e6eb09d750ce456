import { lineAt } from './private-file-verdict.js'
import type { Credential } from './private-file-verdict.js'
import type { EntryPathParts } from './private-file-paths.js'
import { endsWithComponents } from './private-file-paths.js'

/** A kind of credential file: how to recognise it and read the credentials it holds. */
export interface CredentialFileSpec {
  label: string
  matches(parts: EntryPathParts): boolean
  /**
   * Content must contain one of these to be read at all (cheap test before decoding). Bytes, not
   * strings: a string needle is prepared again on every call, for every file of its kind.
   */
  hints?: Buffer[]
  /** Credentials in the file; `[]` means none, which is no finding unless `always` is set. */
  read(text: string): Credential[]
  /** The format always holds secrets (Terraform state): why, for the message. */
  always?: string
}

const named =
  (...names: string[]) =>
  (parts: EntryPathParts): boolean =>
    names.includes(parts.lowerName)

/** Built once per spec: matching runs for every file of every artifact. */
const under = (...tail: string[]) => {
  const last = tail[tail.length - 1].toLowerCase()
  return (parts: EntryPathParts): boolean =>
    parts.lowerName === last && endsWithComponents(parts, tail)
}

const anyOf =
  (...tests: Array<(parts: EntryPathParts) => boolean>) =>
  (parts: EntryPathParts): boolean =>
    tests.some((test) => test(parts))

/** `key = value` / `key: value` lines whose key matches; values unquoted, trailing comments cut. */
function readLines(pattern: RegExp, keyOf: (key: string) => string = (k) => k) {
  return (text: string): Credential[] =>
    text.split('\n').flatMap((raw, i) => {
      const match = pattern.exec(raw)
      if (match === null) return []
      const value = match[2]
        .replace(/\s+[#;].*$/, '')
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2')
      return [{ key: keyOf(match[1]), value, line: i + 1 }]
    })
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const objectAt = (value: unknown, key: string): Record<string, unknown> | undefined => {
  const found = (value as Record<string, unknown> | null | undefined)?.[key]
  return typeof found === 'object' && found !== null
    ? (found as Record<string, unknown>)
    : undefined
}

/** String fields of JSON objects, located at the line of their first `"name"`. */
function jsonFields(text: string, entries: Array<[string, unknown]>, prefix = ''): Credential[] {
  return entries.flatMap(([key, value]) =>
    typeof value === 'string'
      ? [{ key: `${prefix}${key}`, value, line: lineAt(text, text.indexOf(`"${key}"`)) }]
      : []
  )
}

function readGoogleCredentials(text: string): Credential[] {
  const json = readJson(text) as Record<string, unknown> | undefined
  if (json?.type === 'service_account') return jsonFields(text, [['private_key', json.private_key]])
  const client = objectAt(json, 'installed') ?? objectAt(json, 'web')
  return client ? jsonFields(text, [['client_secret', client.client_secret]]) : []
}

function readDockerAuths(text: string): Credential[] {
  const json = readJson(text)
  const auths = objectAt(json, 'auths') ?? (json as Record<string, unknown> | undefined) ?? {}
  return Object.entries(auths).flatMap(([registry, entry]) => {
    const fields = ['auth', 'password', 'identitytoken', 'registrytoken'].map(
      (f): [string, unknown] => [f, (entry as Record<string, unknown> | null)?.[f]]
    )
    return jsonFields(text, fields, `${registry} `)
  })
}

function readNetrc(text: string): Credential[] {
  const credentials: Credential[] = []
  const tokens = /\b(password|account)\s+(\S+)/g
  for (let m = tokens.exec(text); m !== null; m = tokens.exec(text)) {
    credentials.push({ key: m[1], value: m[2], line: lineAt(text, m.index) })
  }
  return credentials
}

function readUrlPasswords(text: string): Credential[] {
  return text.split('\n').flatMap((raw, i) => {
    const match = /^\s*[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s@]+)@([^\s/:]+)/i.exec(raw)
    return match ? [{ key: `password for ${match[2]}`, value: match[1], line: i + 1 }] : []
  })
}

export const CREDENTIAL_FILES: readonly CredentialFileSpec[] = [
  {
    label: 'npm/yarn config',
    matches: named('.npmrc', '.yarnrc'),
    read: readLines(/^\s*((?:\/\/[^\s=]*:)?_(?:authToken|auth|password))\s*=\s*(.*)$/)
  },
  {
    label: 'Yarn Berry config',
    matches: named('.yarnrc.yml'),
    read: readLines(/^\s*(npmAuthToken|npmAuthIdent|npmPassword)\s*:\s*(.*)$/)
  },
  {
    label: 'PyPI config',
    matches: named('.pypirc'),
    read: readLines(/^\s*(password)\s*[=:]\s*(.*)$/)
  },
  { label: 'netrc', matches: named('.netrc', '_netrc'), read: readNetrc },
  { label: 'Git credential store', matches: named('.git-credentials'), read: readUrlPasswords },
  {
    label: 'AWS credentials',
    matches: anyOf(under('.aws', 'credentials'), under('.aws', 'config')),
    read: readLines(/^\s*(aws_secret_access_key|aws_session_token)\s*=\s*(.*)$/i)
  },
  {
    label: 'Docker registry credentials',
    matches: anyOf(under('.docker', 'config.json'), named('.dockercfg')),
    read: readDockerAuths
  },
  {
    label: 'kubeconfig',
    matches: anyOf(under('.kube', 'config'), (parts) =>
      /^kubeconfig(?:\.ya?ml)?$|\.kubeconfig$/.test(parts.lowerName)
    ),
    read: readLines(
      /^\s*(token|client-key-data|password|client-secret|id-token|refresh-token|access-token)\s*:\s*(.*)$/
    )
  },
  {
    label: 'htpasswd',
    matches: named('.htpasswd'),
    read: readLines(/^([^:#\s][^:]*):(.+)$/, () => 'password hash')
  },
  {
    label: 'PostgreSQL password file',
    matches: named('.pgpass'),
    read: readLines(/^([^:#]*:[^:]*:[^:]*:[^:]*):(.+)$/, () => 'password')
  },
  {
    label: 'RubyGems credentials',
    matches: under('.gem', 'credentials'),
    read: readLines(/^\s*:?(rubygems_api_key|[a-z_]*api_key):?\s*(.*)$/)
  },
  {
    label: 'Cargo credentials',
    matches: anyOf(under('.cargo', 'credentials'), under('.cargo', 'credentials.toml')),
    read: readLines(/^\s*(token)\s*=\s*(.*)$/)
  },
  {
    label: 'GitHub CLI hosts',
    matches: under('gh', 'hosts.yml'),
    read: readLines(/^\s*(oauth_token)\s*:\s*(.*)$/)
  },
  {
    label: 'Vault token',
    matches: named('.vault-token'),
    read: (text) => [{ key: 'token', value: text.trim(), line: 1 }]
  },
  {
    label: 's3cmd config',
    matches: named('.s3cfg'),
    read: readLines(/^\s*(secret_key|access_token)\s*=\s*(.*)$/)
  },
  {
    label: 'Azure publish profile',
    matches: (parts) => parts.lowerName.endsWith('.publishsettings'),
    read: (text) =>
      [...text.matchAll(/\buserPWD="([^"]*)"/g)].map((m) => ({
        key: 'userPWD',
        value: m[1],
        line: lineAt(text, m.index)
      }))
  },
  {
    label: 'Terraform state',
    matches: (parts) => /\.tfstate(?:\.backup)?$/.test(parts.lowerName),
    read: () => [],
    always: 'Terraform state stores resource attributes, secrets included, in plain text'
  },
  {
    label: 'Google Cloud credentials',
    matches: (parts) => parts.lowerName.endsWith('.json'),
    hints: [Buffer.from('service_account'), Buffer.from('client_secret')],
    read: readGoogleCredentials
  }
]
