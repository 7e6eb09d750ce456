import type { EntryKind } from '../engine/entry.js'
import { formatBytes } from '../util/format.js'
import { RATIO_CHECK_MIN_BYTES } from './decompress.js'
import type { Member, MemberProblem, SpecialKind } from './emit-member.js'
import { specialFileProblem, tooLargeProblem } from './emit-member.js'
import { describeUnsafePath } from './entry-paths.js'
import type { Limits } from './limits.js'
import type { Scope } from './walk-context.js'
import type { DataJob } from './zip-entry-data.js'
import type { ZipDirectory, ZipRecord } from './zip-directory.js'

const ENCRYPTED_FLAG = 0x0001
const MAX_LINK_TARGET_BYTES = 4096

/** The data job of each record whose content is to be read (undefined for the others), in order. */
export function planJobs(
  directory: ZipDirectory,
  fileSize: number,
  limits: Limits
): Array<DataJob | undefined> {
  const bounds = dataBounds(directory, fileSize)
  return directory.records.map((record) => {
    if (blockingProblem(record, kindOf(record), limits) !== 'none') return undefined
    const { localHeaderOffset } = record
    return dataJob(
      record,
      bounds.after(localHeaderOffset),
      bounds.shared.has(localHeaderOffset),
      fileSize
    )
  })
}

/** What reading `record`'s data takes, its data bounded by `limit`. */
export function dataJob(
  record: ZipRecord,
  limit: number,
  shared: boolean,
  fileSize: number
): DataJob {
  return {
    localHeaderOffset: record.localHeaderOffset,
    compressedSize: record.compressedSize,
    uncompressedSize: record.uncompressedSize,
    method: record.method,
    crc32: record.crc32,
    limit,
    shared,
    fileSize
  }
}

type Blocker = 'none' | 'not-data' | 'encrypted' | 'long-link' | 'too-large' | 'ratio'

/** What keeps a record's data from being read, checked once while planning and once when emitting. */
function blockingProblem(record: ZipRecord, kind: EntryKind, limits: Limits): Blocker {
  if (kind !== 'file' && kind !== 'symlink') return 'not-data'
  if (record.flags & ENCRYPTED_FLAG) return 'encrypted'
  if (kind === 'symlink')
    return record.uncompressedSize > MAX_LINK_TARGET_BYTES ? 'long-link' : 'none'
  if (Math.max(record.uncompressedSize, record.compressedSize) > limits.maxEntryBytes)
    return 'too-large'
  const ratio = record.uncompressedSize / Math.max(1, record.compressedSize)
  if (record.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > limits.maxRatio) return 'ratio'
  return 'none'
}

/** The member as the record describes it, with the problem that rules out reading its data. */
export async function describeMember(record: ZipRecord, scope: Scope): Promise<Member> {
  const member = describeSafeMember(record, scope)
  if (describeUnsafePath(record.name)) member.unsafeReason = await validateZipName(record.name)
  return member
}

/** `describeMember` without a promise, for a record whose name `describeUnsafePath` passes. */
export function describeSafeMember(record: ZipRecord, scope: Scope): Member {
  const kind = kindOf(record)
  const member: Member = { name: record.name, kind, size: record.uncompressedSize }
  const special = ZIP_SPECIAL[(record.externalAttributes >>> 16) & 0o170000]
  if (kind === 'other' && special) member.problems = [specialFileProblem(record.name, special)]
  const { limits } = scope.ctx
  const blocker = blockingProblem(record, kind, limits)
  if (blocker === 'none' || blocker === 'not-data') return member
  const largest = Math.max(record.uncompressedSize, record.compressedSize)
  const ratio = record.uncompressedSize / Math.max(1, record.compressedSize)
  const problem: Record<Exclude<Blocker, 'none' | 'not-data'>, () => MemberProblem> = {
    encrypted: () => ({
      rule: 'archive/encrypted',
      message: `entry '${record.name}' is encrypted; its content could not be audited`
    }),
    'long-link': () => ({
      rule: 'archive/unreadable',
      message: `symlink '${record.name}' has a ${formatBytes(record.uncompressedSize)} target, too long to be a path; it was not read`
    }),
    'too-large': () => tooLargeProblem(scope, record.name, largest),
    ratio: () => ({
      rule: 'archive/limit',
      message: `entry '${record.name}' would expand ${Math.round(ratio)}× (${formatBytes(record.compressedSize)} to ${formatBytes(record.uncompressedSize)}), over the compression-ratio limit of ${limits.maxRatio}×; its content was not inspected`,
      details: {
        limit: 'maxRatio',
        max: limits.maxRatio,
        compressed: record.compressedSize,
        uncompressed: record.uncompressedSize
      }
    })
  }
  member.problems = [problem[blocker]()]
  return member
}

function kindOf(record: ZipRecord): EntryKind {
  if (record.name.endsWith('/')) return 'directory'
  const type = (record.externalAttributes >>> 16) & 0o170000
  if (type === 0o120000) return 'symlink'
  if (type === 0o040000) return 'directory'
  return ZIP_SPECIAL[type] ? 'other' : 'file'
}

/** Unix file types in the high bits of a zip record's external attributes. */
const ZIP_SPECIAL: Record<number, SpecialKind | undefined> = {
  0o010000: 'FIFO',
  0o020000: 'character device',
  0o060000: 'block device',
  0o140000: 'socket'
}

/** yauzl's wording of an unsafe name; loaded only when one turns up (it costs ~40 ms to load). */
async function validateZipName(name: string): Promise<string | undefined> {
  const { default: yauzl } = await import('yauzl')
  return yauzl.validateFileName(name) ?? undefined
}

interface Bounds {
  /** Where the next member (or the central directory, or the file) starts after a local header. */
  after(offset: number): number
  /** Local header offsets claimed by more than one record. */
  shared: Set<number>
}

function dataBounds(directory: ZipDirectory, fileSize: number): Bounds {
  const offsets = directory.records.map((r) => r.localHeaderOffset)
  offsets.push(directory.directoryOffset, fileSize)
  offsets.sort((a, b) => a - b)
  const shared = new Set<number>()
  for (let i = 1; i < offsets.length; i++) if (offsets[i] === offsets[i - 1]) shared.add(offsets[i])
  return {
    shared,
    after(offset) {
      let low = 0
      let high = offsets.length - 1
      while (low < high) {
        const mid = (low + high) >> 1
        if (offsets[mid] > offset) high = mid
        else low = mid + 1
      }
      return offsets[low] > offset ? offsets[low] : fileSize
    }
  }
}
