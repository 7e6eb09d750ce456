import type { Finding } from '../engine/finding.js'
import type { ArtifactSummary, ManifestEntry } from '../engine/report.js'
import type { NormalisePath } from './align-paths.js'
import { alignPaths } from './align-paths.js'
import type { BaselineThresholds } from './thresholds.js'

/** A file on one side only: its path as stored, its comparable key, and its size. */
export interface ChangedFile {
  path: string
  key: string
  bytes: number
}

export interface GrownFile {
  path: string
  key: string
  before: number
  after: number
  /** Growth in percent; Infinity when the file was empty before. */
  percent: number
}

export interface ArtifactDiff {
  added: ChangedFile[]
  removed: ChangedFile[]
  /** Files over the per-file growth threshold. */
  grown: GrownFile[]
  /** False when either side has no file list (a report written without `entries`). */
  hasFileLists: boolean
  normalise: { before: NormalisePath; after: NormalisePath }
}

/** Compares two versions of one artifact file by file, after aligning their root folders. */
export function diffArtifact(
  current: { artifact: ArtifactSummary; findings: readonly Finding[] },
  baseline: { artifact: ArtifactSummary; findings: readonly Finding[] },
  thresholds: BaselineThresholds
): ArtifactDiff {
  const before = baseline.artifact.entries
  const after = current.artifact.entries
  const normalise = alignPaths(
    pathUniverse(before, baseline.findings),
    pathUniverse(after, current.findings)
  )
  if (!before || !after)
    return { added: [], removed: [], grown: [], hasFileLists: false, normalise }

  const beforeByKey = indexByKey(before, normalise.before)
  const afterByKey = indexByKey(after, normalise.after)
  const added: ChangedFile[] = []
  const grown: GrownFile[] = []
  for (const [key, entry] of afterByKey) {
    const old = beforeByKey.get(key)
    if (!old) {
      added.push({ path: entry.path, key, bytes: entry.size })
      continue
    }
    const percent = growthPercent(old.size, entry.size)
    if (entry.size >= thresholds.minFileBytes && percent > thresholds.maxGrowthPercent.file) {
      grown.push({ path: entry.path, key, before: old.size, after: entry.size, percent })
    }
  }
  const removed: ChangedFile[] = []
  for (const [key, entry] of beforeByKey) {
    if (!afterByKey.has(key)) removed.push({ path: entry.path, key, bytes: entry.size })
  }
  return { added, removed, grown, hasFileLists: true, normalise }
}

/** (after − before) ÷ before in percent; Infinity from zero, 0 when nothing grew. */
export function growthPercent(before: number, after: number): number {
  if (after <= before) return 0
  return before === 0 ? Infinity : ((after - before) / before) * 100
}

function indexByKey(
  entries: readonly ManifestEntry[],
  normalise: NormalisePath
): Map<string, ManifestEntry> {
  const byKey = new Map<string, ManifestEntry>()
  for (const entry of entries) {
    const key = normalise(entry.path)
    if (!byKey.has(key)) byKey.set(key, entry)
  }
  return byKey
}

/** The paths that decide root folders: the file list, or finding paths when there is none. */
function pathUniverse(
  entries: readonly ManifestEntry[] | undefined,
  findings: readonly Finding[]
): string[] {
  if (entries) return entries.map((e) => e.path)
  return findings.map((f) => f.path).filter((path) => path !== '')
}
