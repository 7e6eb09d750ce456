import { context } from '@actions/github'

export interface RunContext {
  owner: string
  repo: string
  eventName: string
  /** The commit the check run belongs to: the PR head on pull_request events (not the merge commit). */
  headSha: string
  pullRequest?: { number: number; fork: boolean }
  runId: number
  serverUrl: string
  /** From the event payload when GitHub sent it; `undefined` means: ask the API if it matters. */
  repositoryVisibility?: 'public' | 'private' | 'internal'
  workspace: string
  tempDir: string
}

interface PullRequestPayload {
  number?: number
  head?: { sha?: string; repo?: { full_name?: string } | null }
  base?: { repo?: { full_name?: string } }
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const payload = context.payload as {
    pull_request?: PullRequestPayload
    repository?: { visibility?: string; private?: boolean }
  }
  const pr = payload.pull_request
  const visibility = payload.repository?.visibility
  return {
    owner,
    repo,
    eventName: context.eventName,
    headSha: pr?.head?.sha ?? context.sha,
    ...(pr?.number !== undefined
      ? {
          pullRequest: {
            number: pr.number,
            fork: Boolean(
              pr.head?.repo?.full_name && pr.head.repo.full_name !== pr.base?.repo?.full_name
            )
          }
        }
      : {}),
    runId: context.runId,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    ...(visibility === 'public' || visibility === 'private' || visibility === 'internal'
      ? { repositoryVisibility: visibility }
      : payload.repository?.private !== undefined
        ? { repositoryVisibility: payload.repository.private ? 'private' : 'public' }
        : {}),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? '/tmp'
  }
}
