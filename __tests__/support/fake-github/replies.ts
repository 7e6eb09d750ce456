import type { Reply, RouteContext } from './router.js'

const DEFAULT_PER_PAGE = 30
export const REST_DOCS = 'https://docs.github.com/rest'

/** GitHub's error body: `{message, documentation_url, status}` (status as a string, as GitHub sends it). */
export function githubError(
  status: number,
  message: string,
  docsUrl = REST_DOCS,
  extra: object = {}
): Reply {
  return { status, json: { message, ...extra, documentation_url: docsUrl, status: String(status) } }
}

export function notFound(ctx?: Pick<RouteContext, 'docsUrl'>): Reply {
  return githubError(404, 'Not Found', ctx?.docsUrl)
}

/** 422 for a field GitHub checks itself (beyond the schema), in its "Validation Failed" shape. */
export function validationFailed(
  ctx: RouteContext,
  resource: string,
  field: string,
  message: string
): Reply {
  return githubError(422, 'Validation Failed', ctx.docsUrl, {
    errors: [{ resource, code: 'custom', field, message }]
  })
}

/**
 * One page of `items` for `per_page`/`page`, with GitHub's `Link` header (next/last, prev/first),
 * keeping the request's other query parameters.
 */
export function paginate<T>(
  ctx: RouteContext,
  items: readonly T[]
): { page: T[]; headers: Record<string, string> } {
  const perPage = Number(ctx.query.per_page ?? DEFAULT_PER_PAGE)
  const pageNo = Number(ctx.query.page ?? 1)
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const page = items.slice((pageNo - 1) * perPage, pageNo * perPage)
  const link = (n: number, rel: string): string => {
    const url = new URL(ctx.url.href)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(n))
    return `<${url.href}>; rel="${rel}"`
  }
  const links: string[] = []
  if (pageNo > 1) links.push(link(Math.min(pageNo - 1, lastPage), 'prev'))
  if (pageNo < lastPage) links.push(link(pageNo + 1, 'next'), link(lastPage, 'last'))
  if (pageNo > 1) links.push(link(1, 'first'))
  return { page, headers: links.length > 0 ? { link: links.join(', ') } : {} }
}
