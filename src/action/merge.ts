import type { FailOn, Report } from '../engine/report.js'
import { loadShardReports } from '../merge/load-shards.js'
import { mergeReports } from '../merge/merge-reports.js'
import { resolvePaths } from '../sources/paths.js'
import { downloadWorkflowArtifacts } from '../sources/workflow-artifacts.js'
import type { RunContext } from './context.js'
import type { ActionInputs } from './inputs.js'

/**
 * `mode: merge`: the shard reports come from workflow artifacts named by `reports` and/or files
 * named by `path`; the merged report is then published exactly like a single audit's.
 */
export async function mergeShardReports(
  inputs: ActionInputs,
  ctx: RunContext,
  tempDir: string
): Promise<{ report: Report; failOn: FailOn; policyPath?: string; warnings: string[] }> {
  if (inputs.reports.length === 0 && inputs.paths.length === 0) {
    throw new Error("mode: merge needs 'reports' (shard report artifact names or globs) or 'path'")
  }
  const shards = [
    ...(inputs.paths.length > 0 ? await resolvePaths(inputs.paths, ctx.workspace) : []),
    ...(inputs.reports.length > 0 ? await downloadWorkflowArtifacts(inputs.reports, tempDir) : [])
  ]
  const failOn = inputs.failOn ?? 'error'
  return { report: mergeReports(await loadShardReports(shards), failOn), failOn, warnings: [] }
}
