/** What the archive walker yields for every member of an artifact, at any nesting depth. */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other'

export interface Entry {
  /** Name of the top-level artifact this entry belongs to. */
  artifact: string
  /**
   * Path inside the artifact as stored; members of nested archives are joined with `!/`,
   * e.g. `inner.tgz!/package/dist/cli.js`.
   */
  path: string
  /** Nesting depth: 0 for members of the artifact itself, 1 inside an archive inside it, … */
  depth: number
  /** Uncompressed size in bytes as declared by the container. */
  size: number
  kind: EntryKind
  /** Target of a symlink or hard link, raw as stored. */
  linkTarget?: string
}

/** A regular file whose content has been read into memory (bounded by the per-entry limit). */
export interface FileEntry extends Entry {
  kind: 'file'
  content: Buffer
}
