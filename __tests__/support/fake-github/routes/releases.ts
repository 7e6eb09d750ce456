import { notFound, paginate } from '../replies.js'
import type { Handler, RouteContext } from '../router.js'
import { repoApi, repoWeb, userJson } from '../shapes.js'
import { BOT_LOGIN, type FakeState, type StoredAsset, type StoredRelease } from '../state.js'

// The token is treated as having push access, so drafts are listed (GitHub hides them otherwise).

function assetJson(state: FakeState, a: StoredAsset): Record<string, unknown> {
  const release = state.releases.get(a.releaseId)!
  return {
    url: `${repoApi(state)}/releases/assets/${a.id}`,
    browser_download_url: `${repoWeb(state)}/releases/download/${encodeURIComponent(release.tag)}/${encodeURIComponent(a.name)}`,
    id: a.id,
    node_id: `RA_${Buffer.from(String(a.id)).toString('base64url')}`,
    name: a.name,
    label: '',
    state: 'uploaded',
    content_type: a.contentType,
    size: a.size,
    digest: a.digest,
    download_count: 0,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    uploader: userJson(state, BOT_LOGIN)
  }
}

function releaseJson(state: FakeState, r: StoredRelease): Record<string, unknown> {
  const url = `${repoApi(state)}/releases/${r.id}`
  const tagPath = r.draft ? `untagged-${r.id}` : `tag/${encodeURIComponent(r.tag)}`
  return {
    url,
    html_url: `${repoWeb(state)}/releases/${tagPath}`,
    assets_url: `${url}/assets`,
    upload_url: `https://uploads.github.com/repos/${state.owner}/${state.repo}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${repoApi(state)}/tarball/${encodeURIComponent(r.tag)}`,
    zipball_url: `${repoApi(state)}/zipball/${encodeURIComponent(r.tag)}`,
    id: r.id,
    node_id: `RE_${Buffer.from(String(r.id)).toString('base64url')}`,
    tag_name: r.tag,
    target_commitish: 'main',
    name: r.name,
    body: null,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    published_at: r.draft ? null : r.createdAt,
    author: userJson(state, BOT_LOGIN),
    assets: r.assetIds.map((id) => assetJson(state, state.assets.get(id)!))
  }
}

function newestFirst(state: FakeState): StoredRelease[] {
  return [...state.releases.values()].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id
  )
}

function found(ctx: RouteContext, release: StoredRelease | undefined): ReturnType<Handler> {
  return release ? { status: 200, json: releaseJson(ctx.state, release) } : notFound(ctx)
}

const listReleases: Handler = (ctx) => {
  const { page, headers } = paginate(ctx, newestFirst(ctx.state))
  return { status: 200, json: page.map((r) => releaseJson(ctx.state, r)), headers }
}

/** The most recent published, non-prerelease release. */
const getLatestRelease: Handler = (ctx) =>
  found(
    ctx,
    newestFirst(ctx.state).find((r) => !r.draft && !r.prerelease)
  )

/** "Get a published release with the specified tag name": drafts are not found by tag. */
const getReleaseByTag: Handler = (ctx) =>
  found(
    ctx,
    newestFirst(ctx.state).find((r) => !r.draft && r.tag === ctx.params.tag)
  )

const getRelease: Handler = (ctx) =>
  found(ctx, ctx.state.releases.get(Number(ctx.params.release_id)))

const listReleaseAssets: Handler = (ctx) => {
  const release = ctx.state.releases.get(Number(ctx.params.release_id))
  if (release === undefined) return notFound(ctx)
  const { page, headers } = paginate(ctx, release.assetIds)
  return {
    status: 200,
    json: page.map((id) => assetJson(ctx.state, ctx.state.assets.get(id)!)),
    headers
  }
}

/** JSON by default; with `Accept: application/octet-stream`, a 302 to the asset's storage URL. */
const getReleaseAsset: Handler = (ctx) => {
  const asset = ctx.state.assets.get(Number(ctx.params.asset_id))
  if (asset === undefined) return notFound(ctx)
  if (/application\/octet-stream/i.test(ctx.headers.accept ?? '')) {
    return { status: 302, headers: { location: ctx.state.blobUrl(asset.blobId) } }
  }
  return { status: 200, json: assetJson(ctx.state, asset) }
}

export const RELEASE_ROUTES: Record<string, Handler> = {
  'GET /repos/{owner}/{repo}/releases': listReleases,
  'GET /repos/{owner}/{repo}/releases/latest': getLatestRelease,
  'GET /repos/{owner}/{repo}/releases/tags/{tag}': getReleaseByTag,
  'GET /repos/{owner}/{repo}/releases/{release_id}': getRelease,
  'GET /repos/{owner}/{repo}/releases/{release_id}/assets': listReleaseAssets,
  'GET /repos/{owner}/{repo}/releases/assets/{asset_id}': getReleaseAsset
}
