/** An entry path split for matching: the components of its last `!/` segment, normalised. */
export interface EntryPathParts {
  /** Everything up to and including the last `!/` (the containing archives), or ''. */
  readonly outer: string
  /** Components of the last segment: `\` read as `/`, empty and `.` components dropped. */
  readonly components: readonly string[]
  /** Last component. */
  readonly name: string
  /** Last component, lower-cased. */
  readonly lowerName: string
}

// The private-file and secret rules both split each entry's path, one right after the other.
let lastPath: string | undefined
let lastParts: EntryPathParts | undefined

export function splitEntryPath(path: string): EntryPathParts {
  if (path === lastPath && lastParts !== undefined) return lastParts
  const cut = path.lastIndexOf('!/')
  const outer = cut === -1 ? '' : path.slice(0, cut + 2)
  const last = path.slice(outer.length)
  // Runs for every entry: a plain split, unless there are backslashes, `//`, `/./` or edge slashes.
  let components = last.includes('\\') ? last.split(/[/\\]/) : last.split('/')
  if (components.includes('') || components.includes('.'))
    components = components.filter((c) => c !== '' && c !== '.')
  const name = components.at(-1) ?? ''
  lastPath = path
  lastParts = { outer, components, name, lowerName: name.toLowerCase() }
  return lastParts
}

/** Whether the path ends with these components (`['.aws', 'credentials']`), case-insensitive. */
export function endsWithComponents(parts: EntryPathParts, tail: readonly string[]): boolean {
  const offset = parts.components.length - tail.length
  return (
    offset >= 0 &&
    tail.every((c, i) => parts.components[offset + i].toLowerCase() === c.toLowerCase())
  )
}

/** The folder path (with outer archives and a trailing `/`) of the first `depth` components. */
export function folderPath(parts: EntryPathParts, depth: number): string {
  return `${parts.outer}${parts.components.slice(0, depth).join('/')}/`
}

/** Whether the entry sits inside a `node_modules` folder (a dependency's file, not the project's). */
export function isInDependency(parts: EntryPathParts): boolean {
  return parts.components.slice(0, -1).includes('node_modules')
}
