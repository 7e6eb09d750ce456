import type { GitHubClient } from '../github/client.js'
import type { RunContext } from './context.js'

/** `sources: auto` in the action: the event payload says, else the REST API. */
export function repositoryVisibilityProbe(
  ctx: RunContext,
  client: GitHubClient
): () => Promise<boolean | undefined> {
  return async () => {
    if (ctx.repositoryVisibility) return ctx.repositoryVisibility === 'public'
    try {
      const { data } = await client.rest.repos.get({ owner: ctx.owner, repo: ctx.repo })
      return (data.visibility ?? (data.private ? 'private' : 'public')) === 'public'
    } catch {
      return undefined
    }
  }
}
