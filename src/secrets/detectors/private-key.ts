import type { Candidate, Detector } from '../types.js'

export interface PrivateKeyBlock {
  /** Span from `-----BEGIN` to the end of the `-----END …-----` line (or of the body, if cut). */
  start: number
  end: number
  /** E.g. `RSA private key`, `OpenSSH private key`, `PGP private key block`. */
  type: string
  /** The base64 body with line breaks, string quoting and armor headers removed. */
  body: string
  /** The body is real key material, not a documentation stub such as `MIIE...`. */
  valid: boolean
  /** Protected by a passphrase (PKCS#8 ENCRYPTED, a `Proc-Type: 4,ENCRYPTED` header, SSH2). */
  encrypted: boolean
}

const HEADER = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-----/y
/** RSA 4096 PEM is ~3.3 KB; PGP blocks with subkeys run larger. A longer body is cut here. */
const MAX_BLOCK_CHARS = 64 * 1024
const MIN_BODY_CHARS = 64
/** Real newlines, and `\n` escapes as they appear when a key sits in a JS or JSON string. */
const LINE_BREAKS = /(?:\\+[rn])+|[\r\n]+/
const QUOTING = /["'`+,;\s]/g
const ESCAPED_SLASH = /\\\//g
const OPENSSH_MAGIC = 'b3BlbnNzaC1rZXktdjE' // base64 of "openssh-key-v1"
const DER_SEQUENCE = 0x30
/** First byte of an OpenPGP secret-key packet: old format tag 5 (0x94–0x97) or new format 0xC5. */
const isPgpSecretKeyPacket = (byte: number) => (byte >= 0x94 && byte <= 0x97) || byte === 0xc5

const TYPES: Record<string, string> = {
  '': 'PKCS#8 private key',
  'RSA ': 'RSA private key',
  'EC ': 'EC private key',
  'DSA ': 'DSA private key',
  'OPENSSH ': 'OpenSSH private key',
  'ENCRYPTED ': 'encrypted PKCS#8 private key',
  'PGP ': 'PGP private key block',
  'SSH2 ENCRYPTED ': 'SSH2 encrypted private key'
}

/** Reads the private key block whose `-----BEGIN` is at `at`, valid or not. */
export function readPrivateKeyBlock(text: string, at: number): PrivateKeyBlock | undefined {
  HEADER.lastIndex = at
  const header = HEADER.exec(text)
  if (header === null) return undefined
  const label = header[1]
  const bodyStart = at + header[0].length
  const limit = Math.min(text.length, bodyStart + MAX_BLOCK_CHARS)
  // A body never holds dashes: it ends at `-----END`, or at the next header of a broken block.
  // Searching a bounded window keeps many unterminated headers linear.
  const window = text.slice(bodyStart, limit)
  const dashes = window.indexOf('-----')
  const bodyEnd = dashes === -1 ? limit : bodyStart + dashes
  const closing = window.startsWith('-----END', dashes) ? window.indexOf('-----', dashes + 8) : -1
  const end = closing === -1 ? bodyEnd : bodyStart + closing + 5

  let encrypted = label.includes('ENCRYPTED')
  const lines: string[] = []
  for (const line of window.slice(0, bodyEnd - bodyStart).split(LINE_BREAKS)) {
    const stripped = line.replace(ESCAPED_SLASH, '/').replace(QUOTING, '')
    if (stripped.includes(':')) {
      encrypted ||= /ENCRYPTED/.test(stripped) // Proc-Type: 4,ENCRYPTED
      continue
    }
    if (label === 'PGP ' && /^=[A-Za-z0-9+/]{4}$/.test(stripped)) continue // armor checksum
    lines.push(stripped)
  }
  const body = /^[A-Za-z0-9+/]*={0,2}/.exec(lines.join(''))?.[0] ?? ''
  const type = TYPES[label] ?? `${label.toLowerCase()}private key`
  return { start: at, end, type, body, valid: isRealKeyBody(label, body, encrypted), encrypted }
}

function isRealKeyBody(label: string, body: string, encrypted: boolean): boolean {
  if (body.length < MIN_BODY_CHARS) return false
  if (label === 'OPENSSH ') return body.startsWith(OPENSSH_MAGIC)
  const first = Buffer.from(body.slice(0, 4), 'base64')[0]
  if (label === 'PGP ') return isPgpSecretKeyPacket(first)
  // Legacy encrypted PEM (Proc-Type header) and SSH2 bodies are ciphertext, not DER.
  if (encrypted && label !== 'ENCRYPTED ') return true
  return first === DER_SEQUENCE
}

export const privateKey: Detector = {
  rule: 'secret/private-key',
  trigger: '-----BEGIN ',
  priority: 3,
  inBinary: true,
  confirm(text: string, at: number): Candidate | undefined {
    const block = readPrivateKeyBlock(text, at)
    if (!block?.valid) return undefined
    return {
      start: block.start,
      end: block.end,
      value: block.body,
      type: block.type,
      ...(block.encrypted
        ? { severity: 'warning', note: 'it is encrypted with a passphrase' }
        : { severity: 'error' })
    }
  }
}
