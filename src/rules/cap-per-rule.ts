import type { RuleReport } from '../engine/rule.js'

/**
 * One report per item, at most `max` per rule; the items past that are summed up in one more
 * report of their rule. Rules keep the order in which they first appear.
 */
export function capPerRule<T>(
  items: readonly T[],
  ruleOf: (item: T) => string,
  max: number,
  one: (item: T) => RuleReport,
  rest: (rule: string, items: T[]) => RuleReport
): RuleReport[] {
  const byRule = new Map<string, T[]>()
  for (const item of items) {
    const rule = ruleOf(item)
    const list = byRule.get(rule)
    if (list) list.push(item)
    else byRule.set(rule, [item])
  }
  const reports: RuleReport[] = []
  for (const [rule, list] of byRule) {
    for (const item of list.slice(0, max)) reports.push(one(item))
    if (list.length > max) reports.push(rest(rule, list.slice(max)))
  }
  return reports
}
