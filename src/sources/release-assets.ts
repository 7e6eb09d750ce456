import { createWriteStream } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { pipeline } from 'node:stream/promises'
import type { ArtifactInput } from '../engine/artifact.js'
import type { GitHubClient } from '../github/client.js'

export class ReleaseNotFoundError extends Error {
  override name = 'ReleaseNotFoundError'
}

interface ReleaseRef {
  owner: string
  repo: string
  /** A tag name, `draft` (the newest draft release) or `latest` (the latest published release). */
  release: string
}

interface Release {
  id: number
  tag_name: string
  draft: boolean
  name?: string | null
}

/**
 * Downloads every asset of a release (drafts included, so a workflow can audit before it
 * publishes) from the asset endpoint with the token, streaming each to its own file.
 */
export async function downloadReleaseAssets(
  client: GitHubClient,
  ref: ReleaseRef,
  tempDir: string
): Promise<ArtifactInput[]> {
  const release = await findRelease(client, ref)
  const assets = await client.paginate(client.rest.repos.listReleaseAssets, {
    owner: ref.owner,
    repo: ref.repo,
    release_id: release.id,
    per_page: 100
  })
  const label = `release ${release.tag_name}${release.draft ? ' (draft)' : ''}`
  if (assets.length === 0) {
    throw new ReleaseNotFoundError(`${label} of ${ref.owner}/${ref.repo} has no assets to audit`)
  }
  const inputs: ArtifactInput[] = []
  for (const asset of assets) {
    const dir = await mkdtemp(path.join(tempDir, 'asset-'))
    const file = path.join(dir, path.basename(asset.name) || `asset-${asset.id}`)
    const response = await client.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner: ref.owner,
      repo: ref.repo,
      asset_id: asset.id,
      headers: { accept: 'application/octet-stream' },
      request: { parseSuccessResponseBody: false }
    })
    const body = response.data as unknown as WebReadableStream<Uint8Array>
    await pipeline(Readable.fromWeb(body), createWriteStream(file))
    inputs.push({
      name: asset.name,
      source: `${label} asset ${asset.id}`,
      input: { kind: 'file', path: file }
    })
  }
  return inputs
}

async function findRelease(client: GitHubClient, ref: ReleaseRef): Promise<Release> {
  const where = `${ref.owner}/${ref.repo}`
  if (ref.release === 'latest') {
    try {
      return (await client.rest.repos.getLatestRelease({ owner: ref.owner, repo: ref.repo })).data
    } catch (error) {
      throw notFound(error, `${where} has no published release`)
    }
  }
  const releases = await client.paginate(client.rest.repos.listReleases, {
    owner: ref.owner,
    repo: ref.repo,
    per_page: 100
  })
  const match =
    ref.release === 'draft'
      ? releases.find((r) => r.draft)
      : releases.find((r) => r.tag_name === ref.release)
  if (!match) {
    const tags = releases.map((r) => `${r.tag_name}${r.draft ? ' (draft)' : ''}`)
    throw new ReleaseNotFoundError(
      ref.release === 'draft'
        ? `${where} has no draft release; releases: ${tags.join(', ') || 'none'}`
        : `${where} has no release tagged '${ref.release}'; releases: ${tags.join(', ') || 'none'}`
    )
  }
  return match
}

function notFound(error: unknown, message: string): Error {
  return (error as { status?: number }).status === 404
    ? new ReleaseNotFoundError(message)
    : (error as Error)
}
