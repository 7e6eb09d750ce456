import { SourceMapSyntaxError } from './errors.js'

export const QUOTE = 0x22
const BACKSLASH = 0x5c
export const END_OF_INPUT = 'unexpected end of input (is the file truncated?)'
const UNTERMINATED = 'string never ends (is the file truncated?)'

/** Length and line count of a JSON string's decoded text, computed without decoding it. */
export interface StringStats {
  /** Offset just past the closing quote. */
  end: number
  /** Newlines + 1; 0 for the empty string. */
  lines: number
  /** UTF-8 bytes of the decoded text. */
  bytes: number
  /** Holds a `\u` or `\/` escape: characters the raw bytes do not show as themselves. */
  disguised: boolean
}

/**
 * Finds the end of the JSON string starting at `start` (its opening quote) with native
 * `indexOf` jumps from quote to quote: the one cost that scales with a map's size.
 */
export function findStringEnd(buf: Buffer, start: number): number {
  if (buf[start] !== QUOTE) throw jsonSyntaxError(buf, 'expected a string', start)
  for (let from = start + 1; ;) {
    const quote = buf.indexOf(QUOTE, from)
    if (quote === -1) throw jsonSyntaxError(buf, UNTERMINATED, start)
    let k = quote - 1
    while (buf[k] === BACKSLASH) k--
    // An even run of backslashes before the quote escapes only itself: the string ends here.
    if (((quote - 1 - k) & 1) === 0) return quote + 1
    from = quote + 1
  }
}

/**
 * Like `findStringEnd`, visiting each escape (found with `indexOf` too) to count decoded
 * newlines (`\n`, `\u000a`) and bytes: raw length minus what each escape saves.
 */
export function measureString(buf: Buffer, start: number): StringStats {
  if (buf[start] !== QUOTE) throw jsonSyntaxError(buf, 'expected a string', start)
  let from = start + 1
  let lines = 1
  let saved = 0
  let quote = -2
  let slash = -2
  let disguised = false
  for (;;) {
    if (quote < from) quote = buf.indexOf(QUOTE, from)
    if (slash !== -1 && slash < from) slash = buf.indexOf(BACKSLASH, from)
    if (quote === -1) throw jsonSyntaxError(buf, UNTERMINATED, start)
    if (slash === -1 || slash > quote) break
    const escape = buf[slash + 1]
    if (escape === 0x75 /* u */) {
      disguised = true
      const code = readHex4(buf, slash + 2)
      const low =
        isHighSurrogate(code) && buf[slash + 6] === BACKSLASH && buf[slash + 7] === 0x75
          ? readHex4(buf, slash + 8)
          : -1
      if (low >= 0xdc00 && low <= 0xdfff) {
        saved += 12 - 4 // a surrogate pair: one 4-byte character
        from = slash + 12
        continue
      }
      if (code === 0x0a) lines++
      // Lone surrogates decode to U+FFFD when written as UTF-8: 3 bytes, like other BMP characters.
      saved += 6 - (code < 0x80 ? 1 : code < 0x800 ? 2 : 3)
      from = slash + 6
      continue
    }
    if (escape === 0x6e /* n */) lines++
    else if (escape === 0x2f /* / */) disguised = true
    else if (!isSimpleEscape(escape)) throw jsonSyntaxError(buf, 'invalid escape in string', slash)
    saved += 1
    from = slash + 2
  }
  const bytes = quote - start - 1 - saved
  return { end: quote + 1, lines: bytes === 0 ? 0 : lines, bytes, disguised }
}

/**
 * Decodes the JSON string token at `[start, end)` (quotes included). Raw control characters,
 * which strict JSON forbids but some tools write, are taken as themselves: the text is still
 * what a reader of the map sees.
 */
export function decodeJsonString(buf: Buffer, start: number, end: number): string {
  const raw = buf.toString('utf8', start, end)
  if (raw.indexOf('\\') === -1) return raw.slice(1, -1)
  try {
    return parseJsonString(raw)
  } catch (error) {
    throw jsonSyntaxError(buf, `bad string (${(error as Error).message})`, start)
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what these look for
const CONTROL_CHARACTER = /[\x00-\x1f]/
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_CHARACTERS = /[\x00-\x1f]/g

/** `JSON.parse` of a string literal (quotes included) that tolerates raw control characters. */
export function parseJsonString(literal: string): string {
  try {
    return JSON.parse(literal) as string
  } catch (error) {
    if (!CONTROL_CHARACTER.test(literal)) throw error
    return JSON.parse(literal.replace(CONTROL_CHARACTERS, escapeControl)) as string
  }
}

function escapeControl(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

export function jsonSyntaxError(buf: Buffer, problem: string, at: number): SourceMapSyntaxError {
  return new SourceMapSyntaxError(
    `invalid JSON at ${describeOffset(buf, at)}: ${problem}`,
    'json',
    at
  )
}

/** "byte 1,234 (line 3)": where a problem is, for messages. */
function describeOffset(buf: Buffer, offset: number): string {
  let line = 1
  for (let i = buf.indexOf(0x0a); i !== -1 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++
  return `byte ${offset.toLocaleString('en-US')} (line ${line})`
}

function readHex4(buf: Buffer, at: number): number {
  let code = 0
  for (let i = at; i < at + 4; i++) {
    const c = buf[i] ?? 0
    const lower = c | 0x20
    const digit =
      c >= 0x30 && c <= 0x39 ? c - 0x30 : lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1
    if (digit < 0) throw jsonSyntaxError(buf, 'invalid \\u escape in string', at - 2)
    code = code * 16 + digit
  }
  return code
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** The one-character escapes: " \ / b f n r t */
function isSimpleEscape(c: number | undefined): boolean {
  return (
    c === 0x22 ||
    c === 0x5c ||
    c === 0x2f ||
    c === 0x62 ||
    c === 0x66 ||
    c === 0x6e ||
    c === 0x72 ||
    c === 0x74
  )
}
