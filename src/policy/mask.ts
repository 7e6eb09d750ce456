/** At most this many characters of a forbidden match reach a report: a codename is itself a secret. */
export const MAX_SHOWN_CHARS = 4
/** Characters of the line shown on each side of the match. */
export const CONTEXT_CHARS = 24
/** How far beyond the shown window other matches are looked for, so none is shown cut in half. */
const NEIGHBOUR_SCAN_CHARS = 256

/** `Project Falcon` → `Pro…`: at most a quarter of the text and never more than 4 characters. */
export function maskMatch(text: string): string {
  return `${text.slice(0, Math.min(MAX_SHOWN_CHARS, Math.floor(text.length / 4)))}…`
}

/**
 * The line around the match [start, end) of `text`, at most CONTEXT_CHARS each side, with this
 * match and every match of `regexes` (all forbid patterns of the file) that reaches into the
 * window masked, and control characters shown as spaces.
 */
export function buildExcerpt(
  text: string,
  start: number,
  end: number,
  regexes: readonly RegExp[]
): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const lineEndAt = text.indexOf('\n', end)
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt
  const from = Math.max(lineStart, start - CONTEXT_CHARS)
  const to = Math.min(lineEnd, end + CONTEXT_CHARS)
  const scanFrom = Math.max(lineStart, from - NEIGHBOUR_SCAN_CHARS)
  const scanTo = Math.min(lineEnd, to + NEIGHBOUR_SCAN_CHARS)
  const masked = mergeRanges([
    [start, end],
    ...regexes.flatMap((regex) => findMatches(text, regex, scanFrom, scanTo))
  ]).filter(([a, b]) => b > from && a < to)

  let excerpt = ''
  let at = from
  for (const [a, b] of masked) {
    excerpt += showPlain(text.slice(at, Math.max(at, a)))
    // a match starting before the window would show its middle: nothing of it is shown
    excerpt += a >= from ? maskMatch(text.slice(a, b)) : '…'
    at = Math.min(to, b)
  }
  return excerpt + showPlain(text.slice(at, to))
}

function findMatches(text: string, regex: RegExp, from: number, to: number): [number, number][] {
  const copy = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`)
  const region = text.slice(from, to)
  const ranges: [number, number][] = []
  for (let m = copy.exec(region); m !== null; m = copy.exec(region)) {
    if (m[0].length === 0) copy.lastIndex++
    else ranges.push([from + m.index, from + m.index + m[0].length])
  }
  return ranges
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0])
  const merged: [number, number][] = []
  for (const range of sorted) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

function showPlain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ')
}
