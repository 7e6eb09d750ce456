import { notFound, paginate } from '../replies.js'
import type { Handler } from '../router.js'
import { repoApi } from '../shapes.js'
import type { FakeState, StoredArtifact } from '../state.js'

const RETENTION_MS = 90 * 24 * 3600 * 1000
const HEAD_SHA = 'f'.repeat(40)

export function artifactJson(state: FakeState, a: StoredArtifact): Record<string, unknown> {
  const url = `${repoApi(state)}/actions/artifacts/${a.id}`
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.size,
    url,
    archive_download_url: `${url}/zip`,
    expired: false,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    expires_at: new Date(Date.parse(a.createdAt) + RETENTION_MS)
      .toISOString()
      .replace('.000Z', 'Z'),
    digest: a.digest,
    workflow_run: {
      id: a.runId,
      repository_id: 9100001,
      head_repository_id: 9100001,
      head_branch: 'main',
      head_sha: HEAD_SHA
    }
  }
}

const listRunArtifacts: Handler = (ctx) => {
  const runId = Number(ctx.params.run_id)
  const newestFirst = ctx.query.direction !== 'asc'
  const all = [...ctx.state.artifacts.values()]
    .filter((a) => a.runId === runId && (ctx.query.name === undefined || a.name === ctx.query.name))
    .sort(
      (a, b) => (a.createdAt.localeCompare(b.createdAt) || a.id - b.id) * (newestFirst ? -1 : 1)
    )
  const { page, headers } = paginate(ctx, all)
  return {
    status: 200,
    json: { total_count: all.length, artifacts: page.map((a) => artifactJson(ctx.state, a)) },
    headers
  }
}

const getArtifact: Handler = (ctx) => {
  const artifact = ctx.state.artifacts.get(Number(ctx.params.artifact_id))
  return artifact ? { status: 200, json: artifactJson(ctx.state, artifact) } : notFound(ctx)
}

/** 302 to the signed blob URL, which is what @actions/artifact insists on (it asks with redirect: manual). */
const downloadArtifact: Handler = (ctx) => {
  const artifact = ctx.state.artifacts.get(Number(ctx.params.artifact_id))
  if (artifact === undefined || ctx.params.archive_format !== 'zip') return notFound(ctx)
  return { status: 302, headers: { location: ctx.state.blobUrl(artifact.blobId) } }
}

export const ARTIFACT_ROUTES: Record<string, Handler> = {
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': listRunArtifacts,
  'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}': getArtifact,
  'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}': downloadArtifact
}
