import type { FileEntry } from '../engine/entry.js'
import { lowerSeverity } from '../engine/finding.js'
import { readPrivateKeyBlock } from '../secrets/detectors/private-key.js'
import type { EntryPathParts } from './private-file-paths.js'
import type { FileVerdict } from './private-file-verdict.js'
import { lineAt } from './private-file-verdict.js'
import { bomLength } from '../util/text.js'

const SSH_KEY_NAME = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/
const ARMORED_EXTENSIONS = /\.(?:asc|gpg|pgp)$/
/** PEM, armored and PuTTY extensions in one test (it runs twice for every file). */
const KEY_NAME_EXTENSIONS = /\.(?:pem|key|asc|gpg|pgp|ppk)$/
const HOLDS_KEYS = 'holds private keys (only a password protects them)'
const KEYSTORES: Array<[RegExp, string, string]> = [
  [/\.(?:p12|pfx)$/, 'PKCS#12 keystore', HOLDS_KEYS],
  [/\.(?:jks|keystore|bks)$/, 'Java keystore', HOLDS_KEYS],
  [
    /\.kdbx?$/,
    'KeePass password database',
    'holds passwords (only its master password protects them)'
  ]
]
/** First byte of a binary OpenPGP secret-key packet (old format tag 5, or new format). */
const PGP_SECRET_KEY_BYTES = new Set([0x94, 0x95, 0x96, 0x97, 0xc5])
/** Only a file's opening is checked for a key when its name says nothing. */
const HEAD_BYTES = 1024

const verdict = (
  severity: FileVerdict['severity'],
  message: string,
  line?: number
): FileVerdict => ({
  rule: 'private-file/key',
  severity,
  kind: 'secret',
  message,
  ...(line === undefined ? {} : { line })
})

/**
 * Private keys and keystores: by name (`id_rsa`, `*.p12`, `*.jks`, `*.ppk`), by name and content
 * (`*.pem`/`*.key`/`*.asc` holding a private key block), or by content alone (a file that opens
 * with a private key block, such as a `deploy_key`).
 */
export function inspectKeyFile(entry: FileEntry, parts: EntryPathParts): FileVerdict | undefined {
  const { name, lowerName } = parts
  for (const [pattern, label, holds] of KEYSTORES) {
    if (!pattern.test(lowerName)) continue
    if (entry.content.length === 0)
      return verdict('warning', `${label} ${name} is empty; one level lower`)
    if (lowerName === 'debug.keystore') {
      return verdict(
        'warning',
        `Android debug keystore ${name} (its password is well known); one level lower`
      )
    }
    return verdict('error', `${label} ${name}: ${holds}`)
  }
  if (lowerName.endsWith('.ppk')) return inspectPuttyKey(entry, name)
  if (ARMORED_EXTENSIONS.test(lowerName) && PGP_SECRET_KEY_BYTES.has(entry.content[0])) {
    return verdict('error', `OpenPGP secret key ${name} (binary)`)
  }
  if (isNamedLikeKey(lowerName)) {
    return inspectKeyBlock(entry.content.toString('latin1'), name, SSH_KEY_NAME.test(lowerName))
  }
  if (!opensWithPrivateKey(entry.content)) return undefined
  const block = readPrivateKeyBlock(
    entry.content.toString('latin1'),
    entry.content.indexOf('-----BEGIN')
  )
  return block?.valid ? keyVerdict(block.type, block.encrypted, name, 1) : undefined
}

/**
 * Whether this rule judges the file as a whole as a key file, so the secret rule need not report
 * the key block inside it again.
 */
export function isKeyFile(entry: FileEntry, parts: EntryPathParts): boolean {
  return isNamedLikeKey(parts.lowerName) || opensWithPrivateKey(entry.content)
}

function isNamedLikeKey(lowerName: string): boolean {
  return KEY_NAME_EXTENSIONS.test(lowerName) || SSH_KEY_NAME.test(lowerName)
}

function opensWithPrivateKey(content: Buffer): boolean {
  if (!opensWithDash(content)) return false // nearly every file: no string made
  const head = content
    .subarray(bomLength(content), HEAD_BYTES)
    .toString('latin1')
    .replace(/^\s*/, '')
  return /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY/.test(head)
}

/**
 * Whether the first byte past a byte order mark and leading whitespace (`\s` in latin1) within
 * HEAD_BYTES is `-`.
 */
function opensWithDash(content: Buffer): boolean {
  const end = Math.min(content.length, HEAD_BYTES)
  for (let i = bomLength(content); i < end; i++) {
    const byte = content[i]
    if (byte === 0x2d) return true
    if (!(byte === 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte === 0xa0)) return false
  }
  return false
}

function inspectKeyBlock(text: string, name: string, sshName: boolean): FileVerdict | undefined {
  const at = text.search(/-----BEGIN [A-Z0-9 ]*PRIVATE KEY/)
  if (at === -1) {
    return sshName
      ? verdict(
          'warning',
          `${name} is named like an SSH private key but holds no key block; one level lower`
        )
      : undefined
  }
  const block = readPrivateKeyBlock(text, at)
  if (block === undefined) return undefined
  const line = lineAt(text, at)
  if (!block.valid) {
    return verdict(
      'warning',
      `${name} holds a ${block.type} block whose body looks like a placeholder; one level lower`,
      line
    )
  }
  return keyVerdict(block.type, block.encrypted, name, line)
}

function keyVerdict(type: string, encrypted: boolean, name: string, line: number): FileVerdict {
  return encrypted
    ? verdict(
        lowerSeverity('error'),
        `${type} file ${name}, encrypted with a passphrase; one level lower`,
        line
      )
    : verdict('error', `${type} file ${name}`, line)
}

function inspectPuttyKey(entry: FileEntry, name: string): FileVerdict {
  const text = entry.content.toString('latin1')
  if (!/^PuTTY-User-Key-File-\d+:/m.test(text) || !/^Private-Lines:/m.test(text)) {
    return verdict(
      'warning',
      `${name} is named like a PuTTY private key but holds none; one level lower`
    )
  }
  return /^Encryption:\s*none\s*$/m.test(text)
    ? verdict('error', `PuTTY private key ${name} (not encrypted)`)
    : verdict(
        lowerSeverity('error'),
        `PuTTY private key ${name}, encrypted with a passphrase; one level lower`
      )
}
