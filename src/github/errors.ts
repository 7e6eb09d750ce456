export type GitHubPermission = 'checks: write' | 'pull-requests: write'

/** What was being attempted, for messages: "create the check run" needs `checks: write`. */
export interface GitHubCall {
  action: string
  permission: GitHubPermission
}

/**
 * GitHub refused a write for lack of permission (403/404), typically the read-only token of a
 * pull request from a fork. Callers degrade (job summary, step status) instead of failing.
 */
export class PermissionError extends Error {
  override readonly name = 'PermissionError'
  constructor(
    message: string,
    readonly status: number,
    readonly permission: GitHubPermission
  ) {
    super(message)
  }
}

/** Any other failed GitHub call: GitHub's status and message, and nothing of the request. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError'
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

interface OctokitLikeError {
  status?: unknown
  message?: unknown
  response?: { data?: unknown; headers?: Record<string, unknown> }
}

const TOKEN_PATTERNS = [
  /\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{16,})/g,
  /\b(authorization:?\s*(?:token|bearer|basic)?\s*)[^\s,;"']+/gi
]

/**
 * Turns whatever an Octokit call threw into a PermissionError or GitHubApiError. Octokit errors
 * carry the request (headers included); the result keeps only the status and GitHub's message,
 * and any token-shaped text in that message is masked.
 */
export function toGitHubError(error: unknown, call: GitHubCall): PermissionError | GitHubApiError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as OctokitLikeError
  const status = typeof e.status === 'number' ? e.status : undefined
  const said = redactTokens(
    githubMessage(e) ?? (error instanceof Error ? error.message : String(error))
  )
  if (status === undefined) return new GitHubApiError(`Could not ${call.action}: ${said}`)
  if (isRateLimit(status, e, said)) {
    return new GitHubApiError(
      `Could not ${call.action}: GitHub's rate limit was still exceeded after waiting (${status} ${said}). Re-run the job later.`,
      status
    )
  }
  if (status === 403 || status === 404) {
    const hidden =
      status === 404
        ? ' (GitHub answers 404 when the token cannot see the repository or pull request)'
        : ''
    return new PermissionError(
      `GitHub refused to ${call.action} (${status} ${said})${hidden}: the token needs \`${call.permission}\`. ` +
        `Add \`permissions: { ${call.permission} }\` to the job. Pull requests from forks get a read-only ` +
        `token whatever the workflow asks for; there the results are in the job summary and the step's status instead.`,
      status,
      call.permission
    )
  }
  const answer = e.response ? `GitHub answered ${status} ${said}` : said
  return new GitHubApiError(`Could not ${call.action}: ${answer}`, status)
}

/** Masks GitHub tokens and Authorization header values in text meant for logs. */
export function redactTokens(text: string): string {
  return text
    .replace(TOKEN_PATTERNS[0], '***')
    .replace(TOKEN_PATTERNS[1], (_match, prefix: string) => `${prefix}***`)
}

/** GitHub's `message`, plus the messages of its `errors` list (422 details), if any. */
function githubMessage(e: OctokitLikeError): string | undefined {
  const data = e.response?.data
  if (typeof data !== 'object' || data === null) return undefined
  const { message, errors } = data as { message?: unknown; errors?: unknown }
  if (typeof message !== 'string') return undefined
  const details = Array.isArray(errors)
    ? errors
        .map((x: unknown) =>
          typeof x === 'string'
            ? x
            : typeof x === 'object' && x !== null
              ? (x as { message?: unknown }).message
              : undefined
        )
        .filter((m): m is string => typeof m === 'string' && m.length > 0)
    : []
  return details.length > 0 ? `${message}: ${details.join('; ')}` : message
}

function isRateLimit(status: number, e: OctokitLikeError, said: string): boolean {
  if (status === 429) return true
  const remaining = e.response?.headers?.['x-ratelimit-remaining']
  return status === 403 && (String(remaining) === '0' || /rate limit/i.test(said))
}
