import type { Handler, Reply, RouteContext } from '../router.js'
import { readRuntimeToken } from '../runtime-token.js'
import type { StoredArtifact } from '../state.js'

// The Actions results service as @actions/artifact 6.x calls it: Twirp over JSON, proto field
// names in snake_case, int64 as strings, wrappers (StringValue/Int64Value) as bare values.

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService'
const TWIRP_STATUS: Record<string, number> = {
  malformed: 400,
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  internal: 500,
  unavailable: 503
}

export function twirpError(code: string, msg: string): Reply {
  return { status: TWIRP_STATUS[code] ?? 500, json: { code, msg } }
}

/** The Twirp error code for an HTTP status (for `failNext` on a Twirp route). */
export function twirpCodeFor(status: number): string {
  return (
    Object.entries(TWIRP_STATUS).find(([, s]) => s === status)?.[0] ??
    (status >= 500 ? 'internal' : 'unknown')
  )
}

interface RunScopedBody {
  workflow_run_backend_id?: unknown
  workflow_job_run_backend_id?: unknown
}

/**
 * The bearer token must be a runtime token for this run, and the body must name the same
 * backend IDs as the token; undefined when all is well.
 */
export function checkTwirpCaller(ctx: RouteContext): Reply | undefined {
  const header = ctx.headers.authorization ?? ''
  const ids = header.startsWith('Bearer ')
    ? readRuntimeToken(header.slice('Bearer '.length))
    : undefined
  if (ids === undefined)
    return twirpError('unauthenticated', 'missing or invalid ACTIONS_RUNTIME_TOKEN')
  if (ids.runBackendId !== ctx.state.runBackendId || ids.jobBackendId !== ctx.state.jobBackendId) {
    return twirpError('unauthenticated', 'runtime token is not for this workflow run')
  }
  const body = ctx.body as RunScopedBody | undefined
  if (typeof body !== 'object' || body === null)
    return twirpError('malformed', 'request body is not a JSON object')
  if (
    body.workflow_run_backend_id !== ids.runBackendId ||
    body.workflow_job_run_backend_id !== ids.jobBackendId
  ) {
    return twirpError(
      'permission_denied',
      'backend IDs in the request do not match the runtime token'
    )
  }
  return undefined
}

function monolith(ctx: RouteContext, a: StoredArtifact): Record<string, unknown> {
  return {
    workflow_run_backend_id: ctx.state.runBackendId,
    workflow_job_run_backend_id: ctx.state.jobBackendId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.size),
    created_at: a.createdAt,
    digest: a.digest
  }
}

const listArtifacts: Handler = (ctx) => {
  const body = ctx.body as { name_filter?: unknown; id_filter?: unknown }
  if (body.name_filter !== undefined && typeof body.name_filter !== 'string') {
    return twirpError('malformed', 'name_filter must be a string')
  }
  // protojson writes int64 as a string and also accepts a number.
  const rawId = body.id_filter
  const idFilter =
    typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined
  if (
    (rawId !== undefined && idFilter === undefined) ||
    (idFilter !== undefined && !/^\d+$/.test(idFilter))
  ) {
    return twirpError('malformed', 'id_filter must be an int64')
  }
  const artifacts = [...ctx.state.artifacts.values()]
    .filter((a) => a.runId === ctx.state.runId)
    .filter((a) => body.name_filter === undefined || a.name === body.name_filter)
    .filter((a) => idFilter === undefined || String(a.id) === idFilter)
    .sort((a, b) => a.id - b.id)
  return { status: 200, json: { artifacts: artifacts.map((a) => monolith(ctx, a)) } }
}

const getSignedArtifactUrl: Handler = (ctx) => {
  const { name } = ctx.body as { name?: unknown }
  if (typeof name !== 'string' || name === '')
    return twirpError('invalid_argument', 'name is required')
  const artifact = [...ctx.state.artifacts.values()]
    .filter((a) => a.runId === ctx.state.runId && a.name === name)
    .sort((a, b) => b.id - a.id)[0]
  if (artifact === undefined)
    return twirpError('not_found', `artifact '${name}' not found in this run`)
  return { status: 200, json: { signed_url: ctx.state.blobUrl(artifact.blobId) } }
}

export const TWIRP_ROUTES: Record<string, Handler> = {
  [`POST ${SERVICE}/ListArtifacts`]: listArtifacts,
  [`POST ${SERVICE}/GetSignedArtifactURL`]: getSignedArtifactUrl
}
