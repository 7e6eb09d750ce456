/** Separates nesting levels in entry paths: `outer.zip!/inner.tgz!/package/x.js`. */
const LEVEL_SEPARATOR = '!/'
// Levels past this stay joined, so a path from a hostile report cannot recurse without bound.
const MAX_LEVELS = 16

export type NormalisePath = (path: string) => string

/**
 * Builds, for two versions of one artifact, functions that map stored entry paths to comparable
 * ones. `./` prefixes are dropped and, at each nesting level, a root folder shared by every
 * entry of that level (`package/` in npm tarballs, `my-app-1.2.0/` in a zip of a folder) is
 * removed — on each side only where that lines the two sides up at least as well, so a folder
 * holding just `dist/` still matches a tarball's `package/dist/`.
 */
export function alignPaths(
  before: readonly string[],
  after: readonly string[]
): { before: NormalisePath; after: NormalisePath } {
  const roots = { before: new Map<string, string>(), after: new Map<string, string>() }
  decideLevel(0, '', before.map(splitLevels), after.map(splitLevels), roots)
  return {
    before: (path) => normalise(path, roots.before),
    after: (path) => normalise(path, roots.after)
  }
}

type Roots = Map<string, string>

function decideLevel(
  level: number,
  container: string,
  before: string[][],
  after: string[][],
  roots: { before: Roots; after: Roots }
): void {
  const beforeNames = before.map((parts) => parts[level])
  const afterNames = after.map((parts) => parts[level])
  const [rootBefore, rootAfter] = chooseRoots(beforeNames, afterNames)
  if (rootBefore !== undefined) roots.before.set(container, rootBefore)
  if (rootAfter !== undefined) roots.after.set(container, rootAfter)

  const nested = new Map<string, { before: string[][]; after: string[][] }>()
  const collect = (side: 'before' | 'after', list: string[][], root: string | undefined) => {
    for (const parts of list) {
      parts[level] = stripRoot(parts[level], root)
      if (parts.length <= level + 1) continue
      const key = `${container}${parts[level]}${LEVEL_SEPARATOR}`
      const group = nested.get(key) ?? { before: [], after: [] }
      group[side].push(parts)
      nested.set(key, group)
    }
  }
  collect('before', before, rootBefore)
  collect('after', after, rootAfter)
  for (const [key, group] of nested) decideLevel(level + 1, key, group.before, group.after, roots)
}

/** Of the ways to strip (or keep) each side's single root, the first with the largest overlap. */
function chooseRoots(
  before: readonly string[],
  after: readonly string[]
): [string | undefined, string | undefined] {
  const rootBefore = sharedRoot(before)
  const rootAfter = sharedRoot(after)
  const options: [string | undefined, string | undefined][] = [
    [rootBefore, rootAfter],
    [rootBefore, undefined],
    [undefined, rootAfter],
    [undefined, undefined]
  ]
  let best = options[3]
  let bestOverlap = -1
  const seen = new Set<string>()
  for (const option of options) {
    const key = JSON.stringify(option)
    if (seen.has(key)) continue
    seen.add(key)
    const afterNames = new Set(after.map((name) => stripRoot(name, option[1])))
    const overlap = countShared(
      before.map((name) => stripRoot(name, option[0])),
      afterNames
    )
    if (overlap > bestOverlap) [best, bestOverlap] = [option, overlap]
  }
  return best
}

function countShared(names: readonly string[], other: ReadonlySet<string>): number {
  let shared = 0
  for (const name of new Set(names)) if (other.has(name)) shared++
  return shared
}

/** The first folder every name sits in, when there is exactly one. */
function sharedRoot(names: readonly string[]): string | undefined {
  let root: string | undefined
  for (const name of names) {
    const slash = name.indexOf('/')
    if (slash <= 0) return undefined
    const first = name.slice(0, slash)
    if (root === undefined) root = first
    else if (first !== root) return undefined
  }
  return root
}

function stripRoot(name: string, root: string | undefined): string {
  if (root === undefined) return name
  if (name === root) return ''
  return name.startsWith(`${root}/`) ? name.slice(root.length + 1) : name
}

function splitLevels(path: string): string[] {
  const levels = path.split(LEVEL_SEPARATOR)
  if (levels.length > MAX_LEVELS) levels.push(levels.splice(MAX_LEVELS - 1).join(LEVEL_SEPARATOR))
  return levels.map(dropDotSlash)
}

function dropDotSlash(name: string): string {
  let result = name
  while (result.startsWith('./')) result = result.slice(2)
  return result
}

function normalise(path: string, roots: Roots): string {
  const levels = splitLevels(path)
  let container = ''
  const out: string[] = []
  for (const name of levels) {
    const stripped = stripRoot(name, roots.get(container))
    out.push(stripped)
    container = `${container}${stripped}${LEVEL_SEPARATOR}`
  }
  return out.join(LEVEL_SEPARATOR)
}
