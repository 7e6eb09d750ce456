// Text from artifacts (file names, messages quoting them) reaches GitHub markdown here. A name may
// hold `|`, `<`, backticks, newlines or `@scope` (which would notify a user): every value goes
// through one of these before it is placed in markdown or HTML.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~$&]/g
/**
 * `@name` would mention a user (GitHub skips `a@b`, as in e-mail addresses and `pkg@1.0`); a
 * zero-width space after `@` keeps the text and drops the ping.
 */
const MENTION = /(?<![A-Za-z0-9_`])@(?=[A-Za-z0-9])/g
const ELLIPSIS = '…'

/** One line: control characters (newlines, tabs, escapes) become a single space. */
export function toOneLine(text: string): string {
  return text.replace(CONTROL, ' ')
}

/** At most `max` characters (code points), ending in `…` when cut. */
export function truncateEnd(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS
}

/** At most `max` characters, keeping the end (a file name matters more than its folders). */
export function truncateMiddle(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  const head = Math.floor((max - 1) / 3)
  const tail = max - 1 - head
  return chars.slice(0, head).join('') + ELLIPSIS + chars.slice(chars.length - tail).join('')
}

/** Plain text in markdown: one line, cut to `max`, markdown and HTML inert, no @-mentions. */
export function escapeText(text: string, max = Infinity): string {
  return truncateEnd(toOneLine(text), max)
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(MENTION, '@\u200b')
}

/**
 * A code span, safe inside a table cell: the fence is longer than any backtick run inside and `|`
 * is written `\|` (GFM splits cells before it parses code spans). Not for use outside tables.
 */
export function codeCell(text: string, max = Infinity): string {
  return codeSpan(truncateMiddle(toOneLine(text), max)).replace(/\|/g, '\\|')
}

/** A code span for running text (not a table cell). */
export function codeInline(text: string, max = Infinity): string {
  return codeSpan(truncateMiddle(toOneLine(text), max))
}

function codeSpan(text: string): string {
  if (text === '') return '` `'
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** Text inside an HTML element (`<summary>`), where markdown is not parsed. */
export function escapeHtml(text: string, max = Infinity): string {
  return truncateMiddle(toOneLine(text), max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(MENTION, '@\u200b')
}

/** A link target we are willing to render: http(s) only, no spaces or parentheses. */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s()<>]+$/i.test(url)) return undefined
  return url
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= maxBytes) return text
  let end = Math.max(0, maxBytes)
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  return bytes.subarray(0, end).toString('utf8')
}
