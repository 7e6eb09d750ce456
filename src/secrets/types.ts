import type { Severity } from '../engine/finding.js'

/** One secret found in a text, located and redacted; never carries the value itself. */
export interface SecretMatch {
  /** Full rule id, e.g. `secret/github-token`. */
  rule: string
  /** 1-based line of the match's start. */
  line: number
  /** 1-based column (in characters of the scanned text) of the match's start. */
  column: number
  /** Type-free short prefix and an ellipsis, e.g. `ghp_…`; at most 4 characters of the value. */
  redacted: string
  severity: Severity
  /** What was found and, where lowered, why: `GitHub personal access token (checksum does not match …)`. */
  description: string
}

/** What a detector confirmed at a prefilter hit. */
export interface Candidate {
  /** Where the match starts and ends in the text (the span used for location and overlaps). */
  start: number
  end: number
  /** The secret itself, used only to judge and redact it. */
  value: string
  /** Human name of the credential type, e.g. `Stripe live secret key`. */
  type: string
  severity: Severity
  /** A remark shown in parentheses: a checksum result, or why the severity is lower. */
  note?: string
}

export interface Detector {
  rule: string
  /**
   * Regex source that the combined prefilter looks for; a hit calls `confirm` with where the
   * hit starts and ends. No capturing groups, and alternatives wrapped in `(?:…)`. A trigger
   * should open with an uncommon character (`_`, `-`, `A`) and check the rest with a lookbehind
   * (`_(?<=npm_)`): triggers sharing that character are merged, and a common opening character
   * (`t`, `s`) slows the whole prefilter. Every detector whose trigger shares the hit's opening
   * character is asked to confirm it.
   */
  trigger: string
  confirm(text: string, at: number, end: number): Candidate | undefined
  /**
   * On overlapping candidates the higher priority wins: fixed-format tokens (3) beat
   * context-based finds such as `_authToken=` lines (2), which beat generic assignments (1).
   */
  priority: 1 | 2 | 3
  /**
   * `confirm` gives the same answer when `text` is cut down to the hit's line (from just after
   * the `\n` before the hit to just after the `\n` that follows it): it reads no further. Lets a
   * source embedded in a map be ruled out from a few decoded lines instead of its whole text.
   */
  lineLocal?: boolean
  /**
   * Its format is strict enough to trust in binary content: fixed-format tokens, key blocks,
   * database URLs. Detectors that read a name and an assignment around a value are not asked
   * there, where strings sit packed end to end and fake such context.
   */
  inBinary?: boolean
}
