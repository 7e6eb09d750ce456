import type { RuleMeta } from '../engine/rule.js'

export const UNEXPECTED_FILE = 'policy/unexpected-file'
export const FORBIDDEN_CONTENT = 'policy/forbidden-content'
export const BUDGET = 'policy/budget'
export const UNUSED_IGNORE = 'policy/unused-ignore'
export const EXPIRED_IGNORE = 'policy/expired-ignore'

/**
 * The `policy` family. The first three come from the policy rule over artifact entries; the two
 * notices about the policy file itself come from applyPolicy (src/policy/apply.ts).
 */
export const POLICY_RULES_META: RuleMeta = {
  family: 'policy',
  rules: {
    [UNEXPECTED_FILE]: {
      severity: 'error',
      description: "A file that no glob in the policy's `allow` list expects"
    },
    [FORBIDDEN_CONTENT]: {
      severity: 'error',
      description: "Text matching one of the policy's `forbid` patterns (internal hosts, codenames)"
    },
    [BUDGET]: {
      severity: 'error',
      description: "An artifact over the policy's size or file-count `budgets`"
    },
    [UNUSED_IGNORE]: {
      severity: 'notice',
      description: 'An `ignore` entry of the policy matched no finding; it may be stale'
    },
    [EXPIRED_IGNORE]: {
      severity: 'notice',
      description: 'An `ignore` entry of the policy is past its `until` date and no longer applies'
    }
  }
}
