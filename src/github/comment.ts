import { truncateUtf8 } from '../report/markdown-escape.js'
import type { GitHubClient } from './client.js'
import type { GitHubCall } from './errors.js'
import { toGitHubError } from './errors.js'
import { MAX_COMMENT_CHARS } from './limits.js'

export interface UpsertCommentOptions {
  owner: string
  repo: string
  issueNumber: number
  /** Hidden text that identifies our comment, e.g. `<!-- release-audit:release-audit -->`. */
  marker: string
  body: string
}

export interface UpsertedComment {
  id: number
  url: string
  action: 'created' | 'updated'
}

interface ListedComment {
  id: number
  body?: string | null
  user?: { type?: string } | null
}

const LIST: GitHubCall = {
  action: 'read the pull request comments',
  permission: 'pull-requests: write'
}
const CREATE: GitHubCall = {
  action: 'comment on the pull request',
  permission: 'pull-requests: write'
}
const UPDATE: GitHubCall = {
  action: 'edit the pull request comment',
  permission: 'pull-requests: write'
}
const CUT_NOTE = '\n\n… (cut to fit GitHub’s comment limit)\n'
const PER_PAGE = 100

/**
 * Keeps one comment per marker on the issue or pull request: edits the comment that carries the
 * marker (by a bot and starting with it first, then the oldest), else creates it. The body always carries the
 * marker, so the next run finds it again.
 */
export async function upsertComment(
  client: GitHubClient,
  opts: UpsertCommentOptions
): Promise<UpsertedComment> {
  const body = capBody(opts.body.includes(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`)
  const existing = await findMarkedComment(client, opts)
  if (existing) {
    try {
      const { data } = await client.rest.issues.updateComment({
        owner: opts.owner,
        repo: opts.repo,
        comment_id: existing.id,
        body
      })
      return { id: data.id, url: data.html_url, action: 'updated' }
    } catch (error) {
      // Deleted since the listing, or someone else's comment that quotes the marker (the
      // token may not edit it): post our own instead; next time ours is preferred.
      const status = (error as { status?: unknown }).status
      if (!(status === 404 || (status === 403 && !isBot(existing))))
        throw toGitHubError(error, UPDATE)
    }
  }
  try {
    const { data } = await client.rest.issues.createComment({
      owner: opts.owner,
      repo: opts.repo,
      issue_number: opts.issueNumber,
      body
    })
    return { id: data.id, url: data.html_url, action: 'created' }
  } catch (error) {
    throw toGitHubError(error, CREATE)
  }
}

async function findMarkedComment(
  client: GitHubClient,
  opts: UpsertCommentOptions
): Promise<ListedComment | undefined> {
  const marked: ListedComment[] = []
  try {
    const pages = client.paginate.iterator(client.rest.issues.listComments, {
      owner: opts.owner,
      repo: opts.repo,
      issue_number: opts.issueNumber,
      per_page: PER_PAGE
    })
    for await (const page of pages) {
      for (const c of page.data as ListedComment[])
        if (c.body?.includes(opts.marker)) marked.push(c)
    }
  } catch (error) {
    throw toGitHubError(error, LIST)
  }
  const rank = (c: ListedComment) => (isBot(c) ? 0 : 2) + (c.body?.startsWith(opts.marker) ? 0 : 1)
  return marked.sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0]
}

function isBot(comment: ListedComment): boolean {
  return comment.user?.type === 'Bot'
}

function capBody(body: string): string {
  if (Buffer.byteLength(body, 'utf8') <= MAX_COMMENT_CHARS) return body
  return truncateUtf8(body, MAX_COMMENT_CHARS - Buffer.byteLength(CUT_NOTE, 'utf8')) + CUT_NOTE
}
