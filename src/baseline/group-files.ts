/** Above this many changed files of one kind in one artifact, findings are grouped by top folder. */
export const MAX_UNGROUPED_FILES = 20
export const SAMPLES_PER_GROUP = 5

const LEVEL_SEPARATOR = '!/'

/** A file as stored (`path`) and as compared (`key`, root folders removed). */
export interface KeyedFile {
  path: string
  key: string
}

export interface FileGroup<T extends KeyedFile> {
  files: T[]
  /** Where the group sits, as stored in the artifact (`package/dist/`, `package/inner.tgz`). */
  path: string
  /** How the place is named in messages: `dist/`, `inner.tgz`, or `the top level`. */
  where: string
  /** Up to SAMPLES_PER_GROUP comparable paths. */
  samples: string[]
}

/**
 * Files sorted by path, each alone when there are at most MAX_UNGROUPED_FILES, otherwise one
 * group per top-level folder (a folder with a single changed file still stands alone).
 */
export function groupByTopFolder<T extends KeyedFile>(files: readonly T[]): (T | FileGroup<T>)[] {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  if (sorted.length <= MAX_UNGROUPED_FILES) return sorted
  const groups = new Map<string, T[]>()
  for (const file of sorted) {
    const top = topOf(file.key).key
    const group = groups.get(top)
    if (group) group.push(file)
    else groups.set(top, [file])
  }
  return [...groups.values()].map((group) => (group.length === 1 ? group[0] : describeGroup(group)))
}

export function isGroup<T extends KeyedFile>(item: T | FileGroup<T>): item is FileGroup<T> {
  return 'files' in item && Array.isArray(item.files)
}

function describeGroup<T extends KeyedFile>(files: T[]): FileGroup<T> {
  const first = files[0]
  const top = topOf(first.key)
  return {
    files,
    path: storedPrefix(first) + top.display,
    where: top.key === '' ? 'the top level' : top.display,
    samples: files.slice(0, SAMPLES_PER_GROUP).map((f) => f.key)
  }
}

/**
 * The top-level folder a comparable path sits in (`dist` for `dist/a/b.js`, the archive for
 * `inner.tgz!/x.js`), or '' for a file at the top level; `display` is how it is shown.
 */
export function topOf(key: string): { key: string; display: string } {
  const separator = key.indexOf(LEVEL_SEPARATOR)
  const outer = separator === -1 ? key : key.slice(0, separator)
  const slash = outer.indexOf('/')
  if (slash > 0) return { key: outer.slice(0, slash), display: `${outer.slice(0, slash)}/` }
  if (separator !== -1) return { key: outer, display: outer }
  return { key: '', display: '' }
}

/** The root folder the stored path had before alignment removed it (`package/`), or ''. */
function storedPrefix(file: KeyedFile): string {
  const storedOuter = file.path.split(LEVEL_SEPARATOR)[0]
  const keyOuter = file.key.split(LEVEL_SEPARATOR)[0]
  return storedOuter.endsWith(keyOuter)
    ? storedOuter.slice(0, storedOuter.length - keyOuter.length)
    : ''
}
