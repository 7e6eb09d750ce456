import type { RandomAccess } from './byte-source.js'
import type { ZipRecord } from './zip-directory.js'
import { isLocalHeaderAt, LOCAL_HEADER_BYTES as HEADER_BYTES } from './zip-entry-data.js'
import { decodeZipName } from './zip-names.js'

const LOCAL_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04])
/** Of a gap between members, at most this much is searched for hidden headers. */
const GAP_SEARCH_BYTES = 16 * 1024 * 1024
const MAX_NAME_BYTES = 4096
const METHODS = new Set([0, 8, 9, 12, 14, 93, 95, 99])

export interface UnlistedEntry {
  /** What its local header says, in the shape of a directory record. */
  record: ZipRecord
  /** Where the gap it was found in ends: its data cannot reach past that. */
  end: number
}

type Read = (offset: number, length: number) => Buffer | Promise<Buffer>

/**
 * Local headers in the gaps between the members the central directory lists (and before the
 * directory itself). `unzip` and this audit go by the directory, but extractors that stream
 * through local headers (Java's `ZipInputStream`, streaming unzip libraries) extract every
 * entry they meet, so an unlisted one would ship unaudited.
 */
export async function findUnlistedEntries(
  reader: RandomAccess,
  records: readonly ZipRecord[],
  directoryOffset: number
): Promise<UnlistedEntry[]> {
  const data = reader.data
  // in memory, every read is a slice: no promise per member (20,000 of them cost ~40 ms)
  const read: Read = data
    ? (offset, length) => data.subarray(offset, offset + length)
    : (offset, length) => reader.read(offset, length)
  const ordered = isAscending(records)
    ? records
    : [...records].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
  const found: UnlistedEntry[] = []
  let from = 0
  for (let i = 0; i <= ordered.length; i++) {
    const start = i < ordered.length ? ordered[i].localHeaderOffset : directoryOffset
    // a data descriptor (at most 24 bytes) fits in a smaller gap; a local header does not
    if (start - from > HEADER_BYTES) found.push(...(await searchGap(read, from, start)))
    if (i === ordered.length) break
    const lengths = data
      ? headerLengths(data, start)
      : headerLengths(await read(start, HEADER_BYTES), 0)
    from = Math.max(from, start + HEADER_BYTES + lengths + ordered[i].compressedSize)
  }
  return found
}

function isAscending(records: readonly ZipRecord[]): boolean {
  for (let i = 1; i < records.length; i++) {
    if (records[i].localHeaderOffset < records[i - 1].localHeaderOffset) return false
  }
  return true
}

/** Name and extra-field lengths of the local header at `at`; 0 where there is none. */
function headerLengths(bytes: Buffer, at: number): number {
  if (!isLocalHeaderAt(bytes, at)) return 0
  return (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8))
}

async function searchGap(read: Read, from: number, to: number): Promise<UnlistedEntry[]> {
  const gap = await read(from, Math.min(to - from, GAP_SEARCH_BYTES))
  const found: UnlistedEntry[] = []
  let at = gap.indexOf(LOCAL_SIGNATURE)
  while (at !== -1) {
    const record = await readLocalRecord(read, from + at)
    if (record !== undefined) found.push({ record, end: to })
    at = gap.indexOf(LOCAL_SIGNATURE, at + 4)
  }
  return found
}

/** The entry the bytes at `offset` describe, if they read as a real local header. */
async function readLocalRecord(read: Read, offset: number): Promise<ZipRecord | undefined> {
  const header = await read(offset, HEADER_BYTES)
  if (header.length < HEADER_BYTES) return undefined
  const nameBytes = header.readUInt16LE(26)
  const method = header.readUInt16LE(8)
  if (header.readUInt16LE(4) > 63 || !METHODS.has(method)) return undefined
  if (nameBytes === 0 || nameBytes > MAX_NAME_BYTES) return undefined
  const rawName = await read(offset + HEADER_BYTES, nameBytes)
  if (rawName.length < nameBytes || rawName.includes(0)) return undefined
  const flags = header.readUInt16LE(6)
  return {
    name: decodeZipName(rawName, flags, Buffer.alloc(0)),
    rawName,
    flags,
    method,
    crc32: header.readUInt32LE(14),
    compressedSize: header.readUInt32LE(18),
    uncompressedSize: header.readUInt32LE(22),
    localHeaderOffset: offset,
    externalAttributes: 0
  }
}
