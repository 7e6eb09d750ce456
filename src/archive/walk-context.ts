import type { Entry, FileEntry } from '../engine/entry.js'
import type { Severity } from '../engine/finding.js'
import { formatBytes, formatCount } from '../util/format.js'
import type { ByteSource } from './byte-source.js'
import type { ArchiveFormat } from './detect-format.js'
import type { Limits } from './limits.js'

export type ArchiveRule =
  | 'archive/unsafe-path'
  | 'archive/unsafe-link'
  | 'archive/unreadable'
  | 'archive/encrypted'
  | 'archive/limit'
  | 'archive/unsupported'
  | 'archive/special-file'

export interface ArchiveProblem {
  rule: ArchiveRule
  /** Entry path ('' = the artifact itself); members of nested archives are joined with `!/`. */
  path: string
  message: string
  details?: Record<string, unknown>
  /** Set only where the walker knows better than the rule's default (e.g. zstd on an old Node). */
  severity?: Severity
}

export interface WalkStats {
  /** Regular files at every depth. */
  files: number
  /** Their uncompressed bytes. */
  bytes: number
  /** Every entry emitted (files, directories, links, others). */
  entries: number
}

/** A read that could not finish: the walker reports it and keeps what it already had. */
export class ArchiveReadError extends Error {
  constructor(
    readonly rule: ArchiveRule,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'ArchiveReadError'
  }
}

/** An exception thrown by the caller's own callback: passed through, never taken for bad content. */
export class CallbackError extends Error {
  constructor(readonly original: unknown) {
    super('onEntry/onProblem callback failed')
    this.name = 'CallbackError'
  }
}

/** One container being walked: where its members go and how to name it in problems. */
export interface Scope {
  ctx: WalkContext
  /** Prepended to member names: '' at the top, `outer.tgz!/` inside a nested archive. */
  prefix: string
  /** Depth of this container's members. */
  depth: number
  /** Path of the container itself for problems ('' for the artifact). */
  where: string
  /** The container's file name (basename), e.g. to name the payload of a lone `.gz`. */
  name: string
}

export type OpenArchive = (source: ByteSource, format: ArchiveFormat, scope: Scope) => Promise<void>

/** Limits, counters and the two callbacks shared by every container of one artifact. */
export class WalkContext {
  readonly stats: WalkStats = { files: 0, bytes: 0, entries: 0 }
  stopped = false
  private bytesRead = 0

  constructor(
    /** Name of the top-level artifact, stamped on every entry. */
    readonly artifact: string,
    readonly limits: Limits,
    readonly openArchive: OpenArchive,
    private readonly onEntry: (entry: Entry | FileEntry) => void,
    private readonly onProblem: (problem: ArchiveProblem) => void
  ) {}

  report(
    rule: ArchiveRule,
    path: string,
    message: string,
    details?: Record<string, unknown>
  ): void {
    this.onProblem({ rule, path, message, ...(details ? { details } : {}) })
  }

  problem(problem: ArchiveProblem): void {
    this.onProblem(problem)
  }

  /** Counts one more entry; past `maxEntries` the whole walk stops with one problem. */
  admitEntry(path: string): boolean {
    if (this.stopped) return false
    if (this.stats.entries < this.limits.maxEntries) return true
    this.stop(
      path,
      `more than ${formatCount(this.limits.maxEntries)} entries; the walk stopped here and the rest was not audited`,
      { limit: 'maxEntries', max: this.limits.maxEntries }
    )
    return false
  }

  /** Counts bytes about to be read; past `maxTotalBytes` the whole walk stops with one problem. */
  admitBytes(path: string, bytes: number): boolean {
    if (this.stopped) return false
    if (this.bytesRead + bytes <= this.limits.maxTotalBytes) {
      this.bytesRead += bytes
      return true
    }
    this.stop(
      path,
      `reading ${formatBytes(bytes)} more would pass the limit of ${formatBytes(this.limits.maxTotalBytes)} uncompressed in total; the walk stopped here and the rest was not audited`,
      { limit: 'maxTotalBytes', max: this.limits.maxTotalBytes, read: this.bytesRead }
    )
    return false
  }

  emit(entry: Entry | FileEntry): void {
    this.stats.entries++
    if (entry.kind === 'file') {
      this.stats.files++
      this.stats.bytes += 'content' in entry ? entry.content.length : entry.size
    }
    try {
      this.onEntry(entry)
    } catch (error) {
      throw new CallbackError(error)
    }
  }

  private stop(path: string, message: string, details: Record<string, unknown>): void {
    this.stopped = true
    this.report('archive/limit', path, message, details)
  }
}
