import { BASELINE_RULES_META } from '../baseline/meta.js'
import type { Rule, RuleMeta } from '../engine/rule.js'
import { POLICY_RULES_META } from '../policy/meta.js'
import { ARCHIVE_RULES_META, AUDIT_RULES_META } from './archive.js'
import { privateFileRule } from './private-file.js'
import { secretRule } from './secret.js'
import { sourcemapRule } from './sourcemap.js'

/** Every rule family that runs on every audit (the policy family is added when a policy exists). */
export const BUILTIN_RULES: readonly Rule[] = [sourcemapRule, privateFileRule, secretRule]

/** Metadata of every rule id the tool can report, for reporters (SARIF rules) and docs. */
export function allRuleMetas(extra: readonly RuleMeta[] = []): RuleMeta[] {
  return [
    ...BUILTIN_RULES.map((r) => r.meta),
    POLICY_RULES_META,
    BASELINE_RULES_META,
    ARCHIVE_RULES_META,
    AUDIT_RULES_META,
    ...extra
  ]
}

export function knownRuleIds(): string[] {
  return allRuleMetas().flatMap((meta) => Object.keys(meta.rules))
}
