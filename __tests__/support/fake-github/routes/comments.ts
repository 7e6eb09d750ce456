import { notFound, paginate, validationFailed } from '../replies.js'
import type { Handler, Reply, RouteContext } from '../router.js'
import { commentJson } from '../shapes.js'
import { BOT_LOGIN } from '../state.js'

/** GitHub's cap on an issue comment body (the schema says only "string"). */
export const MAX_COMMENT_CHARS = 65536

const listComments: Handler = (ctx) => {
  const issue = Number(ctx.params.issue_number)
  // `since` is validated as a date-time by the spec before this runs.
  const since = ctx.query.since === undefined ? -Infinity : Date.parse(ctx.query.since)
  const all = [...ctx.state.comments.values()]
    .filter((c) => c.issue === issue && Date.parse(c.updated_at) >= since)
    .sort((a, b) => a.id - b.id)
  const { page, headers } = paginate(ctx, all)
  return { status: 200, json: page.map((c) => commentJson(ctx.state, c)), headers }
}

const createComment: Handler = (ctx) => {
  const { body } = ctx.body as { body: string }
  const tooLong = checkLength(ctx, body)
  if (tooLong) return tooLong
  const id = ctx.state.addComment(Number(ctx.params.issue_number), body, BOT_LOGIN)
  const comment = ctx.state.comments.get(id)!
  return {
    status: 201,
    json: commentJson(ctx.state, comment),
    headers: {
      location: `${ctx.state.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/issues/comments/${id}`
    }
  }
}

const getComment: Handler = (ctx) => {
  const comment = ctx.state.comments.get(Number(ctx.params.comment_id))
  return comment ? { status: 200, json: commentJson(ctx.state, comment) } : notFound(ctx)
}

const updateComment: Handler = (ctx) => {
  const comment = ctx.state.comments.get(Number(ctx.params.comment_id))
  if (comment === undefined) return notFound(ctx)
  const { body } = ctx.body as { body: string }
  const tooLong = checkLength(ctx, body)
  if (tooLong) return tooLong
  comment.body = body
  comment.updated_at = ctx.state.now()
  return { status: 200, json: commentJson(ctx.state, comment) }
}

function checkLength(ctx: RouteContext, body: string): Reply | undefined {
  // Counted in characters (code points), as GitHub's Ruby validation and Ajv's maxLength do.
  if ([...body].length <= MAX_COMMENT_CHARS) return undefined
  return validationFailed(
    ctx,
    'IssueComment',
    'data',
    `Body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`
  )
}

export const COMMENT_ROUTES: Record<string, Handler> = {
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': listComments,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': createComment,
  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': getComment,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': updateComment
}
