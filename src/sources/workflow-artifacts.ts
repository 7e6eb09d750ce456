import { DefaultArtifactClient } from '@actions/artifact'
import { mkdtemp, readdir } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import type { ArtifactInput } from '../engine/artifact.js'

export interface OtherRun {
  runId: number
  owner: string
  repo: string
  token: string
}

/** No artifact matched what was asked for; the message lists the names that do exist. */
export class ArtifactNotFoundError extends Error {
  override name = 'ArtifactNotFoundError'
}

/**
 * Lists the artifacts of this run (or of `otherRun`), keeps those matching `patterns` (all when
 * empty), and downloads each one raw (never unzipped by the library) into its own folder under
 * `tempDir`. Every pattern must match something: a typo must not turn into an empty, passing audit.
 */
export async function downloadWorkflowArtifacts(
  patterns: readonly string[],
  tempDir: string,
  otherRun?: OtherRun
): Promise<ArtifactInput[]> {
  const client = new DefaultArtifactClient()
  const findBy = otherRun
    ? {
        findBy: {
          token: otherRun.token,
          workflowRunId: otherRun.runId,
          repositoryOwner: otherRun.owner,
          repositoryName: otherRun.repo
        }
      }
    : {}
  const { artifacts } = await client.listArtifacts({ latest: true, ...findBy })
  const where = otherRun
    ? `run ${otherRun.runId} of ${otherRun.owner}/${otherRun.repo}`
    : 'this run'
  const selected = selectArtifacts(artifacts, patterns, where)

  const inputs: ArtifactInput[] = []
  for (const artifact of selected) {
    const dir = await mkdtemp(path.join(tempDir, 'artifact-'))
    await client.downloadArtifact(artifact.id, { path: dir, skipDecompress: true, ...findBy })
    const [file] = await readdir(dir)
    if (file === undefined) throw new Error(`artifact '${artifact.name}' downloaded as nothing`)
    inputs.push({
      name: artifact.name,
      source: `workflow artifact ${artifact.id} (${where})`,
      input: { kind: 'file', path: path.join(dir, file) }
    })
  }
  return inputs
}

export function selectArtifacts<T extends { name: string }>(
  artifacts: readonly T[],
  patterns: readonly string[],
  where: string
): T[] {
  const available = artifacts.map((a) => a.name).sort()
  if (artifacts.length === 0) {
    throw new ArtifactNotFoundError(
      `${where} has no artifacts; upload them (actions/upload-artifact) before this step, or use 'path'`
    )
  }
  if (patterns.length === 0) return [...artifacts].sort(byName)
  const selected = new Set<T>()
  for (const pattern of patterns) {
    const matches = picomatch(pattern, { dot: true })
    const found = artifacts.filter((a) => matches(a.name))
    if (found.length === 0) {
      throw new ArtifactNotFoundError(
        `no artifact named '${pattern}' in ${where}; available: ${available.join(', ')}`
      )
    }
    found.forEach((a) => selected.add(a))
  }
  return [...selected].sort(byName)
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}
