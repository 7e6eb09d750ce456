import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { DefaultArtifactClient } from '@actions/artifact'
import type { getOctokit } from '@actions/github'
import {
  fakeGitHubEnv,
  runtimeToken,
  startFakeGitHub,
  type FakeGitHub
} from '../support/fake-github/index.js'
import { assertConformingResponses, makeZip } from './test-helpers.js'

// @actions/github reads GITHUB_API_URL and @actions/artifact its settings when first imported, so
// this file sets the runner environment first and imports both dynamically; it must not import
// ./clients.js (which loads @actions/github) statically. Type-only imports are erased.

const OTHER_RUN = 77
const LIST = 'POST /twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts'

describe('fake GitHub artifacts through the real @actions/artifact client', () => {
  const savedEnv = { ...process.env }
  let fake: FakeGitHub
  let client: DefaultArtifactClient
  let tmp: string
  const zips: Record<string, Buffer> = {}
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    fake = await startFakeGitHub({ checkResponses: true })
    tmp = await mkdtemp(path.join(os.tmpdir(), 'fake-github-artifacts-'))
    zips.dist = await makeZip({ 'dist/index.js': 'export {}\n', 'dist/index.js.map': '{}' })
    zips.web = await makeZip({ 'index.html': '<p>hi</p>' })
    zips.old = await makeZip({ 'old.txt': 'from another run' })
    ids.dist = fake.addArtifact({ name: 'dist', zip: zips.dist })
    ids.web = fake.addArtifact({ name: 'web app', zip: zips.web })
    ids.old = fake.addArtifact({ name: 'dist', zip: zips.old, runId: OTHER_RUN, id: 424242 })

    Object.assign(process.env, fakeGitHubEnv(fake))
    process.env.GITHUB_WORKSPACE = tmp
    client = new (await import('@actions/artifact')).DefaultArtifactClient()
    // @actions/core logs with process.stdout.write; keep the test output readable.
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterEach(() => assertConformingResponses(fake))
  afterAll(async () => {
    jest.restoreAllMocks()
    process.env = savedEnv
    await rm(tmp, { recursive: true, force: true })
    await fake.close()
  })

  const findBy = () => ({
    token: fake.token,
    workflowRunId: OTHER_RUN,
    repositoryOwner: fake.owner,
    repositoryName: fake.repo
  })

  it("lists, gets and downloads this run's artifacts over Twirp, raw, named by Content-Disposition", async () => {
    const listed = await client.listArtifacts()
    expect(listed.artifacts.map((a) => [a.name, a.id, a.size])).toEqual([
      ['dist', ids.dist, zips.dist.length],
      ['web app', ids.web, zips.web.length]
    ])
    expect((await client.getArtifact('web app')).artifact.id).toBe(ids.web)

    for (const [name, file] of [
      ['dist', 'dist.zip'],
      ['web', 'web app.zip']
    ]) {
      const dir = await mkdtemp(path.join(tmp, 'raw-'))
      await client.downloadArtifact(ids[name], { path: dir, skipDecompress: true })
      expect(await readdir(dir)).toEqual([file])
      expect(await readFile(path.join(dir, file))).toEqual(zips[name])
    }
    const lists = fake.requests.filter((r) => r.route === LIST).map((r) => r.body)
    expect(lists).toContainEqual({
      workflow_run_backend_id: 'run-backend-1',
      workflow_job_run_backend_id: 'job-backend-1',
      id_filter: String(ids.web)
    })
    expect(lists).toContainEqual(expect.objectContaining({ name_filter: 'web app' }))
  })

  it('serves the blob as application/zip, so without skipDecompress the client unzips it', async () => {
    const dir = await mkdtemp(path.join(tmp, 'unzipped-'))
    await client.downloadArtifact(ids.dist, { path: dir })
    expect(await readFile(path.join(dir, 'dist', 'index.js'), 'utf8')).toBe('export {}\n')
  })

  it("lists, gets and downloads another run's artifacts over REST with findBy", async () => {
    const listed = await client.listArtifacts({ findBy: findBy() })
    expect(listed.artifacts.map((a) => [a.name, a.id])).toEqual([['dist', ids.old]])
    expect((await client.getArtifact('dist', { findBy: findBy() })).artifact.id).toBe(ids.old)
    const dir = await mkdtemp(path.join(tmp, 'other-'))
    await client.downloadArtifact(ids.old, { path: dir, skipDecompress: true, findBy: findBy() })
    expect(await readFile(path.join(dir, 'dist.zip'))).toEqual(zips.old)
    const seen = fake.requests
      .filter((r) => r.path.includes('/actions/'))
      .map((r) => `${r.status} ${r.method} ${r.path}`)
    expect(seen).toEqual([
      `200 GET /repos/${fake.owner}/${fake.repo}/actions/runs/${OTHER_RUN}/artifacts`,
      `200 GET /repos/${fake.owner}/${fake.repo}/actions/runs/${OTHER_RUN}/artifacts`,
      `302 GET /repos/${fake.owner}/${fake.repo}/actions/artifacts/${ids.old}/zip`
    ])
  })

  it('refuses a runtime token for another run and a body whose backend IDs differ from the token', async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('someone-else', 'job')
    try {
      await expect(client.listArtifacts()).rejects.toThrow(/\(401\).*not for this workflow run/)
    } finally {
      process.env.ACTIONS_RUNTIME_TOKEN = fake.runtimeToken
    }
    const mismatch = await fetch(
      `${fake.url}/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${fake.runtimeToken}`,
          'content-type': 'application/json'
        },
        body: JSON.stringify({
          workflow_run_backend_id: 'run-backend-1',
          workflow_job_run_backend_id: 'other-job'
        })
      }
    )
    expect(mismatch.status).toBe(403)
    expect(await mismatch.json()).toMatchObject({ code: 'permission_denied' })
  })

  it('reports a missing artifact as not found, and a blob URL with a wrong signature as 403', async () => {
    const { ArtifactNotFoundError } = await import('@actions/artifact')
    await expect(client.getArtifact('nope')).rejects.toThrow(ArtifactNotFoundError)
    const github = await import('@actions/github')
    const octokit: ReturnType<typeof getOctokit> = github.getOctokit(fake.token, {
      baseUrl: fake.url
    })
    const redirect = await octokit.rest.actions.downloadArtifact({
      owner: fake.owner,
      repo: fake.repo,
      artifact_id: ids.dist,
      archive_format: 'zip',
      request: { redirect: 'manual' }
    })
    expect(redirect.status).toBe(302)
    const signed = new URL(String(redirect.headers.location))
    const good = await fetch(signed)
    expect([
      good.status,
      good.headers.get('content-type'),
      good.headers.get('content-disposition')
    ]).toEqual([200, 'application/zip', 'attachment; filename=dist.zip'])
    signed.searchParams.set('sig', 'forged')
    expect((await fetch(signed)).status).toBe(403)
  })
})
