import { applyBaseline, loadBaseline, resolveBaselineThresholds } from '../baseline/index.js'
import type { ArtifactInput } from '../engine/artifact.js'
import type { AuditOptions } from '../engine/audit.js'
import { audit } from '../engine/audit.js'
import type { Finding } from '../engine/finding.js'
import type { FailOn, Report, Suppression } from '../engine/report.js'
import type { Rule } from '../engine/rule.js'
import { withFindings } from '../engine/with-findings.js'
import { activeRules } from '../policy/active-rules.js'
import { applyPolicy } from '../policy/apply.js'
import { findDefaultPolicy, loadPolicy } from '../policy/load.js'
import { createPolicyRule } from '../policy/rule.js'
import { findUnknownRuleIds } from '../policy/rule-ids.js'
import type { Policy, SourcesSetting } from '../policy/schema.js'
import { BUILTIN_RULES, knownRuleIds } from '../rules/index.js'
import { resolveSources } from './resolve-sources.js'

export interface RunAuditOptions {
  cwd: string
  /** Explicit policy file; without it `.github/release-audit.yml` is used when present. */
  config?: string
  /** From the command line / action input; wins over the policy file. */
  failOn?: FailOn
  /** Previous release to compare with (see src/baseline/spec.ts for the forms). */
  baseline?: string
  /** Wins over the policy file's `sources`; `auto` asks `isRepositoryPublic`. */
  sources?: SourcesSetting
  /** How `auto` learns whether the repository is public (the action asks GitHub; the CLI cannot). */
  isRepositoryPublic?: () => Promise<boolean | undefined>
  now?: Date
}

export interface RunAuditResult {
  report: Report
  failOn: FailOn
  policy?: Policy
  policyPath?: string
  /** Things the user should know that are not findings (a baseline that could not be fetched, …). */
  warnings: string[]
}

/**
 * Loads the policy, audits, compares with the baseline, then applies the policy once to every
 * finding (the baseline's own included): the one path the CLI and the action share.
 */
export async function runAudit(
  artifacts: readonly ArtifactInput[],
  options: RunAuditOptions
): Promise<RunAuditResult> {
  const policyPath = options.config ?? (await findDefaultPolicy(options.cwd))
  const policy = policyPath !== undefined ? await loadPolicy(policyPath) : undefined
  const failOn = options.failOn ?? policy?.failOn ?? 'error'
  const warnings: string[] = policy ? findUnknownRuleIds(policy, knownRuleIds()) : []
  const sources = await resolveSources(options.sources ?? policy?.sources, options, warnings)
  const rules: Rule[] = [
    ...activeRules(BUILTIN_RULES, policy),
    ...(policy ? [createPolicyRule(policy)] : [])
  ]
  const now = options.now ?? new Date()
  const postprocess = policy ? policyStep(policy, now) : undefined
  const auditOptions: AuditOptions = {
    rules,
    failOn,
    ruleOptions: sources
  }
  let report = await audit(artifacts, auditOptions)

  if (options.baseline !== undefined) {
    const loaded = await loadBaseline(options.baseline, {
      cwd: options.cwd,
      // The previous release goes through the same rules and policy, so "new" compares like with like.
      auditArtifacts: (inputs) =>
        audit(inputs, { ...auditOptions, failOn: 'never', ...(postprocess ? { postprocess } : {}) })
    })
    if ('warning' in loaded) warnings.push(loaded.warning)
    else
      report = applyBaseline(report, loaded, {
        failOn,
        thresholds: resolveBaselineThresholds(policy?.baseline)
      })
  }
  if (postprocess) {
    const { findings, suppressed } = postprocess(report.findings)
    report = withFindings(report, findings, failOn, suppressed)
  }
  return {
    report,
    failOn,
    ...(policy ? { policy } : {}),
    ...(policyPath !== undefined ? { policyPath } : {}),
    warnings
  }
}

/** The policy's severity overrides and ignores, with its notices about the policy file itself. */
function policyStep(policy: Policy, now: Date) {
  return (findings: Finding[]): { findings: Finding[]; suppressed: Suppression[] } => {
    const outcome = applyPolicy(findings, policy, now)
    return { findings: [...outcome.findings, ...outcome.notices], suppressed: outcome.suppressed }
  }
}
