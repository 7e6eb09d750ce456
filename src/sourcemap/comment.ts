/** A `sourceMappingURL` comment: an inline `data:` map (by offsets) or a URL to a map. */
export type SourceMappingComment =
  | { kind: 'data'; /** 1-based line of the comment */ line: number; start: number; end: number }
  | { kind: 'url'; line: number; url: string }

/** Bytes, not a string: Node prepares a string needle again on every call (~5 µs per file). */
const NEEDLE = Buffer.from('sourceMappingURL=')
const NEEDLE_BYTES = NEEDLE.length
/** Where browsers look for the comment anywhere (the last one wins); HTML for inline scripts. */
const SCRIPT_EXTENSION = /\.(?:[cm]?js|jsx|css|html?)$/i
/** Files with a NUL byte this early are binary, not text that could end with a comment. */
const TEXT_PROBE_BYTES = 8000
/**
 * Bounds the work on hostile files stuffed with comment-like text: each candidate with a valid
 * `//#` / `/*#` marker costs a scan to its line end. Real files carry one or a few.
 */
const MAX_CANDIDATES = 64
const DATA_PREFIX = Buffer.from('data:')
/** Bytes that end a data URL written inside a JS string: an escape or a closing quote. */
const STRING_STOPS = [0x5c /* \\ */, 0x22 /* " */, 0x27 /* ' */, 0x60 /* ` */]
/** Base64 characters a string-embedded map must carry at least (48 bytes of JSON). */
const MIN_QUOTED_PAYLOAD = 64
/** What `endOfQuotedMap` answers for code that only builds a comment in a string. */
const NOT_A_MAP = -1
/** An inline `<script>` or `<style>` may close on the comment's own line. */
const CLOSING_TAG = Buffer.from('</')

/** A comment found at byte offset `at`, before line numbers are counted. */
type Located = WithoutLine<SourceMappingComment>
type WithoutLine<T> = T extends unknown ? Omit<T, 'line'> & { at: number } : never

/**
 * Finds the `sourceMappingURL` comments that matter in a file, in the `//# `, `//@ ` and
 * `/*# … *\/` forms, without splitting lines (an inline map can be one 20 MB line):
 * - JS, CSS and HTML (for inline scripts and styles): the last valid comment anywhere (what
 *   browsers use), plus every earlier inline `data:` map (a concatenated bundle still ships
 *   their sources);
 * - other text files: a comment only when it ends the file (e.g. `.d.ts` → `.d.ts.map`).
 * Comments are validated so that code building such a comment in a string is not taken for one.
 */
export function findSourceMappingComments(
  entryPath: string,
  content: Buffer
): SourceMappingComment[] {
  if (SCRIPT_EXTENSION.test(entryPath)) return findAnywhere(content)
  if (content.subarray(0, TEXT_PROBE_BYTES).includes(0)) return []
  return findTrailing(content)
}

function findAnywhere(content: Buffer): SourceMappingComment[] {
  const found: Located[] = []
  let candidates = 0
  for (let from = content.length; from >= 0 && candidates < MAX_CANDIDATES;) {
    const at = content.lastIndexOf(NEEDLE, from)
    if (at === -1) break
    from = at - 1
    const block = readMarker(content, at)
    if (block === undefined) continue
    candidates++
    const comment = parseUrl(content, at, block)
    if (comment && (found.length === 0 || comment.kind === 'data')) found.push(comment)
  }
  return addLines(content, found)
}

function findTrailing(content: Buffer): SourceMappingComment[] {
  const end = trimEnd(content, 0, content.length)
  const lineStart = content.lastIndexOf(0x0a, end - 1) + 1
  const at = content.subarray(lineStart, end).lastIndexOf(NEEDLE)
  if (at === -1) return []
  const block = readMarker(content, lineStart + at)
  const comment = block === undefined ? undefined : parseUrl(content, lineStart + at, block)
  return addLines(content, comment ? [comment] : [])
}

/** Whether `//#`, `//@`, `/*#` or `/*@` (spaces allowed before the name) precedes the needle. */
function readMarker(content: Buffer, at: number): boolean | undefined {
  let mark = at - 1
  while (content[mark] === 0x20 || content[mark] === 0x09) mark--
  if (content[mark] !== 0x23 /* # */ && content[mark] !== 0x40 /* @ */) return undefined
  if (content[mark - 2] !== 0x2f /* / */) return undefined
  const block = content[mark - 1] === 0x2a /* * */
  return block || content[mark - 1] === 0x2f ? block : undefined
}

