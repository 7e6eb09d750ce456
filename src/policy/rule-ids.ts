import { formatIssue } from './errors.js'
import type { Policy } from './schema.js'
import { describeSuggestion } from './suggest.js'

/** `family/name` or `family/*`: lowercase letters, digits and dashes, as every rule id is spelt. */
export const RULE_PATTERN = /^[a-z][a-z0-9-]*\/(?:\*|[a-z0-9][a-z0-9-]*)$/

export function isRulePattern(text: string): boolean {
  return RULE_PATTERN.test(text)
}

/** `secret/*` → `secret`; undefined for an exact id. */
export function wildcardFamily(pattern: string): string | undefined {
  return pattern.endsWith('/*') ? pattern.slice(0, -2) : undefined
}

export function familyOf(ruleId: string): string {
  const slash = ruleId.indexOf('/')
  return slash === -1 ? ruleId : ruleId.slice(0, slash)
}

/** Whether a rule id or family wildcard from the policy covers `ruleId`. */
export function matchesRule(pattern: string, ruleId: string): boolean {
  const family = wildcardFamily(pattern)
  return family === undefined ? pattern === ruleId : familyOf(ruleId) === family
}

/**
 * Warnings for rule ids in `rules` and `ignore` that match no rule the tool knows (a typo such as
 * `sourcemap/fiel` would otherwise silently do nothing), with the closest known id suggested.
 * The policy validator cannot do this itself: the rule registry is assembled elsewhere.
 */
export function findUnknownRuleIds(policy: Policy, knownIds: Iterable<string>): string[] {
  const known = [...knownIds]
  const families = [...new Set(known.map(familyOf))].map((family) => `${family}/*`)
  const covers = (pattern: string) => known.some((id) => matchesRule(pattern, id))
  const used = [
    ...policy.rules.map((r) => ({ pattern: r.rule, at: r.at, key: `rules.${r.rule}` })),
    ...policy.ignore.map((e) => ({ pattern: e.rule, at: e.at, key: `ignore[${e.index}].rule` }))
  ]
  return used
    .filter(({ pattern }) => !covers(pattern))
    .map(({ pattern, at, key }) => {
      const candidates = wildcardFamily(pattern) === undefined ? known : families
      const hint = describeSuggestion(pattern, candidates)
      return formatIssue({
        file: policy.file,
        ...at,
        key,
        message: `${key}: '${pattern}' matches no rule release-audit knows, so it has no effect${hint}`
      })
    })
}
