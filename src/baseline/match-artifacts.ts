import type { ArtifactSummary } from '../engine/report.js'

export interface ArtifactPair {
  current?: ArtifactSummary
  baseline?: ArtifactSummary
}

// `1.2.0`, `v2.10`, `1.0.0-rc.1`, `3.1.4-beta2`: a release's version inside an artifact name.
const VERSION_PATTERN =
  /v?\d+(?:\.\d+)+(?:[-.]?(?:alpha|beta|rc|next|canary|dev|pre|preview|snapshot|nightly)(?:[.-]?\d+)*)?/gi

/** `pkg-1.2.0.tgz` → `pkg-#.tgz`, so consecutive releases of one artifact share a key. */
export function normaliseArtifactName(name: string): string {
  return name.replace(VERSION_PATTERN, '#')
}

function baseName(name: string): string {
  return normaliseArtifactName(name.slice(name.lastIndexOf('/') + 1))
}

/**
 * Pairs this release's artifacts with the previous release's: by exact name, then by name with
 * version numbers normalised (full name, then base name; a key must be unique on both sides),
 * or, when each side has exactly one artifact, those two. Unpaired artifacts come back with one side missing.
 */
export function matchArtifacts(
  current: readonly ArtifactSummary[],
  baseline: readonly ArtifactSummary[]
): ArtifactPair[] {
  const paired = new Map<ArtifactSummary, ArtifactSummary>()
  const left = { current: [...current], baseline: [...baseline] }
  const pairBy = (key: (name: string) => string) => {
    const currentByKey = uniqueBy(left.current, key)
    const baselineByKey = uniqueBy(left.baseline, key)
    for (const [k, artifact] of currentByKey) {
      const match = baselineByKey.get(k)
      if (match) paired.set(artifact, match)
    }
    left.current = left.current.filter((a) => !paired.has(a))
    const used = new Set(paired.values())
    left.baseline = left.baseline.filter((a) => !used.has(a))
  }
  pairBy((name) => name)
  pairBy(normaliseArtifactName)
  pairBy(baseName)
  if (current.length === 1 && baseline.length === 1 && left.current.length === 1) {
    paired.set(left.current[0], left.baseline[0])
    left.baseline = []
  }
  return [
    ...current.map((artifact) => {
      const match = paired.get(artifact)
      return match ? { current: artifact, baseline: match } : { current: artifact }
    }),
    ...left.baseline.map((artifact) => ({ baseline: artifact }))
  ]
}

function uniqueBy(
  artifacts: readonly ArtifactSummary[],
  key: (name: string) => string
): Map<string, ArtifactSummary> {
  const found = new Map<string, ArtifactSummary | null>()
  for (const artifact of artifacts) {
    const k = key(artifact.name)
    found.set(k, found.has(k) ? null : artifact)
  }
  const unique = new Map<string, ArtifactSummary>()
  for (const [k, artifact] of found) if (artifact) unique.set(k, artifact)
  return unique
}
