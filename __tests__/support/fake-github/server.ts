import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dispatch, type DispatchDeps, type ForcedReply } from './dispatch.js'
import { loadOperations } from './openapi-spec.js'
import { defineRoute, normaliseRouteKey, type Reply, type Route, type RouteKind } from './router.js'
import { ARTIFACT_ROUTES } from './routes/artifacts.js'
import { BLOB_ROUTES } from './routes/blob.js'
import { CHECK_RUN_ROUTES } from './routes/check-runs.js'
import { COMMENT_ROUTES } from './routes/comments.js'
import { RELEASE_ROUTES } from './routes/releases.js'
import { REPO_ROUTES } from './routes/repo.js'
import { TWIRP_ROUTES } from './routes/twirp.js'
import { runtimeToken } from './runtime-token.js'
import { FakeState } from './state.js'
import type { FakeGitHub, RecordedRequest, StartOptions } from './types.js'

const REST_ROUTES = {
  ...CHECK_RUN_ROUTES,
  ...COMMENT_ROUTES,
  ...REPO_ROUTES,
  ...ARTIFACT_ROUTES,
  ...RELEASE_ROUTES
}
const MAX_REQUEST_BYTES = 32 * 1024 * 1024
const RATE_LIMIT = 5000

/**
 * Starts the fake GitHub (REST, Actions results Twirp service, blob storage) on 127.0.0.1 with
 * an ephemeral port. REST bodies and typed parameters are validated against GitHub's OpenAPI
 * description, loaded (from a tmp cache after the first time) before the server listens.
 */
export async function startFakeGitHub(opts: StartOptions = {}): Promise<FakeGitHub> {
  const operations = await loadOperations(Object.keys(REST_ROUTES))
  const runId = opts.runId ?? 1
  const state = new FakeState(
    opts.owner ?? 'octo-org',
    opts.repo ?? 'octo-repo',
    runId,
    opts.runBackendId ?? `run-backend-${runId}`,
    opts.jobBackendId ?? `job-backend-${runId}`
  )
  const multiSegment = (key: string): boolean =>
    operations.get(key)?.parameters.some((p) => p.in === 'path' && p.multiSegment) ?? false
  const routes: Route[] = [
    ...toRoutes(REST_ROUTES, 'rest', multiSegment),
    ...toRoutes(TWIRP_ROUTES, 'twirp'),
    ...toRoutes(BLOB_ROUTES, 'blob')
  ]
  const deps: DispatchDeps = {
    state,
    routes,
    operations,
    token: opts.token ?? ['gh', 's_', randomBytes(18).toString('base64url')].join(''),
    failures: new Map(),
    denials: new Map(),
    checkResponses: opts.checkResponses ?? false,
    responseProblems: []
  }
  const requests: RecordedRequest[] = []
  let rateUsed = 0

  const server = createServer((req, res) => {
    void readBody(req).then(
      (raw) => {
        const url = new URL(req.url ?? '/', state.baseUrl)
        const method = req.method ?? 'GET'
        const query = Object.fromEntries(url.searchParams)
        try {
          const { reply, route, body } = dispatch(deps, method, url, req.headers, raw)
          requests.push({
            method,
            path: url.pathname,
            query,
            body,
            status: reply.status,
            route: route?.key
          })
          send(res, reply, route?.kind === 'rest' ? restHeaders(++rateUsed) : {})
        } catch (error) {
          // A bug in the fake, not in the caller: answer 500 and make it visible to the test.
          const message = `fake GitHub crashed on ${method} ${url.pathname}: ${String(error)}`
          deps.responseProblems.push(message)
          requests.push({ method, path: url.pathname, query, body: undefined, status: 500 })
          send(res, { status: 500, json: { message } }, {})
        }
      },
      () => send(res, { status: 413, json: { message: 'Request body too large' } }, {})
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const routeKey = (route: string): string => {
    const key = normaliseRouteKey(route)
    if (!routes.some((r) => normaliseRouteKey(r.key) === key)) {
      throw new Error(
        `fake GitHub has no route '${route}'; known: ${routes.map((r) => r.key).join(', ')}`
      )
    }
    return key
  }

  return {
    url: state.baseUrl,
    token: deps.token,
    runtimeToken: runtimeToken(state.runBackendId, state.jobBackendId),
    owner: state.owner,
    repo: state.repo,
    runId,
    requests,
    checkRuns: state.checkRuns,
    comments: state.comments,
    responseProblems: deps.responseProblems,
    addArtifact: (a) => state.addArtifact(a),
    addRelease: (r) => state.addRelease(r),
    addComment: (c) => state.addComment(c.issue, c.body, c.user),
    setRepo: (r) => {
      state.visibility = r.visibility
    },
    failNext: (route, status, times = 1, body?: unknown, headers?: Record<string, string>) => {
      const key = routeKey(route)
      const forced: ForcedReply = { status, remaining: times, body, headers }
      deps.failures.set(key, [...(deps.failures.get(key) ?? []), forced])
    },
    deny: (route, status) => {
      deps.denials.set(routeKey(route), status)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      })
  }
}

function toRoutes(
  table: Record<string, Route['handler']>,
  kind: RouteKind,
  multi?: (key: string) => boolean
): Route[] {
  return Object.entries(table).map(([key, handler]) =>
    defineRoute(key, kind, handler, multi?.(key) ?? false)
  )
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk)
    })
    // Read to the end even when too large, so the 413 can still be sent.
    req.on('end', () =>
      size > MAX_REQUEST_BYTES ? reject(new Error('too large')) : resolve(Buffer.concat(chunks))
    )
    req.on('error', reject)
  })
}

function restHeaders(used: number): Record<string, string> {
  return {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `FAKE:${used.toString(16).toUpperCase()}`,
    'x-ratelimit-limit': String(RATE_LIMIT),
    // Never 0: plugin-throttling would treat a 403 as a primary rate limit and wait.
    'x-ratelimit-remaining': String(Math.max(1, RATE_LIMIT - used)),
    'x-ratelimit-used': String(used),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core'
  }
}

function send(res: ServerResponse, reply: Reply, extra: Record<string, string>): void {
  const headers: Record<string, string> = { ...extra, ...reply.headers }
  let payload: Buffer | undefined = reply.data
  if (reply.json !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.json))
    headers['content-type'] ??= 'application/json; charset=utf-8'
  }
  headers['content-length'] = String(payload?.length ?? 0)
  res.writeHead(reply.status, headers)
  res.end(payload)
}
