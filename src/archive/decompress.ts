import { pipeline } from 'node:stream/promises'
import type { Transform } from 'node:stream'
import zlib from 'node:zlib'
import { formatBytes } from '../util/format.js'
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
 * Decompresses a gzip or zstd stream chunk by chunk, counting real bytes in and out. A stream that
 * expands past `maxRatio` (once over RATIO_CHECK_MIN_BYTES) or breaks ends the iteration with an
 * ArchiveReadError whose message says how far it got.
 */
export async function* decompressChunks(
  input: AsyncIterable<Buffer>,
  format: StreamFormat,
  maxRatio: number
): AsyncGenerator<Buffer> {
  const stream = createDecompressor(format)
  const pumping = pipeline(input, stream).catch(() => undefined) // failures surface through the reads below
  let bytesOut = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesOut += chunk.length
      const bytesIn = Math.max(1, (stream as unknown as { bytesWritten: number }).bytesWritten)
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
    throw isZlibError(error)
      ? new ArchiveReadError('archive/unreadable', describeFailure(format, error, bytesOut))
      : error
  } finally {
    stream.destroy()
    await pumping
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
 * Node's zlib drops the output chunk it was filling when it fails, so the bytes counted here are
 * the ones that really reached the walker.
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
