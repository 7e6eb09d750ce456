import type { Finding } from '../engine/finding.js'
import type { Suppression } from '../engine/report.js'
import { plural } from '../util/format.js'
import { isExpired } from './dates.js'
import { compileGlob } from './globs.js'
import { EXPIRED_IGNORE, UNUSED_IGNORE } from './meta.js'
import { familyOf, matchesRule, wildcardFamily } from './rule-ids.js'
import type { IgnoreEntry, Policy, RuleLevel, RuleSetting } from './schema.js'

export interface PolicyOutcome {
  /** What remains to report, severities as the policy sets them, in the order given. */
  findings: Finding[]
  /** Each ignore entry that hid something, with how many findings it hid. */
  suppressed: Suppression[]
  /** About the policy file itself: ignore entries that matched nothing or have expired. */
  notices: Finding[]
}

/**
 * The policy's say over the findings of an audit: `rules` first (a severity, or `off` to drop;
 * an exact id beats a family wildcard), then `ignore` (the first entry that matches a finding
 * hides it and counts it). `now` decides which `until` dates have passed.
 */
export function applyPolicy(
  findings: readonly Finding[],
  policy: Policy,
  now: Date
): PolicyOutcome {
  const setLevel = createLevelSetter(policy.rules)
  const leveled = findings.flatMap(setLevel)
  const expired = policy.ignore.filter((e) => e.until !== undefined && isExpired(e.until, now))
  const active = policy.ignore
    .filter((e) => !expired.includes(e))
    .map((entry) => ({ entry, matches: compileIgnore(entry), count: 0 }))

  const kept: Finding[] = []
  for (const finding of leveled) {
    const ignore = active.find((a) => a.matches(finding))
    if (ignore) ignore.count++
    else kept.push(finding)
  }
  const notices = [
    ...expired.map((entry) => {
      const matches = compileIgnore(entry)
      return describeExpired(entry, kept.filter(matches).length, policy.file)
    }),
    ...active.filter((a) => a.count === 0).map((a) => describeUnused(a.entry, policy.file))
  ]
  return {
    findings: kept,
    suppressed: active.filter((a) => a.count > 0).map((a) => toSuppression(a.entry, a.count)),
    notices: notices.flatMap(setLevel)
  }
}

/** Returns the finding with the policy's severity, or nothing when the policy turns it off. */
function createLevelSetter(settings: readonly RuleSetting[]): (finding: Finding) => Finding[] {
  const levelOf = createLevelLookup(settings)
  return (finding) => {
    const level = levelOf(finding.rule)
    if (level === undefined) return [finding]
    if (level === 'off') return []
    return [level === finding.severity ? finding : { ...finding, severity: level }]
  }
}

/** The level the policy sets for a rule id (an exact id beats a family wildcard), if any. */
export function createLevelLookup(
  settings: readonly RuleSetting[]
): (ruleId: string) => RuleLevel | undefined {
  const exact = new Map<string, RuleLevel>()
  const family = new Map<string, RuleLevel>()
  for (const { rule, level } of settings) {
    const wildcard = wildcardFamily(rule)
    if (wildcard === undefined) exact.set(rule, level)
    else family.set(wildcard, level)
  }
  return (ruleId) => exact.get(ruleId) ?? family.get(familyOf(ruleId))
}

function compileIgnore(entry: IgnoreEntry): (finding: Finding) => boolean {
  const path = compileGlob(entry.path)
  const artifact = entry.artifact === undefined ? undefined : compileGlob(entry.artifact)
  return (finding) =>
    matchesRule(entry.rule, finding.rule) &&
    path(finding.path) &&
    (artifact === undefined || artifact(finding.artifact))
}

/**
 * Suppression has no artifact field, so an artifact glob rides along in `path`; otherwise two
 * entries differing only by artifact would read (and merge across shards) as one.
 */
function toSuppression(entry: IgnoreEntry, count: number): Suppression {
  return {
    rule: entry.rule,
    path: entry.artifact === undefined ? entry.path : `${entry.path} (artifact ${entry.artifact})`,
    reason: entry.reason,
    ...(entry.until !== undefined ? { until: entry.until } : {}),
    count
  }
}

function describeEntry(entry: IgnoreEntry): string {
  const artifact = entry.artifact === undefined ? '' : `, artifact ${entry.artifact}`
  return `ignore[${entry.index}] (rule ${entry.rule}, path ${entry.path}${artifact})`
}

/** Notices point at the ignore entry in the policy file, so annotations land on that line. */
function aboutEntry(entry: IgnoreEntry, file: string) {
  return { artifact: '', path: file, line: entry.at.line }
}

function describeExpired(entry: IgnoreEntry, uncovered: number, file: string): Finding {
  const effect =
    uncovered === 0
      ? 'it would hide nothing in this audit either'
      : `the ${plural(uncovered, 'finding')} it hid ${uncovered === 1 ? 'is' : 'are'} reported again`
  return {
    rule: EXPIRED_IGNORE,
    severity: 'notice',
    ...aboutEntry(entry, file),
    message: `${file}:${entry.at.line}: ${describeEntry(entry)} expired on ${entry.until} and no longer applies (${effect}); renew its until date or remove it`,
    details: { ignore: entry.index, until: entry.until, uncovered }
  }
}

function describeUnused(entry: IgnoreEntry, file: string): Finding {
  return {
    rule: UNUSED_IGNORE,
    severity: 'notice',
    ...aboutEntry(entry, file),
    message: `${file}:${entry.at.line}: ${describeEntry(entry)} matched no finding in this audit; remove it if what it covered no longer ships`,
    details: { ignore: entry.index }
  }
}
