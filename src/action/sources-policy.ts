import * as core from '@actions/core'
import type { GitHubClient } from '../github/client.js'
import { hashTrackedFiles } from '../sources/tracked-files.js'
import type { RunContext } from './context.js'
import type { ActionInputs } from './inputs.js'

/**
 * Resolves the `sources` input: `auto` asks whether the repository is public (event payload
 * first, then the REST API). In a public repository the checkout's tracked files are hashed so
 * the source-map rule can tell embedded sources the world already has from those it does not.
 */
export async function resolveSources(
  inputs: ActionInputs,
  ctx: RunContext,
  client: GitHubClient
): Promise<{ sources?: 'private' | 'public'; publicSources?: Map<string, string> }> {
  if (inputs.sources === undefined) return {}
  let sources: 'private' | 'public' = inputs.sources === 'public' ? 'public' : 'private'
  if (inputs.sources === 'auto') {
    const visibility = ctx.repositoryVisibility ?? (await fetchVisibility(client, ctx))
    sources = visibility === 'public' ? 'public' : 'private'
    core.info(`sources: auto → ${sources} (repository is ${visibility ?? 'of unknown visibility'})`)
  }
  if (sources === 'private') return { sources }
  const publicSources = await hashTrackedFiles(ctx.workspace)
  if (!publicSources) {
    core.warning(
      `sources: public needs the repository checked out (actions/checkout) to compare embedded sources with it; none found in ${ctx.workspace}, so embedded sources keep their severity`
    )
    return { sources }
  }
  return { sources, publicSources }
}

async function fetchVisibility(client: GitHubClient, ctx: RunContext): Promise<string | undefined> {
  try {
    const { data } = await client.rest.repos.get({ owner: ctx.owner, repo: ctx.repo })
    return data.visibility ?? (data.private ? 'private' : 'public')
  } catch {
    return undefined
  }
}
