import type { Finding } from '../engine/finding.js'

/** Where a finding can be shown in the repository (annotations, SARIF locations). */
export interface Anchor {
  path: string
  line: number
  /** True when `path` is the file the finding is about; false for a fallback such as package.json. */
  exact: boolean
}

export type AnchorResolver = (finding: Finding) => Anchor

const NPM_ROOT = /^package\//

/**
 * Maps an artifact path to a repository file when one exists (`package/dist/cli.js` →
 * `dist/cli.js`, `app.zip!/lib/a.js` → `lib/a.js`), else to the first existing fallback (the
 * policy file, package.json, action.yml). GitHub only renders annotations on repo-relative paths.
 */
export function createAnchorResolver(
  exists: (repoPath: string) => boolean,
  fallbacks: readonly string[]
): AnchorResolver {
  const fallback = fallbacks.find(exists) ?? fallbacks[0] ?? 'package.json'
  return (finding) => {
    for (const candidate of repoCandidates(finding.path)) {
      if (exists(candidate)) return { path: candidate, line: finding.line ?? 1, exact: true }
    }
    return { path: fallback, line: 1, exact: false }
  }
}

function repoCandidates(artifactPath: string): string[] {
  const inner = artifactPath.split('!/').at(-1) ?? ''
  if (!inner || inner.startsWith('/') || inner.split('/').includes('..')) return []
  const clean = inner.replace(/^\.\//, '')
  const candidates = [clean.replace(NPM_ROOT, '')]
  const withoutFirst = clean.split('/').slice(1).join('/')
  if (withoutFirst && !candidates.includes(withoutFirst)) candidates.push(withoutFirst)
  return candidates.filter((c) => c.length > 0 && !c.endsWith('/'))
}
