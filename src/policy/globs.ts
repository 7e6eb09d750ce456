import picomatch from 'picomatch'

export type PathMatcher = (path: string) => boolean

/**
 * Matches entry paths the way every policy glob does: picomatch with `dot: true`, so `**`
 * covers `.env` and `.github/`, and crosses into nested archives (`a.zip!/b/c.js`). A finding
 * about a whole artifact has the path '', which only `**` matches.
 */
export function compileGlob(glob: string): PathMatcher {
  const matcher = picomatch(glob, { dot: true })
  return (path) => (path === '' ? glob === '**' : matcher(path))
}

export function compileGlobs(globs: readonly string[]): PathMatcher {
  const matchers = globs.map(compileGlob)
  return (path) => matchers.some((match) => match(path))
}

/**
 * The `allow` list: a path is expected when a glob matches it or one of the archives it sits in
 * (allowing `dist/vendor.tgz` allows what is inside), and no `!glob` matches the path itself.
 * A list of `!globs` only allows everything else.
 */
export function compileAllowList(globs: readonly string[]): PathMatcher {
  const positive = globs.filter((g) => !g.startsWith('!'))
  const negative = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1))
  const allows = compileGlobs(positive.length > 0 ? positive : ['**'])
  const excludes = compileGlobs(negative)
  return (path) => !excludes(path) && containersOf(path).some(allows)
}

/** `a.zip!/b.tgz!/c.js` → itself, then `a.zip!/b.tgz`, then `a.zip`. */
function containersOf(path: string): string[] {
  const parts = path.split('!/')
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('!/'))
}
