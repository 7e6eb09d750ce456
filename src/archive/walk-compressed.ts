import { formatBytes } from '../util/format.js'
import type { ByteSource } from './byte-source.js'
import type { StreamFormat } from './decompress.js'
import { decompressChunks } from './decompress.js'
import { HEAD_BYTES, isEmptyTar, isTarHeader } from './detect-format.js'
import type { MemberProblem } from './emit-member.js'
import { emitMember } from './emit-member.js'
import type { Scope } from './walk-context.js'
import { ArchiveReadError } from './walk-context.js'
import { walkTar } from './walk-tar.js'

/** A gzip or zstd stream: a tar inside (`.tgz`) is walked as one, anything else is a single member. */
export async function walkCompressed(
  source: ByteSource,
  format: StreamFormat,
  scope: Scope
): Promise<void> {
  const chunks = decompressChunks(source, format, scope.ctx.limits.maxRatio)
  const { head, rest } = await peekBytes(chunks, 2 * HEAD_BYTES) // two blocks: an empty tar is two zero blocks
  if (isTarHeader(head) || isEmptyTar(head)) return walkTar(rest, scope)
  await walkSingle(rest, format, scope)
}

async function walkSingle(
  chunks: AsyncIterable<Buffer>,
  format: StreamFormat,
  scope: Scope
): Promise<void> {
  const { ctx } = scope
  const name = payloadName(scope.name)
  const max = ctx.limits.maxEntryBytes
  const parts: Buffer[] = []
  let size = 0
  let failure: ArchiveReadError | undefined
  try {
    for await (const chunk of chunks) {
      size += chunk.length
      if (size > max) break
      parts.push(chunk)
    }
  } catch (error) {
    if (!(error instanceof ArchiveReadError)) throw error
    failure = error
  }
  const problems: MemberProblem[] = []
  if (size > max) {
    problems.push({
      rule: 'archive/limit',
      message: `the ${format} payload '${name}' decompresses to more than the per-entry limit of ${formatBytes(max)}; its content was not inspected`,
      details: { limit: 'maxEntryBytes', max }
    })
    await emitMember(scope, { name, kind: 'file', size, problems })
  } else if (ctx.admitBytes(scope.prefix + name, size)) {
    await emitMember(scope, {
      name,
      kind: 'file',
      size,
      content: Buffer.concat(parts, size),
      problems
    })
  }
  if (failure) ctx.report(failure.rule, scope.where, failure.message, failure.details)
}

/** `notes.txt.gz` → `notes.txt`, `pkg.tgz` → `pkg.tar`; a name without a known suffix stays as it is. */
function payloadName(container: string): string {
  const name = container.replace(/\.(gz|gzip|z|zst|zstd)$/i, '').replace(/\.(tgz|tzst)$/i, '.tar')
  return name === '' ? container : name
}

/**
 * Reads until `length` bytes (or the end) are buffered; `rest` replays them, then continues the
 * same iteration, rethrowing a failure met while peeking once the bytes before it are consumed.
 */
async function peekBytes(
  chunks: AsyncGenerator<Buffer>,
  length: number
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const seen: Buffer[] = []
  let seenBytes = 0
  let failure: Error | undefined
  let done = false
  try {
    while (seenBytes < length) {
      const next = await chunks.next()
      if (next.done) {
        done = true
        break
      }
      seen.push(next.value)
      seenBytes += next.value.length
    }
  } catch (error) {
    failure = error as Error // rethrown as it came, once the bytes before it are replayed
    done = true
  }
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      yield* seen
      if (failure !== undefined) throw failure
      if (!done) yield* chunks
    } finally {
      await chunks.return(undefined) // closes the decompressor and the file even when the reader stops early
    }
  }
  return { head: Buffer.concat(seen, seenBytes).subarray(0, length), rest: rest() }
}
