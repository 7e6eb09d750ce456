import type { Conclusion } from '../engine/report.js'
import type { CheckAnnotation } from '../report/annotations.js'
import { truncateUtf8 } from '../report/markdown-escape.js'
import type { GitHubClient } from './client.js'
import type { GitHubCall } from './errors.js'
import { redactTokens, toGitHubError } from './errors.js'
import { MAX_ANNOTATIONS_PER_REQUEST, MAX_CHECK_RUN_TEXT_BYTES } from './limits.js'

export interface CheckRunRef {
  id: number
  /** The run's page on GitHub (html_url). */
  url: string
}

export interface StartCheckRunOptions {
  owner: string
  repo: string
  name: string
  /** The commit the run belongs to (on pull_request events: the PR head, not the merge commit). */
  headSha: string
  detailsUrl?: string
}

export interface CompleteCheckRunOptions {
  owner: string
  repo: string
  id: number
  conclusion: Conclusion
  title: string
  summary: string
  text?: string
  annotations: readonly CheckAnnotation[]
}

const CREATE: GitHubCall = { action: 'create the check run', permission: 'checks: write' }
const UPDATE: GitHubCall = { action: 'update the check run', permission: 'checks: write' }
const MAX_ERROR_CHARS = 10000
const CUT_NOTE = '\n\n… (cut to fit GitHub’s limit)'

/** Opens the check run as `in_progress` so the PR shows the audit running. */
export async function startCheckRun(
  client: GitHubClient,
  opts: StartCheckRunOptions
): Promise<CheckRunRef> {
  try {
    const { data } = await client.rest.checks.create({
      owner: opts.owner,
      repo: opts.repo,
      name: opts.name,
      head_sha: opts.headSha,
      status: 'in_progress',
      started_at: new Date().toISOString(),
      ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
      output: {
        title: 'Audit in progress',
        summary: 'release-audit is reading the release artifacts.'
      }
    })
    return { id: data.id, url: data.html_url ?? data.url }
  } catch (error) {
    throw toGitHubError(error, CREATE)
  }
}

/**
 * Sends the annotations MAX_ANNOTATIONS_PER_REQUEST at a time (GitHub appends them), each request
 * with the full output (`title` and `summary` are required with every output). The last batch
 * rides on the completing request: 120 annotations are PATCHes of 50, 50, then 20 with
 * `status: completed`; no annotations is one completing PATCH.
 */
export async function completeCheckRun(
  client: GitHubClient,
  opts: CompleteCheckRunOptions
): Promise<void> {
  const batches = chunk(opts.annotations, MAX_ANNOTATIONS_PER_REQUEST)
  const last = batches.pop() ?? []
  const output = {
    title: opts.title,
    summary: capCheckText(opts.summary),
    ...(opts.text !== undefined ? { text: capCheckText(opts.text) } : {})
  }
  const update = async (extra: object, annotations: readonly CheckAnnotation[]) => {
    try {
      await client.rest.checks.update({
        owner: opts.owner,
        repo: opts.repo,
        check_run_id: opts.id,
        ...extra,
        output: { ...output, ...(annotations.length > 0 ? { annotations: [...annotations] } : {}) }
      })
    } catch (error) {
      throw toGitHubError(error, UPDATE)
    }
  }
  for (const batch of batches) await update({}, batch)
  await update(
    { status: 'completed', conclusion: opts.conclusion, completed_at: new Date().toISOString() },
    last
  )
}

/** Completes the run as `failure` when the audit itself broke, so the check does not hang. */
export async function failCheckRun(
  client: GitHubClient,
  opts: { owner: string; repo: string; id: number; error: string }
): Promise<void> {
  const message = redactTokens(opts.error).slice(0, MAX_ERROR_CHARS)
  const fence = '`'.repeat(Math.max(3, ...(message.match(/`+/g) ?? []).map((r) => r.length + 1)))
  await completeCheckRun(client, {
    owner: opts.owner,
    repo: opts.repo,
    id: opts.id,
    conclusion: 'failure',
    title: 'release-audit could not finish',
    summary: `The audit stopped with an error:\n\n${fence}text\n${message}\n${fence}\n\nThe step's log has the details.`,
    annotations: []
  })
}

function capCheckText(text: string): string {
  if (Buffer.byteLength(text, 'utf8') <= MAX_CHECK_RUN_TEXT_BYTES) return text
  return (
    truncateUtf8(text, MAX_CHECK_RUN_TEXT_BYTES - Buffer.byteLength(CUT_NOTE, 'utf8')) + CUT_NOTE
  )
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
