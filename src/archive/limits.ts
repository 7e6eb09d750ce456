/** Bounds on what one audit unpacks; exceeding one is an `archive/limit` finding, not a crash. */
export interface Limits {
  /** How deep archives nest inside archives (the artifact itself is depth 0). */
  maxDepth: number
  /** Entries across the whole artifact, nested ones included. */
  maxEntries: number
  /** Uncompressed bytes read across the whole artifact. */
  maxTotalBytes: number
  /** Uncompressed bytes of one entry; larger entries are listed but not read. */
  maxEntryBytes: number
  /** Uncompressed ÷ compressed size of one zip entry or one gzip stream. */
  maxRatio: number
}

const MiB = 1024 * 1024
const GiB = 1024 * MiB

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 5,
  maxEntries: 200_000,
  maxTotalBytes: 4 * GiB,
  maxEntryBytes: 512 * MiB,
  maxRatio: 200
}