/** Line numbers for comments found at byte offsets, with one pass over the newlines. */
function addLines(content: Buffer, found: readonly Located[]): SourceMappingComment[] {
  if (found.length === 0) return [] // nearly every file
  const lines = new Map<number, number>()
  let line = 1
  let newline = content.indexOf(0x0a)
  for (const at of found.map((c) => c.at).sort((a, b) => a - b)) {
    while (newline !== -1 && newline < at) {
      line++
      newline = content.indexOf(0x0a, newline + 1)
    }
    lines.set(at, line)
  }
  return found.map(({ at, ...comment }) => ({ ...comment, line: lines.get(at) ?? 1 }))
}

/** Reads and validates the URL of the comment whose name is at `at`; undefined when invalid. */
function parseUrl(content: Buffer, at: number, block: boolean): Located | undefined {
  const start = at + NEEDLE_BYTES
  const newline = content.indexOf(0x0a, start)
  const lineEnd = indexWithin(
    content,
    CLOSING_TAG,
    start,
    newline === -1 ? content.length : newline
  )
  let end = trimEnd(content, start, lineEnd)
  if (block) {
    const close = content.subarray(start, end).indexOf('*/')
    if (close === -1) return undefined
    end = trimEnd(content, start, start + close)
  }
  if (end === start) return undefined
  const quoted = endOfQuotedMap(content, start, end)
  if (quoted === NOT_A_MAP) return undefined
  if (quoted !== undefined) return { kind: 'data', at, start, end: quoted }
  // The URL runs to the end of the comment: anything after a space means this is code that
  // builds such a comment in a string, not a comment.
  const url = content.subarray(start, end)
  if (url.includes(0x20) || url.includes(0x09)) return undefined
  // `${…}`: a template literal that writes such a comment at run time (bundlers, compilers).
  if (url.includes('${')) return undefined
  if (url.subarray(0, DATA_PREFIX.length).equals(DATA_PREFIX))
    return { kind: 'data', at, start, end }
  const text = url.toString('utf8')
  if (/["'`]/.test(text)) return undefined
  return { kind: 'url', at, url: text }
}

/**
 * Where a base64 map written inside a JS string ends. webpack's `eval-source-map` wraps each
 * module as `eval("…\\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2…\\n//#
 * sourceURL=…")`: the payload runs to the first backslash or quote. Code that only builds such a
 * comment (`'…;base64,' + btoa(json)`) carries no real payload: one must be there and decode to a
 * JSON object, else the URL is NOT_A_MAP. Undefined when the URL is no base64 `data:` URL inside
 * a string (percent-encoding leaves `'` as it is, so those follow the plain comment rules).
 */
function endOfQuotedMap(content: Buffer, start: number, end: number): number | undefined {
  if (!content.subarray(start, start + DATA_PREFIX.length).equals(DATA_PREFIX)) return undefined
  const stop = Math.min(...STRING_STOPS.map((byte) => indexWithin(content, byte, start, end)))
  if (stop === end) return undefined // not inside a string: the plain comment rules apply
  const comma = indexWithin(content, 0x2c /* , */, start, stop)
  if (!isBase64DataHeader(content, start, comma)) return undefined
  if (stop - comma <= MIN_QUOTED_PAYLOAD) return NOT_A_MAP
  const head = content.toString('latin1', comma + 1, comma + 1 + MIN_QUOTED_PAYLOAD)
  return /^\s*\{/.test(Buffer.from(head, 'base64').toString('latin1')) ? stop : NOT_A_MAP
}

/** Whether the `data:` URL whose header runs over `[start, comma)` is `;base64`-encoded. */
export function isBase64DataHeader(content: Buffer, start: number, comma: number): boolean {
  return content.toString('latin1', start, comma).toLowerCase().endsWith(';base64')
}

/** The first `byte` (or bytes) in `[from, to)`, or `to`. */
function indexWithin(content: Buffer, byte: number | Buffer, from: number, to: number): number {
  const at = content.subarray(from, to).indexOf(byte)
  return at === -1 ? to : from + at
}

/** Moves `end` back over trailing whitespace (never before `start`). */
function trimEnd(content: Buffer, start: number, end: number): number {
  while (end > start && isSpace(content[end - 1])) end--
  return end
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a
}
