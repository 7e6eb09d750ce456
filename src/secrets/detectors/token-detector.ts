import type { Severity } from '../../engine/finding.js'
import { isPlaceholder } from '../../rules/placeholder.js'
import { shannonEntropy } from '../entropy.js'
import type { Candidate, Detector } from '../types.js'

/** `token` → `[Tt][Oo][Kk][Ee][Nn]`, so one case-sensitive prefilter can hold caseless words. */
export function caseless(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`)
}

const ALNUM = /[A-Za-z0-9]/

/** `tail` of tokens made of letters, digits and `_`: one more such character means a longer word. */
export const WORD_TAIL = /[A-Za-z0-9_]/
/** `tail` of tokens in the URL-safe alphabet (letters, digits, `_` and `-`). */
export const URL_SAFE_TAIL = /[A-Za-z0-9_-]/

/** Whether the character at `index` (if any) is a letter or digit. */
export function isAlnumAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && ALNUM.test(text[index])
}

export interface Verdict {
  type: string
  severity: Severity
  note?: string
}

export interface TokenSpec {
  rule: string
  trigger: string
  /** How many characters before the trigger hit the token starts. */
  offset: number
  /** Sticky (`y`) pattern for the whole token, tried at its start. */
  pattern: RegExp
  /** A character that may not follow the token, or it is part of something longer. */
  tail: RegExp
  /** Minimum Shannon entropy of the whole token, where the format has no checksum. */
  minEntropy?: number
  /** The secret part of a match that also holds public parts (a webhook URL's last segment). */
  secretOf?: (token: string) => string
  judge(token: string): Verdict | undefined
}

/**
 * A detector for a token with a fixed prefix: bounded on both sides, placeholders dropped,
 * optionally entropy-gated, then judged (checksum, live vs test) by the spec.
 */
export function createTokenDetector(spec: TokenSpec): Detector {
  if (!spec.pattern.sticky) throw new Error(`token pattern for ${spec.rule} must be sticky`)
  return {
    rule: spec.rule,
    trigger: spec.trigger,
    priority: 3,
    inBinary: true,
    confirm(text: string, at: number): Candidate | undefined {
      const start = at - spec.offset
      if (start < 0 || isAlnumAt(text, start - 1)) return undefined
      spec.pattern.lastIndex = start
      const match = spec.pattern.exec(text)
      if (match === null) return undefined
      const token = match[0]
      const end = start + token.length
      if (end < text.length && spec.tail.test(text[end])) return undefined
      const value = spec.secretOf?.(token) ?? token
      if (isPlaceholder(value)) return undefined
      if (spec.minEntropy !== undefined && shannonEntropy(value) < spec.minEntropy) return undefined
      const verdict = spec.judge(token)
      return verdict && { start, end, value, ...verdict }
    }
  }
}
