import type { ArtifactInput } from '../engine/artifact.js'
import { audit } from '../engine/audit.js'
import type { FailOn, Report } from '../engine/report.js'
import type { Rule } from '../engine/rule.js'
import { applyPolicy } from '../policy/apply.js'
import { findDefaultPolicy, loadPolicy } from '../policy/load.js'
import { createPolicyRule } from '../policy/rule.js'
import type { Policy } from '../policy/schema.js'
import { BUILTIN_RULES } from '../rules/index.js'

export interface RunAuditOptions {
  cwd: string
  /** Explicit policy file; without it `.github/release-audit.yml` is used when present. */
  config?: string
  /** From the command line / action input; wins over the policy file. */
  failOn?: FailOn
  baseline?: string
  sources?: 'private' | 'public'
  /** Repo-relative path → sha256 of files tracked in the checkout (for `sources: public`). */
  publicSources?: ReadonlyMap<string, string>
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

/** Loads the policy, assembles the rules and runs the audit: the one path the CLI and the action share. */
export async function runAudit(
  artifacts: readonly ArtifactInput[],
  options: RunAuditOptions
): Promise<RunAuditResult> {
  const policyPath = options.config ?? (await findDefaultPolicy(options.cwd))
  const policy = policyPath !== undefined ? await loadPolicy(policyPath) : undefined
  const failOn = options.failOn ?? policy?.failOn ?? 'error'
  const sources = options.sources ?? (policy?.sources === 'public' ? 'public' : 'private')
  const rules: Rule[] = [...BUILTIN_RULES, ...(policy ? [createPolicyRule(policy)] : [])]
  const now = options.now ?? new Date()
  const report = await audit(artifacts, {
    rules,
    failOn,
    ruleOptions: {
      sources,
      ...(options.publicSources ? { publicSources: options.publicSources } : {})
    },
    ...(policy ? { postprocess: (findings) => applyPolicy(findings, policy, now) } : {})
  })
  return {
    report,
    failOn,
    ...(policy ? { policy } : {}),
    ...(policyPath !== undefined ? { policyPath } : {}),
    warnings: []
  }
}
