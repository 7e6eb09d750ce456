import type { Finding } from '../engine/finding.js'
import type { NormalisePath } from './align-paths.js'
import { TRACKED_FAMILIES } from './meta.js'

/**
 * This release's source-map, private-file and secret findings of one artifact that the previous
 * release did not have: no finding of the same rule on the same (aligned) path. Everything in
 * an artifact with no counterpart in the previous release is new.
 */
export function findIntroduced(
  current: { findings: readonly Finding[]; normalise: NormalisePath },
  baseline?: { findings: readonly Finding[]; normalise: NormalisePath }
): Finding[] {
  const tracked = current.findings.filter(isTracked)
  if (!baseline) return tracked
  const known = new Set(
    baseline.findings.filter(isTracked).map((f) => key(f.rule, baseline.normalise(f.path)))
  )
  return tracked.filter((f) => !known.has(key(f.rule, current.normalise(f.path))))
}

/**
 * Appends " (new since <label>)" to the message of every finding in `introduced` and sets
 * `details.new = true`; other findings come back unchanged. Findings are matched by value
 * (rule, artifact, path, line, message), so copies made by policy processing still match;
 * marking twice changes nothing.
 */
export function markNewFindings(
  findings: readonly Finding[],
  introduced: readonly Finding[],
  label: string
): Finding[] {
  const wanted = new Set(introduced.map(identity))
  return findings.map((finding) => {
    if (!wanted.has(identity(finding)) || finding.details?.new === true) return finding
    return {
      ...finding,
      message: `${finding.message} (new since ${label})`,
      details: { ...finding.details, new: true }
    }
  })
}

function isTracked(finding: Finding): boolean {
  return TRACKED_FAMILIES.includes(finding.rule.slice(0, finding.rule.indexOf('/')))
}

function key(rule: string, path: string): string {
  return `${rule}\0${path}`
}

function identity(f: Finding): string {
  return JSON.stringify([f.rule, f.artifact, f.path, f.line ?? 0, f.message])
}
