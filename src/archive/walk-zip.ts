import zlib from 'node:zlib'
import type { ByteSource, RandomAccess } from './byte-source.js'
import { cacheHeaderReads, openRandomAccess } from './byte-source.js'
import type { Member } from './emit-member.js'
import { addProblem, startMember } from './emit-member.js'
import { allocateShareable } from './decompress.js'
import { describeUnsafePath } from './entry-paths.js'
import { InflateWorker, READ_HERE, toSharedBuffer } from './inflate-worker.js'
import type { Scope } from './walk-context.js'
import type { DataJob, DataResult } from './zip-entry-data.js'
import {
  createInflater,
  decodeData,
  describeFailure,
  LOCAL_HEADER_BYTES,
  locateData
} from './zip-entry-data.js'
import type { ZipDirectory, ZipRecord } from './zip-directory.js'
import { readZipDirectory, ZipFormatError } from './zip-directory.js'
import { checkLocalName, checkLocalNameAt } from './zip-local-name.js'
import type { UnlistedEntry } from './zip-unlisted.js'
import { findUnlistedEntries } from './zip-unlisted.js'
import { dataJob, describeMember, describeSafeMember, planJobs } from './zip-members.js'

/** Zips up to this size are read into memory (fast); larger ones are read entry by entry at offsets. */
export const ZIP_IN_MEMORY_MAX_BYTES = 256 * 1024 * 1024
/** Below this many members to inflate (and bytes), starting a worker costs more than it saves. */
const WORKER_MIN_JOBS = 2000
const WORKER_MIN_BYTES = 32 * 1024 * 1024
/** General-purpose bit 3: sizes and CRC follow the data instead of sitting in the local header. */
const DESCRIPTOR_FLAG = 0x0008
/** Inflates the members read on this thread; the worker has its own. */
const inflate = createInflater(zlib)

export interface ZipWalkOptions {
  inMemoryMaxBytes?: number
  /** Inflate on a worker thread: by size (`auto`), or forced either way (tests). */
  worker?: 'auto' | 'always' | 'never'
}

/** Walks a zip from its central directory, reading each member's data from its local header. */
export async function walkZip(
  source: ByteSource,
  scope: Scope,
  options: ZipWalkOptions = {}
): Promise<void> {
  const { ctx } = scope
  const reader = await openRandomAccess(source, options.inMemoryMaxBytes ?? ZIP_IN_MEMORY_MAX_BYTES)
  let worker: InflateWorker | undefined
  try {
    let directory: ZipDirectory
    try {
      directory = await readZipDirectory(reader, ctx.limits.maxEntries + 1)
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error
      ctx.report(
        'archive/unreadable',
        scope.where,
        `zip '${scope.name}' cannot be read: ${error.message}; its entries were not audited`
      )
      return
    }
    const members = reader.data
      ? reader
      : cacheHeaderReads(
          reader,
          new Set(directory.records.map((r) => r.localHeaderOffset)),
          LOCAL_HEADER_BYTES
        )
    const jobs = planJobs(directory, reader.size, scope.ctx.limits)
    const wanted = jobs.filter((job) => job !== undefined)
    if (reader.data && wantsWorker(wanted, options.worker ?? 'auto')) {
      worker = new InflateWorker(toSharedBuffer(reader.data), wanted)
    }
    let jobIndex = 0
    for (let i = 0; i < directory.records.length && !ctx.stopped; i++) {
      const record = directory.records[i]
      const member = describeUnsafePath(record.name)
        ? await describeMember(record, scope)
        : describeSafeMember(record, scope)
      const job = jobs[i]
      // a local header shared by two records is reported as an overlap, not twice
      const localName = job?.shared
        ? undefined
        : reader.data
          ? checkLocalName(reader.data, record)
          : await checkLocalNameAt(members, record)
      if (localName) addProblem(member, localName)
      if (job) {
        const index = jobIndex++
        const path = scope.prefix + record.name
        if (member.kind === 'file' && !ctx.admitBytes(path, job.uncompressedSize)) return
        const fromWorker = worker ? (worker.poll(index) ?? (await worker.result(index))) : READ_HERE
        const result = fromWorker === READ_HERE ? await readData(members, job) : fromWorker
        applyResult(member, record, job, result)
      }
      const nested = startMember(scope, member)
      if (nested) await nested
    }
    // a damaged directory is reported as such: the entries it no longer lists are not "hidden"
    if (!ctx.stopped && !directory.damage) {
      const unlisted = await findUnlistedEntries(
        members,
        directory.records,
        directory.directoryOffset
      )
      for (const hidden of unlisted) {
        if (ctx.stopped || !(await emitUnlisted(members, hidden, scope))) break
      }
    }
    if (directory.damage && !ctx.stopped) {
      ctx.report(
        'archive/unreadable',
        scope.where,
        `zip '${scope.name}': ${directory.damage}; the entries after it were not audited`
      )
    }
  } finally {
    await worker?.close()
    await reader.close()
  }
}

