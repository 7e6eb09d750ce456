import type { Detector } from './types.js'

export interface Prefilter {
  /** Global regex: one capturing group per trigger group, nothing else captures. */
  regex: RegExp
  /** Detectors to confirm a hit of capturing group `i + 1`. */
  groups: Detector[][]
}

/** A trigger opening with a plain character can share that character with other triggers. */
const PLAIN_LEAD = /^[A-Za-z0-9_-]/

/**
 * One regex holding every detector's trigger, so a text is searched once whatever the number of
 * detectors. Triggers opening with the same plain character are merged into one alternative
 * (`_(?:(?<=gh[pousr]_)|(?<=npm_)|…)`): V8 then tests that character once per position instead of
 * once per trigger, which nearly doubles throughput. A hit is confirmed by every detector of its
 * group, each checking its own shape on a small window.
 */
export function buildPrefilter(detectors: readonly Detector[]): Prefilter {
  const groups = new Map<string, { triggers: Set<string>; detectors: Detector[] }>()
  for (const detector of detectors) {
    assertTrigger(detector.trigger)
    const lead = PLAIN_LEAD.test(detector.trigger) ? detector.trigger[0] : detector.trigger
    const group = groups.get(lead) ?? { triggers: new Set<string>(), detectors: [] }
    group.triggers.add(detector.trigger)
    group.detectors.push(detector)
    groups.set(lead, group)
  }
  const sources = [...groups].map(([lead, { triggers }]) => {
    if (triggers.size === 1) return `(${[...triggers][0]})`
    return `(${lead}(?:${[...triggers].map((t) => t.slice(lead.length)).join('|')}))`
  })
  return {
    regex: new RegExp(sources.join('|'), 'g'),
    groups: [...groups.values()].map((g) => g.detectors)
  }
}

/** Triggers may not capture (groups identify the hit) nor alternate at top level (they get merged). */
function assertTrigger(trigger: string): void {
  if (new RegExp(`${trigger}|`).exec('')?.length !== 1) {
    throw new Error(`secret trigger ${trigger} must not have capturing groups`)
  }
  if (PLAIN_LEAD.test(trigger) && hasTopLevelAlternation(trigger)) {
    throw new Error(`secret trigger ${trigger} must wrap its alternatives in (?:…)`)
  }
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (char === '\\') i++
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === '|' && depth === 0) return true
  }
  return false
}

/**
 * The prefilter's source without its negative assertions (`(?<!…)`, `(?!…)`): it then matches
 * wherever the original does and more. Used on raw JSON, where an escape (`\n`) can put a letter
 * before a token that the decoded text has a newline before.
 */
export function dropNegativeAssertions(source: string): string {
  let out = ''
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      out += source.slice(i, i + 2)
      i++
    } else if (source[i] === '[') {
      const end = findClassEnd(source, i)
      out += source.slice(i, end)
      i = end - 1
    } else if (source.startsWith('(?<!', i) || source.startsWith('(?!', i)) {
      i = findGroupEnd(source, i) - 1
    } else out += source[i]
  }
  return out
}

/** Index just past the `]` closing the class opened at `start`. */
function findClassEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === ']') return i + 1
  }
  throw new Error(`unterminated character class in ${source}`)
}

/** Index just past the `)` closing the group opened at `start`. */
function findGroupEnd(source: string, start: number): number {
  let depth = 0
  for (let i = start; i < source.length; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === '[') i = findClassEnd(source, i) - 1
    else if (source[i] === '(') depth++
    else if (source[i] === ')' && --depth === 0) return i + 1
  }
  throw new Error(`unterminated group in ${source}`)
}
