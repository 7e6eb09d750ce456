import type { Rule, RuleReport } from '../engine/rule.js'
import { isFileEntry } from '../engine/rule.js'
import { createBudgetCheck } from './budgets.js'
import { createForbiddenContentCheck } from './forbidden-content.js'
import { POLICY_RULES_META } from './meta.js'
import type { Policy } from './schema.js'
import { createUnexpectedFileCheck } from './unexpected-files.js'

/**
 * The `policy` rule family for one policy: `allow` → policy/unexpected-file, `forbid` →
 * policy/forbidden-content, `budgets` → policy/budget. Keys the policy leaves out cost nothing.
 */
export function createPolicyRule(policy: Policy): Rule {
  const { allow, forbid, budgets, file } = policy
  const searchContent = forbid.length > 0 ? createForbiddenContentCheck(forbid) : undefined
  const hasBudgets = Object.keys(budgets).length > 0
  return {
    meta: POLICY_RULES_META,
    create(context) {
      const report = (r: RuleReport) => context.report(r)
      const unexpected = allow ? createUnexpectedFileCheck(allow, file) : undefined
      const budget = hasBudgets ? createBudgetCheck(budgets, file) : undefined
      return {
        entry(entry) {
          unexpected?.add(entry)
          budget?.add(entry)
          if (searchContent && isFileEntry(entry)) searchContent(entry, report)
        },
        end() {
          unexpected?.finish(report)
          budget?.finish(report)
        }
      }
    }
  }
}
