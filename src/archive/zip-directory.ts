import type { RandomAccess } from './byte-source.js'
import { decodeZipName, findExtraField } from './zip-names.js'

/** One central-directory record: what the zip says about a member. */
export interface ZipRecord {
  name: string
  rawName: Buffer
  flags: number
  method: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
  externalAttributes: number
}

export interface ZipDirectory {
  records: ZipRecord[]
  /** Where the central directory starts: the end of the member data. */
  directoryOffset: number
  /** Set when the directory breaks off part-way; `records` holds what came before. */
  damage?: string
}

/** The zip cannot be listed at all (no or unreadable end-of-central-directory record). */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError'
}

const EOCD_SIGNATURE = 0x06054b50
const EOCD_BYTES = 22
const MAX_COMMENT_BYTES = 0xffff
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_LOCATOR_BYTES = 20
const ZIP64_EOCD_SIGNATURE = 0x06064b50
const ZIP64_EOCD_BYTES = 56
const ZIP64_EXTRA = 0x0001
const RECORD_SIGNATURE = 0x02014b50
const RECORD_BYTES = 46

/** Reads the central directory; `maxRecords` bounds the work for a directory that claims millions. */
export async function readZipDirectory(
  reader: RandomAccess,
  maxRecords: number
): Promise<ZipDirectory> {
  const { eocdOffset, eocd } = await findEndRecord(reader)
  if (eocd.readUInt16LE(4) !== 0 || eocd.readUInt16LE(6) !== 0) {
    throw new ZipFormatError('multi-disk (spanned) zip archives are not supported')
  }
  let count = eocd.readUInt16LE(10)
  let size = eocd.readUInt32LE(12)
  let offset = eocd.readUInt32LE(16)
  const zip64 = await readZip64End(reader, eocdOffset)
  if (zip64) ({ count, size, offset } = zip64)
  if (offset + size > eocdOffset) {
    throw new ZipFormatError(
      `the central directory (${size} bytes at offset ${offset}) lies outside the file: truncated or corrupt zip`
    )
  }
  const directory = await reader.read(offset, size)
  const records: ZipRecord[] = []
  let at = 0
  for (let i = 0; i < count && records.length < maxRecords; i++) {
    if (at + RECORD_BYTES > directory.length || directory.readUInt32LE(at) !== RECORD_SIGNATURE) {
      return {
        records,
        directoryOffset: offset,
        damage: `central directory record ${i + 1} of ${count} is corrupt`
      }
    }
    const nameLength = directory.readUInt16LE(at + 28)
    const extraLength = directory.readUInt16LE(at + 30)
    const commentLength = directory.readUInt16LE(at + 32)
    const end = at + RECORD_BYTES + nameLength + extraLength + commentLength
    if (end > directory.length) {
      return {
        records,
        directoryOffset: offset,
        damage: `central directory record ${i + 1} of ${count} is cut short`
      }
    }
    records.push(parseRecord(directory, at, nameLength, extraLength))
    at = end
  }
  return { records, directoryOffset: offset }
}

function parseRecord(
  directory: Buffer,
  at: number,
  nameLength: number,
  extraLength: number
): ZipRecord {
  const flags = directory.readUInt16LE(at + 8)
  const rawName = directory.subarray(at + RECORD_BYTES, at + RECORD_BYTES + nameLength)
  const extra = directory.subarray(
    at + RECORD_BYTES + nameLength,
    at + RECORD_BYTES + nameLength + extraLength
  )
  const record: ZipRecord = {
    name: decodeZipName(rawName, flags, extra),
    rawName,
    flags,
    method: directory.readUInt16LE(at + 10),
    crc32: directory.readUInt32LE(at + 16),
    compressedSize: directory.readUInt32LE(at + 20),
    uncompressedSize: directory.readUInt32LE(at + 24),
    localHeaderOffset: directory.readUInt32LE(at + 42),
    externalAttributes: directory.readUInt32LE(at + 38)
  }
  applyZip64Extra(record, extra)
  return record
}

/** Sizes and offset saturated at 0xFFFFFFFF continue, in that order, in the zip64 extra field. */
function applyZip64Extra(record: ZipRecord, extra: Buffer): void {
  const field = findExtraField(extra, ZIP64_EXTRA)
  if (!field) return
  let at = 0
  const next = (current: number): number => {
    if (current !== 0xffffffff || at + 8 > field.length) return current
    const value = Number(field.readBigUInt64LE(at))
    at += 8
    return value
  }
  record.uncompressedSize = next(record.uncompressedSize)
  record.compressedSize = next(record.compressedSize)
  record.localHeaderOffset = next(record.localHeaderOffset)
}

async function findEndRecord(reader: RandomAccess): Promise<{ eocdOffset: number; eocd: Buffer }> {
  const tailStart = Math.max(0, reader.size - EOCD_BYTES - MAX_COMMENT_BYTES)
  const tail = await reader.read(tailStart, reader.size - tailStart)
  for (let at = tail.length - EOCD_BYTES; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue
    const commentLength = tail.readUInt16LE(at + 20)
    if (at + EOCD_BYTES + commentLength <= tail.length) {
      return { eocdOffset: tailStart + at, eocd: tail.subarray(at, at + EOCD_BYTES) }
    }
  }
  throw new ZipFormatError('no end-of-central-directory record: the zip is truncated or corrupt')
}

async function readZip64End(
  reader: RandomAccess,
  eocdOffset: number
): Promise<{ count: number; size: number; offset: number } | undefined> {
  if (eocdOffset < ZIP64_LOCATOR_BYTES) return undefined
  const locator = await reader.read(eocdOffset - ZIP64_LOCATOR_BYTES, ZIP64_LOCATOR_BYTES)
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) return undefined
  const at = Number(locator.readBigUInt64LE(8))
  const record = await reader.read(at, ZIP64_EOCD_BYTES)
  if (record.length < ZIP64_EOCD_BYTES || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
    throw new ZipFormatError('the zip64 end-of-central-directory record is missing or corrupt')
  }
  return {
    count: Number(record.readBigUInt64LE(32)),
    size: Number(record.readBigUInt64LE(40)),
    offset: Number(record.readBigUInt64LE(48))
  }
}
