import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js'
import { createTestOctokit, rejectionOf } from './clients.js'
import { assertConformingResponses, makeZip } from './test-helpers.js'

describe('fake GitHub releases', () => {
  let fake: FakeGitHub
  let octokit: ReturnType<typeof createTestOctokit>
  let stable: number
  let draft: number
  const tgz = Buffer.from('pretend this is a tarball \u0000\u00ff', 'latin1')
  let zip: Buffer

  beforeAll(async () => {
    fake = await startFakeGitHub({ checkResponses: true })
    octokit = createTestOctokit(fake)
    zip = await makeZip({ 'dist/index.js': 'console.log(1)\n' })
    stable = fake.addRelease({
      tag: 'v1.0.0',
      assets: [{ name: 'pkg-1.0.0.tgz', data: tgz, contentType: 'application/gzip' }]
    })
    fake.addRelease({ tag: 'release/1.1', assets: [] })
    fake.addRelease({ tag: 'v1.2.0-rc.1', prerelease: true, assets: [] })
    draft = fake.addRelease({
      tag: 'v2.0.0',
      draft: true,
      assets: [{ name: 'dist.zip', data: zip }]
    })
  })
  afterEach(() => assertConformingResponses(fake))
  afterAll(() => fake.close())

  it('lists every release newest first, drafts included', async () => {
    const releases = await octokit.paginate(octokit.rest.repos.listReleases, {
      owner: fake.owner,
      repo: fake.repo,
      per_page: 2
    })
    expect(releases.map((r) => [r.tag_name, r.draft, r.prerelease])).toEqual([
      ['v2.0.0', true, false],
      ['v1.2.0-rc.1', false, true],
      ['release/1.1', false, false],
      ['v1.0.0', false, false]
    ])
    expect(releases[0].published_at).toBeNull()
    expect(releases[3].assets.map((a) => [a.name, a.size, a.content_type])).toEqual([
      ['pkg-1.0.0.tgz', tgz.length, 'application/gzip']
    ])
  })

  it('finds the latest release (not draft, not prerelease) and published releases by tag, slashes included', async () => {
    const { owner, repo } = fake
    expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.tag_name).toBe(
      'release/1.1'
    )
    expect((await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.0.0' })).data.id).toBe(
      stable
    )
    expect(
      (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'release/1.1' })).data.tag_name
    ).toBe('release/1.1')
    expect(
      (await rejectionOf(octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v2.0.0' }))).status
    ).toBe(404)
    expect(
      (await octokit.rest.repos.getRelease({ owner, repo, release_id: draft })).data.draft
    ).toBe(true)
    expect(
      (await rejectionOf(octokit.rest.repos.getRelease({ owner, repo, release_id: 1 }))).status
    ).toBe(404)
  })

  it("downloads a draft's asset: JSON by default, bytes through a 302 with Accept: application/octet-stream", async () => {
    const { owner, repo } = fake
    const assets = await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
      owner,
      repo,
      release_id: draft
    })
    expect(assets.map((a) => a.name)).toEqual(['dist.zip'])
    const meta = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: assets[0].id })
    expect(meta.data).toMatchObject({
      name: 'dist.zip',
      size: zip.length,
      content_type: 'application/octet-stream'
    })

    fake.requests.length = 0
    const download = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: assets[0].id,
      headers: { accept: 'application/octet-stream' }
    })
    expect(Buffer.from(download.data as unknown as ArrayBuffer)).toEqual(zip)
    expect(fake.requests.map((r) => `${r.status} ${r.route}`)).toEqual([
      '302 GET /repos/{owner}/{repo}/releases/assets/{asset_id}',
      '200 GET /blob/{blob_id}'
    ])
  })

  it('answers 404 for another repository and for an asset id that is a release id', async () => {
    const other = await rejectionOf(
      octokit.rest.repos.listReleases({ owner: fake.owner, repo: 'elsewhere' })
    )
    expect(other).toMatchObject({ status: 404, data: { message: 'Not Found' } })
    const mixedUp = await rejectionOf(
      octokit.rest.repos.getReleaseAsset({ owner: fake.owner, repo: fake.repo, asset_id: stable })
    )
    expect(mixedUp.status).toBe(404)
  })
})
