import type { ArtifactInput } from '../engine/artifact.js'
import type { GitHubClient } from '../github/client.js'
import { resolvePaths } from '../sources/paths.js'
import { downloadReleaseAssets } from '../sources/release-assets.js'
import { downloadWorkflowArtifacts } from '../sources/workflow-artifacts.js'
import type { RunContext } from './context.js'
import type { ActionInputs } from './inputs.js'

/**
 * What this step audits: workspace paths, workflow artifacts (this run's or another run's), or
 * release assets. Workflow artifacts are the default only when nothing else was named.
 */
export async function collectArtifacts(
  inputs: ActionInputs,
  ctx: RunContext,
  client: GitHubClient,
  tempDir: string
): Promise<ArtifactInput[]> {
  const artifacts: ArtifactInput[] = []
  if (inputs.paths.length > 0) artifacts.push(...(await resolvePaths(inputs.paths, ctx.workspace)))
  if (inputs.release !== undefined) {
    const owner = inputs.repository?.owner ?? ctx.owner
    const repo = inputs.repository?.repo ?? ctx.repo
    artifacts.push(
      ...(await downloadReleaseAssets(client, { owner, repo, release: inputs.release }, tempDir))
    )
  }
  const wantsArtifacts =
    inputs.artifacts.length > 0 ||
    inputs.runId !== undefined ||
    (inputs.paths.length === 0 && inputs.release === undefined)
  if (wantsArtifacts) {
    const otherRun =
      inputs.runId !== undefined
        ? {
            runId: inputs.runId,
            owner: inputs.repository?.owner ?? ctx.owner,
            repo: inputs.repository?.repo ?? ctx.repo,
            token: inputs.token
          }
        : undefined
    artifacts.push(...(await downloadWorkflowArtifacts(inputs.artifacts, tempDir, otherRun)))
  }
  return artifacts
}
