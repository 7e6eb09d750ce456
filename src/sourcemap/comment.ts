/** A `sourceMappingURL` comment: an inline `data:` map (by offsets) or a URL to a map. */
export type SourceMappingComment =
  | { kind: 'data'; /** 1-based line of the comment */ line: number; start: number; end: number }
  | { kind: 'url'; line: number; url: string }

const NEEDLE = 'sourceMappingURL='
const NEEDLE_BYTES = NEEDLE.length
/** Where browsers look for the comment anywhere (the last one wins). */
const SCRIPT_EXTENSION = /\.(?:[cm]?js|jsx|css)$/i
/** Files with a NUL byte this early are binary, not text that could end with a comment. */
const TEXT_PROBE_BYTES = 8000
/**
 * Bounds the work on hostile files stuffed with comment-like text: each candidate with a valid
 * `//#` / `/*#` marker costs a scan to its line end. Real files carry one or a few.
 */
const MAX_CANDIDATES = 64
const DATA_PREFIX = Buffer.from('data:')

/** A comment found at byte offset `at`, before line numbers are counted. */
type Located = WithoutLine<SourceMappingComment>
type WithoutLine<T> = T extends unknown ? Omit<T, 'line'> & { at: number } : never

/**
 * Finds the `sourceMappingURL` comments that matter in a file, in the `//# `, `//@ ` and
 * `/*# … *\/` forms, without splitting lines (an inline map can be one 20 MB line):
 * - JS and CSS files: the last valid comment anywhere (what browsers use), plus every earlier
 *   inline `data:` map (a concatenated bundle still ships their sources);
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
  const lineEnd = newline === -1 ? content.length : newline
  let end = trimEnd(content, start, lineEnd)
  if (block) {
    const close = content.subarray(start, end).indexOf('*/')
    if (close === -1) return undefined
    end = trimEnd(content, start, start + close)
  }
  if (end === start) return undefined
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

/** Moves `end` back over trailing whitespace (never before `start`). */
function trimEnd(content: Buffer, start: number, end: number): number {
  while (end > start && isSpace(content[end - 1])) end--
  return end
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a
}
