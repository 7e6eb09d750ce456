import type { ReadEntry } from 'tar/read-entry'
import { Parser } from 'tar/parse'
import type { EntryKind } from '../engine/entry.js'
import { plural } from '../util/format.js'
import type { Member, MemberProblem } from './emit-member.js'
import { isEmptyTar } from './detect-format.js'
import type { SpecialKind } from './emit-member.js'
import { addProblem, emitMember, specialFileProblem, tooLargeProblem } from './emit-member.js'
import { collectGarbage } from '../util/collect-garbage.js'
import type { Scope } from './walk-context.js'
import { ArchiveReadError } from './walk-context.js'
import { TarTrailingData } from './tar-trailing-data.js'

type Step = () => Promise<void> | void

/** Bytes read between young collections: bounds the dead chunks held in memory at once. */
const COLLECT_EVERY_BYTES = 4 * 1024 * 1024
/**
 * Around an entry this large, full collections: before the rules read it, to drop the garbage of
 * reading it; after, to drop it and what the rules made of it. A few milliseconds each.
 */
const LARGE_ENTRY_BYTES = 8 * 1024 * 1024

const TAR_KINDS: Record<string, EntryKind> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'directory',
  GNUDumpDir: 'directory',
  SymbolicLink: 'symlink',
  Link: 'hardlink'
}

const TAR_SPECIAL: Record<string, SpecialKind> = {
  CharacterDevice: 'character device',
  BlockDevice: 'block device',
  FIFO: 'FIFO'
}

/**
 * Streams a tar through node-tar's Parser. Entries that complete during one `write` are queued and
 * emitted (nested archives walked) before the next chunk is written: walk order, backpressure and
 * memory (one chunk's entries plus the entry being read) all stay bounded.
 */
export async function walkTar(chunks: AsyncIterable<Buffer>, scope: Scope): Promise<void> {
  const { ctx } = scope
  const steps: Step[] = []
  const invalid: string[] = []
  let sawEntry = false // or the two zero blocks of an empty archive
  let sourceFailed = false
  let unrecognized = false
  const parser = new Parser({
    strict: false,
    zstd: false,
    onwarn: (code: string, message: string, data: Record<string, unknown>) => {
      if (code === 'TAR_ENTRY_INVALID') invalid.push(message)
      else if (/^Truncated input/.test(message)) {
        // after a failed gzip/zstd stream the cut is already reported
        if (!sourceFailed)
          steps.push(() => reportTruncated(scope, data.entry as ReadEntry | undefined))
      } else if (/unrecognized archive format/i.test(message)) {
        unrecognized = !sawEntry && !sourceFailed
      } else {
        steps.push(() =>
          ctx.report('archive/unreadable', scope.where, `${describeContainer(scope)}: ${message}`)
        )
      }
    }
  })
  const listen = (reader: Parser, afterEnd: boolean): Parser => {
    // abort() always emits 'error' (TAR_ABORT); it is only ever our own stop.
    reader.on('error', () => undefined)
    reader.on('entry', (entry: ReadEntry) => {
      sawEntry = true
      if (afterEnd) entriesAfterEnd++
      readEntry(entry, scope, steps, afterEnd)
    })
    reader.on('ignoredEntry', (entry: ReadEntry) => {
      sawEntry = true
      steps.push(() => emitIgnored(entry, scope))
    })
    return reader
  }
  listen(parser, false)
  const trailing = new TarTrailingData()
  let sawEnd = false
  parser.on('eof', () => (sawEnd = true))
  /** Reads on past the end marker, as `tar --ignore-zeros` does; its warnings add nothing. */
  let afterEnd: Parser | undefined
  let entriesAfterEnd = 0
  let previous: Buffer | undefined
  const drain = async () => {
    for (let step = steps.shift(); step; step = steps.shift()) await step()
  }
  let sinceCollect = 0
  try {
    for await (const chunk of chunks) {
      if (!sawEntry && isEmptyTar(chunk)) sawEntry = true
      const chunkStart = trailing.position
      parser.write(chunk)
      trailing.push(chunk)
      if (afterEnd) afterEnd.write(chunk)
      else if (sawEnd && trailing.firstTrailing !== undefined) {
        afterEnd = listen(new Parser({ strict: false, zstd: false }), true)
        afterEnd.write(fromBlock(trailing.firstTrailing, chunkStart, chunk, previous))
      }
      previous = chunk
      sinceCollect += chunk.length
      if (sinceCollect >= COLLECT_EVERY_BYTES) {
        sinceCollect = 0
        collectGarbage('minor')
      }
      if (steps.length > 0) await drain()
      if (ctx.stopped) {
        parser.abort(new Error('walk stopped'))
        afterEnd?.abort(new Error('walk stopped'))
        return
      }
    }
  } catch (error) {
    if (!(error instanceof ArchiveReadError)) throw error
    sourceFailed = true
    steps.push(() => ctx.report(error.rule, scope.where, error.message, error.details))
  }
  parser.end() // flushes an entry cut short, with a "truncated" warning
  afterEnd?.end()
  await drain()
  if (ctx.stopped) return
  if (sawEnd && trailing.firstTrailing !== undefined)
    reportTrailing(scope, trailing, entriesAfterEnd)
  if (unrecognized) {
    const blocks = invalid.length > 0 ? ` (${plural(invalid.length, 'corrupt header block')})` : ''
    ctx.report(
      'archive/unreadable',
      scope.where,
      `${describeContainer(scope)} looks like a tar archive but holds no readable entry${blocks}`
    )
  } else if (invalid.length > 0) {
    ctx.report(
      'archive/unreadable',
      scope.where,
      `${describeContainer(scope)}: ${plural(invalid.length, 'corrupt tar header block')} skipped (${invalid[0]}); entries there were not audited`,
      { invalidBlocks: invalid.length }
    )
  }
}

