import { lowerSeverity } from '../engine/finding.js'
import { hitGroup, PREFILTER } from './combined-prefilter.js'
import { redactSecret } from './redact.js'
import type { Candidate, SecretMatch } from './types.js'

export interface ScanOptions {
  /** The text lives under a test/fixture/example folder: every match is one level lower. */
  inTestFolder?: boolean
  /** The text is binary content read as latin1: only detectors marked `inBinary` are asked. */
  binary?: boolean
}

/** A match with its character index in the scanned text (for callers that scan in chunks). */
export interface IndexedSecretMatch extends SecretMatch {
  index: number
}

interface Found extends Candidate {
  rule: string
  priority: number
}

const TEST_FOLDER_NOTE = 'one level lower because it is under a test, fixture or example folder'
/** Texts from this size on are not left reachable through the last regex match. */
const LARGE_TEXT_CHARS = 1024 * 1024
const ANY = /(?:)/

/** Finds the high-confidence secrets in a text; values come back redacted, never whole. */
export function scanSecrets(text: string, options: ScanOptions = {}): SecretMatch[] {
  return findSecrets(text, options).map((m) => ({
    rule: m.rule,
    line: m.line,
    column: m.column,
    redacted: m.redacted,
    severity: m.severity,
    description: m.description
  }))
}

export function findSecrets(text: string, options: ScanOptions = {}): IndexedSecretMatch[] {
  const kept = dropOutranked(findCandidates(text, options.binary === true))
  if (text.length >= LARGE_TEXT_CHARS) forgetLastSubject()
  const matches: IndexedSecretMatch[] = []
  let line = 1
  let lineStart = 0
  for (const found of kept) {
    let newline = text.indexOf('\n', lineStart)
    while (newline !== -1 && newline < found.start) {
      line++
      lineStart = newline + 1
      newline = text.indexOf('\n', lineStart)
    }
    const notes = found.note === undefined ? [] : [found.note]
    if (options.inTestFolder) notes.push(TEST_FOLDER_NOTE)
    matches.push({
      rule: found.rule,
      line,
      column: found.start - lineStart + 1,
      index: found.start,
      redacted: redactSecret(found.value),
      severity: options.inTestFolder ? lowerSeverity(found.severity) : found.severity,
      description: notes.length === 0 ? found.type : `${found.type} (${notes.join('; ')})`
    })
  }
  return matches
}

function findCandidates(text: string, binary: boolean): Found[] {
  const { regex, groups } = PREFILTER
  const found: Found[] = []
  regex.lastIndex = 0
  for (let hit = regex.exec(text); hit !== null; hit = regex.exec(text)) {
    for (const detector of groups[hitGroup(hit)]) {
      if (binary && detector.inBinary !== true) continue
      const candidate = detector.confirm(text, hit.index, hit.index + hit[0].length)
      if (candidate === undefined) continue
      found.push({ ...candidate, rule: detector.rule, priority: detector.priority })
      // A fixed-format match (a key block above all) holds no other secret: skip its body.
      if (detector.priority === 3) regex.lastIndex = Math.max(regex.lastIndex, candidate.end)
    }
  }
  return found
}

const PRIORITIES = [1, 2, 3]

/**
 * Drops every candidate overlapped by one of higher priority (a generic `token = "…"` holding
 * an `npm_` token is reported as the npm token only) and duplicates; returns them by position.
 */
function dropOutranked(found: Found[]): Found[] {
  if (found.length <= 1) return found // nearly every file: nothing to compare
  const sorted = [...found].sort((a, b) => a.start - b.start || b.priority - a.priority)
  const outranked = sorted.map(() => false)
  const maxEnd = PRIORITIES.map(() => -1)
  sorted.forEach((c, i) => {
    outranked[i] = maxEnd.some((end, p) => p + 1 > c.priority && end > c.start)
    maxEnd[c.priority - 1] = Math.max(maxEnd[c.priority - 1], c.end)
  })
  const minStart = PRIORITIES.map(() => Infinity)
  for (let i = sorted.length - 1; i >= 0; i--) {
    const c = sorted[i]
    outranked[i] ||= minStart.some((start, p) => p + 1 > c.priority && start < c.end)
    minStart[c.priority - 1] = Math.min(minStart[c.priority - 1], c.start)
  }
  const seen = new Set<string>()
  return sorted.filter((c, i) => {
    const key = `${c.rule}@${c.start}`
    if (outranked[i] || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * V8 keeps the subject of the last successful regex match reachable (the legacy `RegExp.input`)
 * until another match succeeds. After a large file's scan that held a 12 MB string alive through
 * the whole arrival of the next entry; a match on an empty string lets it go.
 */
function forgetLastSubject(): void {
  ANY.exec('')
}
