import { createReadStream } from 'node:fs'
import { open, readFile, stat } from 'node:fs/promises'

/** Bytes to walk: a member already in memory, or a file read in chunks or at offsets. */
export type ByteSource =
  { kind: 'buffer'; data: Buffer; size: number } | { kind: 'file'; path: string; size: number }

/**
 * Sequential read size: large enough that per-chunk overhead vanishes, small enough that a chunk
 * is consumed before the next young collection (see collectGarbage): a 1 MiB chunk of gzip input
 * outlived two, was moved to the old generation and stayed resident until a full collection.
 */
export const READ_CHUNK_BYTES = 256 * 1024

export function bufferSource(data: Buffer): ByteSource {
  return { kind: 'buffer', data, size: data.length }
}

/** Throws the I/O error (ENOENT, EISDIR…) of the input itself: that is a usage problem, not a finding. */
export async function fileSource(path: string): Promise<ByteSource> {
  const info = await stat(path)
  if (!info.isFile()) throw new Error(`${path} is not a regular file`)
  return { kind: 'file', path, size: info.size }
}

export async function readHead(source: ByteSource, length: number): Promise<Buffer> {
  if (source.kind === 'buffer') return source.data.subarray(0, length)
  const handle = await open(source.path, 'r')
  try {
    const head = Buffer.alloc(Math.min(length, source.size))
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

export function readChunks(source: ByteSource): AsyncIterable<Buffer> {
  if (source.kind === 'file')
    return createReadStream(source.path, { highWaterMark: READ_CHUNK_BYTES })
  return sliceBuffer(source.data)
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator keeps one chunk type for both kinds
async function* sliceBuffer(data: Buffer): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < data.length; offset += READ_CHUNK_BYTES) {
    yield data.subarray(offset, offset + READ_CHUNK_BYTES)
  }
}

/** Reads a whole source into memory (callers bound `source.size` first). */
export async function readWhole(source: ByteSource): Promise<Buffer> {
  return source.kind === 'buffer' ? source.data : readFile(source.path)
}

/** A file read into shared memory, so a worker thread can read it too without a copy. */
async function readShared(path: string, size: number): Promise<Buffer> {
  const data = Buffer.from(new SharedArrayBuffer(size))
  const handle = await open(path, 'r')
  try {
    let filled = 0
    while (filled < size) {
      const { bytesRead } = await handle.read(data, filled, size - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return data.subarray(0, filled)
  } finally {
    await handle.close()
  }
}

/** Positional reads, for zip: the central directory first, then each member where it says. */
export interface RandomAccess {
  size: number
  /** The whole source, when it is held in memory. */
  data?: Buffer
  /** Up to `length` bytes at `offset`; shorter at the end of the source. */
  read(offset: number, length: number): Promise<Buffer>
  close(): Promise<void>
}

export async function openRandomAccess(
  source: ByteSource,
  inMemoryMaxBytes: number
): Promise<RandomAccess> {
  if (source.kind === 'buffer' || source.size <= inMemoryMaxBytes) {
    const data = source.kind === 'buffer' ? source.data : await readShared(source.path, source.size)
    return {
      size: data.length,
      data,
      read: (offset, length) => Promise.resolve(data.subarray(offset, offset + length)),
      close: () => Promise.resolve()
    }
  }
  const handle = await open(source.path, 'r')
  return {
    size: source.size,
    async read(offset, length) {
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, source.size - offset)))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset)
      return buffer.subarray(0, bytesRead)
    },
    close: () => handle.close()
  }
}

/**
 * For a zip read at offsets: reads at the members' local headers are kept, so the checks that
 * each need a member's header (its name, where its data starts, what follows it) read it once.
 */
export function cacheHeaderReads(
  reader: RandomAccess,
  headerOffsets: ReadonlySet<number>,
  headerBytes: number
): RandomAccess {
  const kept = new Map<number, Buffer>()
  return {
    size: reader.size,
    close: () => reader.close(),
    async read(offset, length) {
      if (!headerOffsets.has(offset)) return reader.read(offset, length)
      const cached = kept.get(offset)
      if (cached && cached.length >= length) return cached.subarray(0, length)
      const bytes = await reader.read(offset, Math.max(length, headerBytes))
      kept.set(offset, bytes)
      return bytes.subarray(0, length)
    }
  }
}
