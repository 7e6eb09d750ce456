import type zlib from 'node:zlib'
import { formatBytes } from '../util/format.js'

/** What reading one zip member's data needs: the record's claims plus where the next member starts. */
export interface DataJob {
  localHeaderOffset: number
  compressedSize: number
  uncompressedSize: number
  method: number
  crc32: number
  /** Where the next local header, the central directory or the file begins. */
  limit: number
  /** Another record claims the same local header. */
  shared: boolean
  fileSize: number
}

export type DataFailure =
  | { code: 'no-header' }
  | { code: 'truncated' }
  | { code: 'overlap' }
  | { code: 'stored-sizes' }
  | { code: 'too-large' }
  | { code: 'corrupt'; detail: string }
  | { code: 'size'; actual: number }
  | { code: 'method' }

export type DataResult = { data: Buffer; crcOk: boolean } | { failure: DataFailure }

export const LOCAL_HEADER_BYTES = 30

/**
 * Whether a whole local header (`PK\x03\x04`) stands at `at`. Byte by byte, with no slice or
 * bounds-checked read: the zip checks run it for every member of every zip.
 */
export function isLocalHeaderAt(bytes: Buffer, at: number): boolean {
  return (
    at + LOCAL_HEADER_BYTES <= bytes.length &&
    bytes[at] === 0x50 &&
    bytes[at + 1] === 0x4b &&
    bytes[at + 2] === 0x03 &&
    bytes[at + 3] === 0x04
  )
}

/*
 * The two functions below also run inside the inflate worker, which is built from their source
 * text: they must stay self-contained (no imports, no names from outside, zlib passed in).
 */

/** Where the member's data starts, from its 30-byte local header, or why it cannot be read. */
export function locateData(header: Buffer, job: DataJob): number | DataFailure {
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return { code: 'no-header' }
  const start = job.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  const end = start + job.compressedSize
  if (end > job.fileSize) return { code: 'truncated' }
  if (end > job.limit || job.shared) return { code: 'overlap' }
  return start
}

/** Inflates (or takes) the data, never past the declared size, and checks its CRC-32. */
export function decodeData(z: typeof zlib, compressed: Buffer, job: DataJob): DataResult {
  let data: Buffer
  const size = job.uncompressedSize
  if (job.method === 0) {
    if (job.compressedSize !== size) return { failure: { code: 'stored-sizes' } }
    data = compressed
  } else if (job.method === 8) {
    try {
      // an output buffer of exactly the declared size (+1 to see the end) spares a 16 KiB one per entry
      data = z.inflateRawSync(compressed, {
        maxOutputLength: Math.max(1, size),
        chunkSize: Math.max(64, size + 1)
      })
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string }
      if (code === 'ERR_BUFFER_TOO_LARGE') return { failure: { code: 'too-large' } }
      return { failure: { code: 'corrupt', detail: String(message) } }
    }
    if (data.length !== size) return { failure: { code: 'size', actual: data.length } }
  } else {
    return { failure: { code: 'method' } }
  }
  const crcOk = typeof z.crc32 !== 'function' || z.crc32(data) === job.crc32
  return { data, crcOk }
}

const METHOD_NAMES: Record<number, string> = {
  1: 'shrink',
  6: 'implode',
  9: 'deflate64',
  12: 'bzip2',
  14: 'LZMA',
  19: 'LZ77',
  93: 'zstd',
  95: 'xz',
  98: 'PPMd',
  99: 'AES'
}

/** Why a member's content was not read, in words. */
export function describeFailure(failure: DataFailure, job: DataJob): string {
  switch (failure.code) {
    case 'no-header':
      return `no local header at offset ${job.localHeaderOffset}`
    case 'truncated':
      return 'its data runs past the end of the file (truncated zip)'
    case 'overlap':
      return "its data overlaps another entry's (a zip-bomb technique)"
    case 'stored-sizes':
      return 'stored sizes disagree'
    case 'too-large':
      return `it inflates to more than its declared ${formatBytes(job.uncompressedSize)}`
    case 'corrupt':
      return `corrupt deflate data (${failure.detail})`
    case 'size':
      return `it inflates to ${failure.actual} bytes, not the declared ${job.uncompressedSize}`
    case 'method': {
      const name = METHOD_NAMES[job.method]
      return `unsupported compression method ${job.method}${name ? ` (${name})` : ''}`
    }
  }
}
