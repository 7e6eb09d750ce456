import type { Rule } from '../engine/rule.js'
import { createLevelLookup } from './apply.js'
import type { Policy } from './schema.js'

/**
 * The rule families worth running under a policy: one whose every rule id the policy turns `off`
 * could only report findings that would be dropped, so it is not run at all (a team that scans
 * secrets elsewhere pays nothing for `secret/*: off`).
 */
export function activeRules(rules: readonly Rule[], policy: Policy | undefined): Rule[] {
  if (!policy) return [...rules]
  const levelOf = createLevelLookup(policy.rules)
  return rules.filter((rule) => Object.keys(rule.meta.rules).some((id) => levelOf(id) !== 'off'))
}
