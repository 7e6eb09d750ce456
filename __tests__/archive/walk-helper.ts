import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ArtifactInput } from '../../src/engine/artifact.js'
import type { Entry, FileEntry } from '../../src/engine/entry.js'
import type { Limits } from '../../src/archive/limits.js'
import { DEFAULT_LIMITS } from '../../src/archive/limits.js'
import type { ArchiveProblem, WalkStats } from '../../src/archive/walk.js'
import { walkArtifact } from '../../src/archive/walk.js'

export interface Walked {
  entries: Array<Entry | FileEntry>
  problems: ArchiveProblem[]
  stats: WalkStats
  /** Entries and problems interleaved in the order they were reported. */
  events: string[]
}

export async function walkInput(
  input: ArtifactInput['input'],
  name = 'artifact',
  limits: Partial<Limits> = {}
): Promise<Walked> {
  const entries: Array<Entry | FileEntry> = []
  const problems: ArchiveProblem[] = []
  const events: string[] = []
  const stats = await walkArtifact(
    { name, source: 'test', input },
    { ...DEFAULT_LIMITS, ...limits },
    (entry) => {
      entries.push(entry)
      events.push(`${entry.kind} ${entry.path}`)
    },
    (problem) => {
      problems.push(problem)
      events.push(`${problem.rule} ${problem.path}`)
    }
  )
  return { entries, problems, stats, events }
}

export function walkBuffer(
  data: Buffer,
  name = 'artifact',
  limits: Partial<Limits> = {}
): Promise<Walked> {
  return walkInput({ kind: 'buffer', data }, name, limits)
}

/** `kind path` per entry, in walk order. */
export function listing(walked: Walked): string[] {
  return walked.entries.map((entry) => `${entry.kind} ${entry.path}`)
}

/** `rule path` per problem. */
export function problemList(walked: Walked): string[] {
  return walked.problems.map((problem) => `${problem.rule} ${problem.path}`)
}

export function contentOf(walked: Walked, path: string): string | undefined {
  const entry = walked.entries.find((e) => e.path === path)
  return entry && 'content' in entry ? entry.content.toString('utf8') : undefined
}

/** Runs `use` with a fresh temp folder and removes it afterwards. */
export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'release-audit-walk-'))
  try {
    return await use(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
