import type { Finding } from '../engine/finding.js'

/** `path:line` as shown to people; the artifact itself when the finding has no entry path. */
export function findingLocation(finding: Pick<Finding, 'path' | 'line' | 'artifact'>): string {
  const path = finding.path || `(${finding.artifact})`
  return finding.line !== undefined ? `${path}:${finding.line}` : path
}
