import type { RuleOptions } from '../engine/rule.js'
import type { SourcesSetting } from '../policy/schema.js'
import { hashTrackedFiles } from '../sources/tracked-files.js'

/**
 * Turns the `sources` setting into what the source-map rule needs. `public` (or `auto` in a
 * public repository) hashes the files git tracks in `cwd`, so embedded sources the world already
 * has can be told from those it does not; without a checkout they keep their severity.
 */
export async function resolveSources(
  setting: SourcesSetting | undefined,
  context: { cwd: string; isRepositoryPublic?: () => Promise<boolean | undefined> },
  warnings: string[]
): Promise<RuleOptions> {
  if (setting === undefined || setting === 'private') return { sources: 'private' }
  if (setting === 'auto') {
    const isPublic = await context.isRepositoryPublic?.()
    if (isPublic === undefined) {
      warnings.push(
        'sources: auto could not tell whether the repository is public, so embedded sources are treated as private'
      )
    }
    if (isPublic !== true) return { sources: 'private' }
  }
  const publicSources = await hashTrackedFiles(context.cwd)
  if (!publicSources) {
    warnings.push(
      `sources: public compares embedded sources with the files git tracks, but ${context.cwd} is not a git checkout (actions/checkout first); embedded sources keep their severity`
    )
    return { sources: 'public' }
  }
  return { sources: 'public', publicSources }
}
