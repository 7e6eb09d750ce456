/**
 * Shared judgement of whether a credential value is a placeholder rather than a real secret:
 * `${NPM_TOKEN}`, `<your-token>`, `xxxx`, `changeme`, doc examples such as `AKIAIOSFODNN7EXAMPLE`.
 * Used by the `private-file` family (to lower severity) and the `secret` detectors (to drop matches).
 */
import { readPrivateKeyBlock } from '../secrets/detectors/private-key.js'

/** `${VAR}`, `$VAR`, `${VAR:-default}`, `${{ secrets.X }}`, `%VAR%`, `{{ var }}`, `<…>`, `[…]`. */
const REFERENCE_SHAPES = [
  /^\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}?$/,
  /^\$\{\{.*\}\}$/,
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
  /^\{\{.*\}\}$/,
  /^<[^<>]*>$/,
  /^\[[^[\]]*\]$/
]

const PLACEHOLDER_WORDS =
  /^(?:change[-_ ]?me|change[-_ ]?it|password|passwd|secret|token|api[-_ ]?key|key|value|xxx+|\*+|\.+|-+|none|null|nil|undefined|todo|tbd|redacted|placeholder|example|dummy|fake|sample|test|testing|foo|bar|baz|foobar|default|empty|n\/a|your[-_ ]?.*|my[-_ ]?(?:token|secret|key|password|api[-_ ]?key)|insert[-_ ].*|replace[-_ ].*|enter[-_ ].*)$/i

/** Markers that make a value a documentation example wherever they appear. */
const MARKERS =
  /example|dummy|fake|placeholder|sample|redacted|changeme|change_me|notarealkey|not[-_ ]?(?:a|my)[-_ ]?real|your[-_]?(?:api|access|secret|auth|own|personal|token|key|password)|insert[-_]?your|replace[-_]?(?:me|with|this)|\$\{|\{\{/i

const SEQUENCES = /123456|abcdefghij|qwerty|abc123/i

/**
 * A short chunk said over and over (`GFPYYSJZGFPYYSJZ…`, `abcdabcdabcd`): the filler of a
 * documentation key. Random bodies never repeat a chunk four times running.
 */
const REPEATED_CHUNK = /(.{2,8}?)\1{3,}/

/** Separators ignored when judging how varied a value is (`XXXX-XXXX`, `xx.xx`). */
const SEPARATORS = /[-_.:/ ]/g

export function isPlaceholder(raw: string): boolean {
  const value = unquote(raw.trim())
  if (value === '') return true
  // A key is judged by its structure: 1,600 random base64 characters spell `fake` now and then.
  if (value.startsWith('-----BEGIN ')) {
    const block = readPrivateKeyBlock(value, 0)
    if (block !== undefined) return !block.valid
  }
  if (REFERENCE_SHAPES.some((shape) => shape.test(value))) return true
  const word = value.replace(/[-_]?\d{1,3}$/, '') // `MYTOKEN1`, `password_2`
  if (PLACEHOLDER_WORDS.test(word) || PLACEHOLDER_WORDS.test(unleet(word))) return true
  if (MARKERS.test(value) || SEQUENCES.test(value) || REPEATED_CHUNK.test(value)) return true
  return isMonotonous(value.replace(SEPARATORS, '')) || isEncodedPlaceholder(value)
}

/**
 * Base64 of readable text (`_auth` is base64 of `user:password`): judged by what it decodes to,
 * so `dXNlcjpjaGFuZ2VtZQ==` (`user:changeme`) is a placeholder. Random bytes do not decode to text.
 */
function isEncodedPlaceholder(value: string): boolean {
  if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value))
    return false
  const decoded = Buffer.from(value, 'base64').toString('latin1')
  if (!/^[\x20-\x7e]+$/.test(decoded)) return false
  const password = decoded.slice(decoded.indexOf(':') + 1)
  return isPlaceholder(decoded) || (password !== decoded && isPlaceholder(password))
}

/** Too few distinct characters, or one character dominating: `xxxxxxxx1234`, `00000000`. */
function isMonotonous(value: string): boolean {
  if (value.length < 4) return value.length > 0 && new Set(value).size === 1
  const counts = new Map<string, number>()
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1)
  if (counts.size <= 2) return true
  return Math.max(...counts.values()) / value.length >= 0.5
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's'
}

/** `s3cr3t`, `p@ssw0rd`: the words of examples, written the way examples write them. */
function unleet(word: string): string {
  return word.replace(/[013457@$]/g, (c) => LEET[c])
}

/** Strips one pair of matching surrounding quotes. */
export function unquote(value: string): string {
  if (value.length >= 2) {
    const first = value[0]
    if ((first === '"' || first === "'" || first === '`') && value.endsWith(first)) {
      return value.slice(1, -1)
    }
  }
  return value
}
