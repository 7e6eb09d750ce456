import { createHash, randomBytes } from 'node:crypto'
import type { AddArtifact, AddRelease, CheckRunState, CommentState } from './types.js'

export interface StoredArtifact {
  id: number
  name: string
  runId: number
  size: number
  digest: string
  createdAt: string
  blobId: number
}

export interface StoredRelease {
  id: number
  tag: string
  name: string
  draft: boolean
  prerelease: boolean
  createdAt: string
  assetIds: number[]
}

export interface StoredAsset {
  id: number
  releaseId: number
  name: string
  contentType: string
  size: number
  digest: string
  createdAt: string
  blobId: number
}

export interface StoredBlob {
  data: Buffer
  contentType: string
  fileName: string
  sig: string
}

// Each kind of id starts in its own range, so passing a release id where an asset id belongs
// gets a 404 instead of silently hitting another object.
const FIRST_ID = {
  artifact: 1001,
  release: 2001,
  asset: 3001,
  checkRun: 4001,
  comment: 5001,
  blob: 1
}
const CLOCK_START_MS = Date.parse('2026-01-01T00:00:00Z')
export const BOT_LOGIN = 'github-actions[bot]'

/** Everything the fake knows; routes read and change it. */
export class FakeState {
  baseUrl = ''
  visibility: 'public' | 'private' = 'private'
  readonly artifacts = new Map<number, StoredArtifact>()
  readonly releases = new Map<number, StoredRelease>()
  readonly assets = new Map<number, StoredAsset>()
  readonly blobs = new Map<number, StoredBlob>()
  readonly checkRuns = new Map<number, CheckRunState>()
  readonly comments = new Map<number, CommentState>()
  private readonly next = { ...FIRST_ID }
  private clockMs = CLOCK_START_MS

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly runId: number,
    readonly runBackendId: string,
    readonly jobBackendId: string
  ) {}

  nextId(kind: keyof typeof FIRST_ID): number {
    return this.next[kind]++
  }

  /** A deterministic clock: every call is one second later, so creation order is observable. */
  now(): string {
    this.clockMs += 1000
    return new Date(this.clockMs).toISOString().replace('.000Z', 'Z')
  }

  addBlob(data: Buffer, contentType: string, fileName: string): number {
    const id = this.nextId('blob')
    this.blobs.set(id, { data, contentType, fileName, sig: randomBytes(12).toString('hex') })
    return id
  }

  /** The signed storage URL of a blob (no token needed, the `sig` is the credential). */
  blobUrl(blobId: number): string {
    const blob = this.blobs.get(blobId)
    if (blob === undefined) throw new Error(`no blob ${blobId}`)
    return `${this.baseUrl}/blob/${blobId}?sig=${blob.sig}`
  }

  addArtifact(a: AddArtifact): number {
    const id = a.id ?? this.nextId('artifact')
    if (this.artifacts.has(id)) throw new Error(`fake GitHub: artifact id ${id} already exists`)
    this.artifacts.set(id, {
      id,
      name: a.name,
      runId: a.runId ?? this.runId,
      size: a.zip.length,
      digest: sha256(a.zip),
      createdAt: this.now(),
      blobId: this.addBlob(a.zip, 'application/zip', `${a.name}.zip`)
    })
    return id
  }

  addRelease(r: AddRelease): number {
    const id = this.nextId('release')
    const createdAt = this.now()
    const assetIds = r.assets.map((asset) => {
      const assetId = this.nextId('asset')
      const contentType = asset.contentType ?? 'application/octet-stream'
      this.assets.set(assetId, {
        id: assetId,
        releaseId: id,
        name: asset.name,
        contentType,
        size: asset.data.length,
        digest: sha256(asset.data),
        createdAt,
        blobId: this.addBlob(asset.data, contentType, asset.name)
      })
      return assetId
    })
    this.releases.set(id, {
      id,
      tag: r.tag,
      name: r.name ?? r.tag,
      draft: r.draft ?? false,
      prerelease: r.prerelease ?? false,
      createdAt,
      assetIds
    })
    return id
  }

  addComment(issue: number, body: string, user = BOT_LOGIN): number {
    const id = this.nextId('comment')
    const at = this.now()
    this.comments.set(id, { id, issue, body, user, created_at: at, updated_at: at })
    return id
  }
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}
