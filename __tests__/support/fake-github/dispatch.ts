import type { IncomingHttpHeaders } from 'node:http'
import type { SpecOperation } from './openapi-spec.js'
import {
  checkQuery,
  convertPathParams,
  validateAgainst,
  type ValidationProblem
} from './openapi-validator.js'
import { githubError, notFound, REST_DOCS } from './replies.js'
import {
  matchRoutes,
  normaliseRouteKey,
  type Reply,
  type Route,
  type RouteContext
} from './router.js'
import { checkTwirpCaller, twirpCodeFor, twirpError } from './routes/twirp.js'
import type { FakeState } from './state.js'

export interface ForcedReply {
  status: number
  remaining: number
  body?: unknown
  headers?: Record<string, string>
}

export interface DispatchDeps {
  state: FakeState
  routes: readonly Route[]
  operations: Map<string, SpecOperation>
  token: string
  /** Keyed by normalised route key (see normaliseRouteKey). */
  failures: Map<string, ForcedReply[]>
  denials: Map<string, 403 | 404>
  checkResponses: boolean
  responseProblems: string[]
}

export interface Dispatched {
  reply: Reply
  route?: Route
  /** The request body as recorded: parsed JSON, text, or undefined. */
  body: unknown
}

/** Routes one request through auth, forced failures, validation and the handler. */
export function dispatch(
  deps: DispatchDeps,
  method: string,
  url: URL,
  headers: IncomingHttpHeaders,
  raw: Buffer
): Dispatched {
  const text = raw.length > 0 ? raw.toString('utf8') : undefined
  const parsed = parseJson(text)
  const body = parsed.ok ? parsed.value : text
  const match = pickRoute(deps, method, url.pathname)
  if (match === undefined) {
    const reply = url.pathname.startsWith('/twirp/')
      ? twirpError('bad_route', `no handler for ${method} ${url.pathname}`)
      : notFound()
    return { reply, body }
  }
  const { route, params, op } = match
  const ctx: RouteContext = {
    state: deps.state,
    params,
    query: Object.fromEntries(url.searchParams),
    body: parsed.ok ? parsed.value : undefined,
    url,
    headers,
    docsUrl: op?.docsUrl ?? REST_DOCS
  }
  const reply =
    (route.kind === 'rest' ? checkRestCaller(deps, ctx, headers) : undefined) ??
    forcedReply(deps, route) ??
    checkRequest(route, ctx, op, text, parsed.ok) ??
    route.handler(ctx)
  if (deps.checkResponses && op) deps.responseProblems.push(...checkResponse(op, reply))
  return { reply, route, body }
}

interface PickedRoute {
  route: Route
  params: Record<string, string | number>
  op?: SpecOperation
}

function pickRoute(deps: DispatchDeps, method: string, pathname: string): PickedRoute | undefined {
  for (const { route, rawParams } of matchRoutes(deps.routes, method, pathname)) {
    const op = deps.operations.get(route.key)
    const params = op ? convertPathParams(op, rawParams) : rawParams
    if (params !== undefined) return { route, params, op }
  }
  return undefined
}

function checkRestCaller(
  deps: DispatchDeps,
  ctx: RouteContext,
  headers: IncomingHttpHeaders
): Reply | undefined {
  const auth = headers.authorization
  if (auth === undefined) return githubError(401, 'Requires authentication', ctx.docsUrl)
  const [scheme, credential] = auth.split(' ')
  if (!/^(token|bearer)$/i.test(scheme) || credential !== deps.token) {
    return githubError(401, 'Bad credentials', ctx.docsUrl)
  }
  const { owner, repo } = ctx.params
  const sameRepo =
    String(owner).toLowerCase() === deps.state.owner.toLowerCase() &&
    String(repo).toLowerCase() === deps.state.repo.toLowerCase()
  return sameRepo ? undefined : notFound(ctx)
}

const DEFAULT_MESSAGES: Record<number, string> = {
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'API rate limit exceeded',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}

function forcedReply(deps: DispatchDeps, route: Route): Reply | undefined {
  const key = normaliseRouteKey(route.key)
  const denied = deps.denials.get(key)
  if (denied !== undefined) return defaultError(route, denied)
  const queue = deps.failures.get(key)
  const next = queue?.[0]
  if (next === undefined) return undefined
  if (--next.remaining <= 0) queue!.shift()
  const fallback = defaultError(route, next.status)
  return {
    status: next.status,
    json: next.body === undefined ? fallback.json : next.body,
    data: next.body === undefined ? fallback.data : undefined,
    headers: next.headers
  }
}

function defaultError(route: Route, status: number): Reply {
  const message = DEFAULT_MESSAGES[status] ?? `Error ${status}`
  if (route.kind === 'twirp') return { ...twirpError(twirpCodeFor(status), message), status }
  if (route.kind === 'blob') return { status, data: Buffer.from(message) }
  return githubError(status, message)
}

function checkRequest(
  route: Route,
  ctx: RouteContext,
  op: SpecOperation | undefined,
  text: string | undefined,
  parsedOk: boolean
): Reply | undefined {
  if (route.kind === 'twirp') {
    if (!/^application\/json\b/i.test(ctx.headers['content-type'] ?? '')) {
      return twirpError('malformed', 'Content-Type must be application/json')
    }
    if (!parsedOk) return twirpError('malformed', 'the request body is not JSON')
    return checkTwirpCaller(ctx)
  }
  if (op === undefined) return undefined
  if (text !== undefined && !parsedOk) return githubError(400, 'Problems parsing JSON', ctx.docsUrl)
  const problems: ValidationProblem[] = checkQuery(op, ctx.query)
  if (op.requestBody) problems.push(...validateAgainst(op.requestBody, ctx.body ?? {}))
  if (problems.length === 0) return undefined
  return githubError(422, 'Invalid request.', ctx.docsUrl, { errors: problems })
}

function checkResponse(op: SpecOperation, reply: Reply): string[] {
  if (reply.status >= 300) return []
  if (!(String(reply.status) in op.responses))
    return [`${op.key}: status ${reply.status} is not documented`]
  const schema = op.responses[String(reply.status)]
  if (schema === undefined) return []
  return validateAgainst(schema, reply.json).map(
    (p) => `${op.key} ${reply.status}: ${p.field} ${p.message}`
  )
}

function parseJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined) return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}
