import { pipeline } from 'node:stream/promises'
import type { Transform } from 'node:stream'
import zlib from 'node:zlib'
import { formatBytes } from '../util/format.js'
import type { ByteSource } from './byte-source.js'
import { readChunks } from './byte-source.js'
import type { Inflow } from './gunzip-worker.js'
import { InflateStopped, gunzipInWorker } from './gunzip-worker.js'
import { ArchiveReadError } from './walk-context.js'

export type StreamFormat = 'gzip' | 'zstd'

/** Output chunk size: fewer, larger chunks make the tar parser and the copy loop cheaper. */
const OUTPUT_CHUNK_BYTES = 256 * 1024
/**
 * The ratio limit applies only past this many output bytes: a small file of repeated bytes compresses
 * far beyond any sane ratio and is no threat.
 */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024

type ZstdFactory = (options?: zlib.ZlibOptions) => Transform

/** `zlib.createZstdDecompress` exists from Node 22.15 / 23.8; older runtimes cannot read zstd. */
export function zstdFactory(): ZstdFactory | undefined {
  const factory = (zlib as unknown as Record<string, unknown>).createZstdDecompress
  return typeof factory === 'function' ? (factory as ZstdFactory) : undefined
}

/**
 * Gunzipping moves to a worker thread for files at least this large: a worker takes ~40 ms to
 * start, which a small file's whole inflating does not outweigh.
 */
export const GUNZIP_WORKER_MIN_BYTES = 4 * 1024 * 1024

/**
 * Room for `bytes` of an archive member: in shared memory when that large, so that if the member
 * is a gzip stream the gunzip worker reads it where it lies (a copy would cost its size again).
 */
export function allocateShareable(bytes: number): Buffer {
  return bytes >= GUNZIP_WORKER_MIN_BYTES
    ? Buffer.from(new SharedArrayBuffer(bytes))
    : Buffer.allocUnsafe(bytes)
}

/**
 * Decompresses a gzip or zstd source chunk by chunk, counting real bytes in and out. A stream that
 * expands past `maxRatio` (once over RATIO_CHECK_MIN_BYTES) or breaks ends the iteration with an
 * ArchiveReadError whose message says how far it got. A large gzip file, or large gzip bytes in
 * shared memory, is inflated on a worker thread (gunzipInWorker), anything else through Node's
 * streaming decompressor.
 */
export async function* decompressChunks(
  source: ByteSource,
  format: StreamFormat,
  maxRatio: number,
  workerMinBytes = GUNZIP_WORKER_MIN_BYTES
): AsyncGenerator<Buffer> {
  const streaming = (): Inflow => streamInflow(readChunks(source), format)
  const onWorker =
    format === 'gzip' &&
    source.size >= workerMinBytes &&
    (source.kind === 'file' || source.data.buffer instanceof SharedArrayBuffer)
  const inflow = onWorker
    ? gunzipInWorker(
        source.kind === 'file' ? { path: source.path } : { data: source.data },
        streaming
      )
    : streaming()
  let bytesOut = 0
  try {
    for await (const chunk of inflow.chunks) {
      bytesOut += chunk.length
      const bytesIn = Math.max(1, inflow.bytesIn())
      if (bytesOut > RATIO_CHECK_MIN_BYTES && bytesOut / bytesIn > maxRatio) {
        throw new ArchiveReadError(
          'archive/limit',
          `${format} stream expands more than ${maxRatio}× (${formatBytes(bytesIn)} became ${formatBytes(bytesOut)}), over the compression-ratio limit; the rest was not inspected`,
          { limit: 'maxRatio', max: maxRatio, bytesIn, bytesOut }
        )
      }
      yield chunk
    }
  } catch (error) {
    if (isZlibError(error)) {
      throw new ArchiveReadError('archive/unreadable', describeFailure(format, error, bytesOut))
    }
    if (error instanceof InflateStopped) {
      throw new ArchiveReadError(
        'archive/unreadable',
        `${format} stream not read to its end (${error.message}); only the first ${formatBytes(bytesOut)} of its content could be inspected`
      )
    }
    throw error
  } finally {
    await inflow.chunks.return(undefined)
  }
}

/** Node's streaming decompressor over `input`. */
function streamInflow(input: AsyncIterable<Buffer>, format: StreamFormat): Inflow {
  const stream = createDecompressor(format)
  const pumping = pipeline(input, stream).catch(() => undefined) // failures surface through the reads
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield* stream as AsyncIterable<Buffer>
    } finally {
      stream.destroy()
      await pumping
    }
  }
  return {
    chunks: chunks(),
    bytesIn: () => (stream as unknown as { bytesWritten: number }).bytesWritten
  }
}

function createDecompressor(format: StreamFormat): Transform {
  if (format === 'gzip') return zlib.createGunzip({ chunkSize: OUTPUT_CHUNK_BYTES })
  const factory = zstdFactory()
  if (!factory)
    throw new ArchiveReadError('archive/unsupported', 'zstd is not available in this Node.js')
  return factory({ chunkSize: OUTPUT_CHUNK_BYTES })
}

// duck-typed: errors made by Node's zlib may come from another realm (jest's vm), failing instanceof
function isZlibError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null | undefined)?.code
  return typeof code === 'string' && /^(Z_|ZSTD_)/.test(code)
}

/**
 * Node's streaming zlib drops the output chunk it was filling when it fails (the gunzip worker
 * does not), so the bytes counted here are the ones that really reached the walker.
 */
function describeFailure(format: StreamFormat, error: Error, bytesOut: number): string {
  const inspected = `only the first ${formatBytes(bytesOut)} of its content could be inspected`
  if (/unexpected end of file/i.test(error.message)) {
    return `truncated ${format} stream after ${formatBytes(bytesOut)}; ${inspected}`
  }
  if (bytesOut > 0 && /incorrect header check/i.test(error.message)) {
    return `unexpected bytes after the end of the ${format} stream; they were not inspected, and ${inspected}`
  }
  return `corrupt ${format} stream (${error.message}); ${inspected}`
}