/**
 * Emits an entry found only through its local header, read as found there, with a problem that
 * says so. Answers false when the byte budget stops the walk.
 */
async function emitUnlisted(
  reader: RandomAccess,
  { record, end }: UnlistedEntry,
  scope: Scope
): Promise<boolean> {
  const { ctx } = scope
  const member = describeUnsafePath(record.name)
    ? await describeMember(record, scope)
    : describeSafeMember(record, scope)
  // with a data descriptor, the local header may hold no sizes: they follow the data
  const sized = !(record.flags & DESCRIPTOR_FLAG) || record.compressedSize > 0
  const audited = sized && member.kind === 'file' && member.problems === undefined
  if (audited) {
    if (!ctx.admitBytes(scope.prefix + record.name, record.uncompressedSize)) return false
    const job = dataJob(record, end, false, reader.size)
    applyResult(member, record, job, await readData(reader, job))
  }
  addProblem(member, {
    rule: 'archive/unreadable',
    message: `entry '${record.name}' (local header at byte ${record.localHeaderOffset}) is not listed in the zip's central directory: unzip skips it, extractors that stream through local headers extract it; ${audited ? 'it was audited as found there' : 'its content was not audited'}`,
    details: { unlisted: true, offset: record.localHeaderOffset }
  })
  await startMember(scope, member)
  return true
}

function wantsWorker(jobs: readonly DataJob[], mode: 'auto' | 'always' | 'never'): boolean {
  if (mode !== 'auto') return mode === 'always' && jobs.length > 0
  return (
    jobs.length >= WORKER_MIN_JOBS ||
    jobs.reduce((sum, job) => sum + job.uncompressedSize, 0) >= WORKER_MIN_BYTES
  )
}

function applyResult(member: Member, record: ZipRecord, job: DataJob, result: DataResult): void {
  if ('failure' in result) {
    addProblem(member, {
      rule: 'archive/unreadable',
      message: `entry '${record.name}' cannot be read: ${describeFailure(result.failure, job)}; its content was not inspected`
    })
    return
  }
  if (!result.crcOk) {
    addProblem(member, {
      rule: 'archive/unreadable',
      message: `entry '${record.name}' fails its CRC-32 check: the archive is corrupt; its content was inspected as found`
    })
  }
  if (member.kind === 'symlink') member.linkTarget = result.data.toString('utf8')
  else member.content = result.data
}

/** Reads one member's data on this thread (small zips, zips read at offsets, a failed worker). */
async function readData(reader: RandomAccess, job: DataJob): Promise<DataResult> {
  const start = locateData(await reader.read(job.localHeaderOffset, LOCAL_HEADER_BYTES), job)
  if (typeof start !== 'number') return { failure: start }
  const compressed = await reader.read(start, job.compressedSize)
  return decodeData(zlib, inflate, compressed, job, allocateShareable)
}
