import type { IncomingHttpHeaders } from 'node:http'
import type { FakeState } from './state.js'

export interface Reply {
  status: number
  /** Sent as `application/json; charset=utf-8`. */
  json?: unknown
  /** Sent as is (blob downloads). */
  data?: Buffer
  headers?: Record<string, string>
}

export interface RouteContext {
  state: FakeState
  /** Path parameters, typed as the spec says (`check_run_id` is a number). */
  params: Record<string, string | number>
  query: Record<string, string>
  body: unknown
  url: URL
  headers: IncomingHttpHeaders
  /** The operation's documentation URL, for error bodies. */
  docsUrl: string
}

export type Handler = (ctx: RouteContext) => Reply

/** `rest`: GitHub REST, token + spec validation; `twirp`: Actions results service; `blob`: signed storage. */
export type RouteKind = 'rest' | 'twirp' | 'blob'

export interface Route {
  key: string
  kind: RouteKind
  method: string
  segments: string[]
  /** The last parameter may span several segments (GitHub's `x-multi-segment`, e.g. `{tag}`). */
  multiSegmentLast: boolean
  handler: Handler
}

export interface RouteMatch {
  route: Route
  rawParams: Record<string, string>
}

export function defineRoute(
  key: string,
  kind: RouteKind,
  handler: Handler,
  multiSegmentLast = false
): Route {
  const [method, template] = key.split(' ')
  return { key, kind, method, segments: template.split('/').slice(1), multiSegmentLast, handler }
}

/** `POST /repos/{o}/{r}/check-runs` and `POST /repos/{owner}/{repo}/check-runs` name the same route. */
export function normaliseRouteKey(key: string): string {
  return key.trim().replace(/\{[^}]*\}/g, '{}')
}

/**
 * Routes whose template fits `method pathname`, most literal segments first (so `releases/latest`
 * wins over `releases/{release_id}`). The caller takes the first whose parameters type-check.
 */
export function matchRoutes(
  routes: readonly Route[],
  method: string,
  pathname: string
): RouteMatch[] {
  const parts = splitPath(pathname)
  if (parts === undefined) return []
  const matches: { match: RouteMatch; literals: number }[] = []
  for (const route of routes) {
    if (route.method !== method) continue
    const rawParams = matchSegments(route, parts)
    if (rawParams !== undefined) {
      const literals = route.segments.filter((s) => !s.startsWith('{')).length
      matches.push({ match: { route, rawParams }, literals })
    }
  }
  return matches.sort((a, b) => b.literals - a.literals).map((m) => m.match)
}

function splitPath(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .slice(1)
      .map((s) => decodeURIComponent(s))
  } catch {
    return undefined // malformed percent-encoding
  }
}

function matchSegments(route: Route, parts: string[]): Record<string, string> | undefined {
  const { segments } = route
  const spans = route.multiSegmentLast && parts.length > segments.length
  if (parts.length !== segments.length && !spans) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    const isLast = i === segments.length - 1
    const part = isLast && spans ? parts.slice(i).join('/') : parts[i]
    if (segment.startsWith('{')) {
      if (part === '') return undefined
      params[segment.slice(1, -1)] = part
    } else if (segment !== part) {
      return undefined
    }
  }
  return params
}
