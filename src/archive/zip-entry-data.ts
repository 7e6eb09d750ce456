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
 * The functions below also run inside the inflate worker, which is built from their source text:
 * they must stay self-contained (no imports, no names from outside, zlib passed in).
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

/**
 * Inflates raw deflate data into `out` and answers how many bytes it wrote (all of `out` when the
 * data holds more), or why it cannot.
 */
export type Inflate = (compressed: Buffer, out: Buffer) => number | DataFailure

/** What `createInflater` uses of a zlib stream: the parts Node's own synchronous calls use. */
interface InflateEngine {
  _handle?: {
    writeSync?: (
      flush: number,
      input: Buffer,
      inputOffset: number,
      inputLength: number,
      output: Buffer,
      outputOffset: number,
      outputLength: number
    ) => void
    reset(): void
  } | null
  /** `[output bytes left, input bytes left]` after each write. */
  _writeState?: Uint32Array
  destroyed: boolean
  errored: Error | null
  on(event: 'error', listener: () => void): unknown
}

/**
 * An inflater that keeps one zlib engine for every member and writes into the caller's buffer, as
 * `zlib.inflateRawSync` does inside: that call builds a stream object per member and copies its
 * output, which over 20,000 small members was a third of the inflating. The engine is reset after
 * each member and replaced after a failure (zlib closes it). Where the engine lacks the parts
 * Node's synchronous calls use (another runtime), each member goes through `inflateRawSync`.
 */
export function createInflater(z: typeof zlib): Inflate {
  let engine: InflateEngine | undefined
  return (compressed, out) => {
    if (engine === undefined) {
      engine = z.createInflateRaw()
      engine.on('error', () => undefined) // read from `errored` below; the event would be uncaught
    }
    const handle = engine._handle
    const state = engine._writeState
    if (typeof handle?.writeSync !== 'function' || !ArrayBuffer.isView(state)) {
      try {
        const data = z.inflateRawSync(compressed, { maxOutputLength: out.length })
        return data.copy(out)
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string }
        if (code === 'ERR_BUFFER_TOO_LARGE') return out.length
        return { code: 'corrupt', detail: String(message) }
      }
    }
    handle.writeSync(z.constants.Z_FINISH, compressed, 0, compressed.length, out, 0, out.length)
    if (engine.destroyed) {
      const detail = String(engine.errored?.message)
      engine = undefined
      return { code: 'corrupt', detail }
    }
    handle.reset()
    return out.length - state[0]
  }
}

/**
 * Inflates (or takes) the data, never past the declared size, and checks its CRC-32. Inflated
 * bytes go to `allocate(declared size + 1)`, the extra byte to see whether the data runs over.
 */
export function decodeData(
  z: typeof zlib,
  inflate: Inflate,
  compressed: Buffer,
  job: DataJob,
  allocate: (bytes: number) => Buffer = (bytes) => Buffer.allocUnsafe(bytes)
): DataResult {
  let data: Buffer
  const size = job.uncompressedSize
  if (job.method === 0) {
    if (job.compressedSize !== size) return { failure: { code: 'stored-sizes' } }
    data = compressed
  } else if (job.method === 8) {
    const out = allocate(size + 1)
    const written = inflate(compressed, out)
    if (typeof written !== 'number') return { failure: written }
    if (written > size) return { failure: { code: 'too-large' } }
    if (written !== size) return { failure: { code: 'size', actual: written } }
    data = out.subarray(0, size)
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