function readEntry(entry: ReadEntry, scope: Scope, steps: Step[], afterEnd = false): void {
  const kind = TAR_KINDS[entry.type] ?? 'other'
  const member: Member = { name: entry.path, kind, size: entry.size }
  if (afterEnd) {
    addProblem(member, {
      rule: 'archive/unreadable',
      message: `entry '${entry.path}' comes after the end-of-archive marker: \`tar --ignore-zeros\` and tools that join archives extract it, plain \`tar -x\` does not; it was audited as found there`
    })
  }
  if (entry.linkpath) {
    member.linkTarget = entry.linkpath
    member.linkFrom = kind === 'hardlink' ? 'root' : 'link'
  }
  const { ctx } = scope
  if (kind !== 'file' || ctx.stopped || entry.size > ctx.limits.maxEntryBytes) {
    if (kind === 'file' && !ctx.stopped)
      addProblem(member, tooLargeProblem(scope, entry.path, entry.size))
    const special = TAR_SPECIAL[entry.type]
    if (special) addProblem(member, specialFileProblem(entry.path, special))
    entry.resume()
    steps.push(() => emitMember(scope, member))
    return
  }
  // the size is declared, but the parser never hands over more than it: preallocating is safe
  let content: Buffer | undefined = Buffer.allocUnsafe(entry.size)
  let received = 0
  entry.on('data', (chunk: Buffer) => {
    if (content) chunk.copy(content, received)
    received += chunk.length
  })
  entry.on('end', () => {
    steps.push(async () => {
      if (!content || !ctx.admitBytes(scope.prefix + entry.path, received)) return
      const large = received >= LARGE_ENTRY_BYTES
      if (large) collectGarbage('major')
      member.content = received === content.length ? content : content.subarray(0, received)
      await emitMember(scope, member)
      if (!large) return
      // V8 frees a large dead entry only at its next full collection, which could come long after
      content = undefined
      delete member.content
      collectGarbage('major')
    })
  })
}

function emitIgnored(entry: ReadEntry, scope: Scope): Promise<void> | void {
  if (entry.meta) {
    scope.ctx.report(
      'archive/unreadable',
      scope.where,
      `${describeContainer(scope)}: an oversized ${entry.type} header (${entry.size} bytes) was skipped, so the names or sizes of the entries after it may be wrong`
    )
    return
  }
  const problems: MemberProblem[] = []
  if (entry.type === 'SparseFile') {
    problems.push({
      rule: 'archive/unreadable',
      message: `GNU sparse file '${entry.path}' cannot be read; its content was not inspected`
    })
  } else if (entry.size > 0) {
    // an unknown type (GNU tar extracts it as a regular file), a multi-volume continuation…
    const type = entry.type === 'Unsupported' ? 'an unknown entry type' : `the ${entry.type} type`
    problems.push({
      rule: 'archive/unreadable',
      message: `entry '${entry.path}' has ${type}, which tar may still extract as a regular file; its ${plural(entry.size, 'byte')} were not inspected`,
      details: { type: entry.type }
    })
  }
  return emitMember(scope, { name: entry.path, kind: 'other', size: entry.size, problems })
}

function reportTrailing(scope: Scope, trailing: TarTrailingData, entries: number): void {
  const from = trailing.firstTrailing ?? 0
  const audited =
    entries > 0
      ? `it was read on as tar (${plural(entries, 'entry', 'entries')}, listed after the others) and audited`
      : 'it holds no tar entry this reader can read, so it was not audited'
  scope.ctx.report(
    'archive/unreadable',
    scope.where,
    `${describeContainer(scope)} has data after its end-of-archive marker (${plural(trailing.trailingBlocks, 'non-zero block')} from byte ${from}): \`tar --ignore-zeros\` and tools that join archives read on and would extract what is there; ${audited}`,
    {
      endOfArchive: trailing.end,
      firstTrailingByte: from,
      trailingBlocks: trailing.trailingBlocks,
      entriesAfterEnd: entries
    }
  )
}

/**
 * The bytes from the 512-byte block holding stream offset `offset` on: from `chunk` (which starts
 * at `chunkStart`), with the end of the chunk before it when the block began there.
 */
function fromBlock(
  offset: number,
  chunkStart: number,
  chunk: Buffer,
  previous: Buffer | undefined
): Buffer {
  const blockStart = offset - (offset % 512)
  if (blockStart >= chunkStart) return chunk.subarray(blockStart - chunkStart)
  const missing = chunkStart - blockStart
  return previous ? Buffer.concat([previous.subarray(previous.length - missing), chunk]) : chunk
}

function reportTruncated(scope: Scope, entry: ReadEntry | undefined): void {
  const where = entry ? `: entry '${entry.path}' is cut short` : ''
  scope.ctx.report(
    'archive/unreadable',
    scope.where,
    `${describeContainer(scope)} is truncated${where}; only the bytes present were inspected`
  )
}

function describeContainer(scope: Scope): string {
  return scope.where ? `'${scope.where}'` : `'${scope.name}'`
}
