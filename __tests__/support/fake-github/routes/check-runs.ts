import { githubError, notFound, paginate } from '../replies.js'
import type { Handler, Reply, RouteContext } from '../router.js'
import { annotationJson, checkRunJson } from '../shapes.js'
import type { CheckRunAnnotation, CheckRunState } from '../types.js'

// Bodies reach these handlers only after they passed the spec's schema (types, enums, ≤50
// annotations, summary/text ≤65535 characters); what is checked here is what GitHub checks beyond it.

interface CheckRunBody {
  name?: string
  head_sha?: string
  details_url?: string
  external_id?: string
  status?: string
  conclusion?: string
  started_at?: string
  completed_at?: string
  output?: { title?: string; summary?: string; text?: string; annotations?: CheckRunAnnotation[] }
}

const FULL_SHA = /^[0-9a-f]{40}$/i

const createCheckRun: Handler = (ctx) => {
  const body = ctx.body as CheckRunBody & { name: string; head_sha: string }
  if (!FULL_SHA.test(body.head_sha))
    return githubError(422, `No commit found for SHA: ${body.head_sha}`, ctx.docsUrl)
  const problem = checkCompletion(ctx, body)
  if (problem) return problem
  const run: CheckRunState = {
    id: ctx.state.nextId('checkRun'),
    name: body.name,
    head_sha: body.head_sha.toLowerCase(),
    status: 'queued',
    conclusion: null,
    started_at: body.started_at ?? ctx.state.now(),
    completed_at: null,
    details_url: body.details_url ?? null,
    external_id: body.external_id ?? null,
    output: { title: null, summary: null, text: null },
    annotations: [],
    annotationBatches: []
  }
  applyUpdate(ctx, run, body)
  ctx.state.checkRuns.set(run.id, run)
  return { status: 201, json: checkRunJson(ctx.state, run) }
}

const updateCheckRun: Handler = (ctx) => {
  const run = ctx.state.checkRuns.get(Number(ctx.params.check_run_id))
  if (run === undefined) return notFound(ctx)
  const body = ctx.body as CheckRunBody
  // The spec requires only `summary` here; GitHub documents `title` as required in every output.
  if (body.output && body.output.title === undefined) {
    return githubError(422, 'Invalid request.', ctx.docsUrl, {
      errors: [{ field: '/output/title', message: "must have required property 'title'" }]
    })
  }
  const problem = checkCompletion(ctx, body)
  if (problem) return problem
  applyUpdate(ctx, run, body)
  return { status: 200, json: checkRunJson(ctx.state, run) }
}

const getCheckRun: Handler = (ctx) => {
  const run = ctx.state.checkRuns.get(Number(ctx.params.check_run_id))
  return run ? { status: 200, json: checkRunJson(ctx.state, run) } : notFound(ctx)
}

const listAnnotations: Handler = (ctx) => {
  const run = ctx.state.checkRuns.get(Number(ctx.params.check_run_id))
  if (run === undefined) return notFound(ctx)
  const { page, headers } = paginate(ctx, run.annotations)
  return { status: 200, json: page.map((a) => annotationJson(ctx.state, run, a)), headers }
}

/** "Required if you provide `completed_at` or a `status` of `completed`": the conclusion. */
function checkCompletion(ctx: RouteContext, body: CheckRunBody): Reply | undefined {
  if (
    (body.status === 'completed' || body.completed_at !== undefined) &&
    body.conclusion === undefined
  ) {
    return githubError(422, 'Invalid request.', ctx.docsUrl, {
      errors: [
        {
          field: '/conclusion',
          message: 'is required when status is completed or completed_at is set'
        }
      ]
    })
  }
  return undefined
}

function applyUpdate(ctx: RouteContext, run: CheckRunState, body: CheckRunBody): void {
  if (body.name !== undefined) run.name = body.name
  if (body.details_url !== undefined) run.details_url = body.details_url
  if (body.external_id !== undefined) run.external_id = body.external_id
  if (body.started_at !== undefined) run.started_at = body.started_at
  if (body.status !== undefined) run.status = body.status
  if (body.conclusion !== undefined) {
    // "Providing `conclusion` will automatically set the `status` parameter to `completed`."
    run.conclusion = body.conclusion
    run.status = 'completed'
    run.completed_at = body.completed_at ?? ctx.state.now()
  }
  const output = body.output
  if (output === undefined) return
  run.output = {
    title: output.title ?? null,
    summary: output.summary ?? null,
    text: output.text ?? null
  }
  if (output.annotations && output.annotations.length > 0) {
    run.annotations.push(...output.annotations)
    run.annotationBatches.push(output.annotations.length)
  }
}

export const CHECK_RUN_ROUTES: Record<string, Handler> = {
  'POST /repos/{owner}/{repo}/check-runs': createCheckRun,
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}': getCheckRun,
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': updateCheckRun,
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': listAnnotations
}
