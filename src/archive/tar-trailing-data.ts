const BLOCK = 512
const PAX_SIZE = /(?:^|\n)\d+ size=(\d+)\n/
/** A pax header longer than this is not read for a `size` record (node-tar caps meta entries too). */
const MAX_PAX_BYTES = 1024 * 1024

/**
 * Follows a tar stream block by block, beside the parser, to find what the parser never reads:
 * bytes after the end-of-archive marker (two zero blocks). `tar --ignore-zeros` and tools that
 * concatenate archives read on past that marker, so an entry appended there would be extracted
 * without being audited. Only headers are decoded; bodies are skipped by their size (a pax
 * `size` record overrides the header's, as it does for the parser).
 */
export class TarTrailingData {
  private offset = 0
  private partial: Buffer | undefined
  /** Bytes of the current body (or padding) still to skip. */
  private skip = 0
  private pax: { remaining: number; parts: Buffer[] } | undefined
  private paxSize: number | undefined
  private zeroBlocks = 0
  private endOffset: number | undefined
  /** Offset of the first non-zero byte after the end marker, if any. */
  firstTrailing: number | undefined
  /** Blocks after the end marker that are not all zeros. */
  trailingBlocks = 0
  private lastTrailingBlock = -1

  /** Bytes pushed so far: the stream offset where the next chunk starts. */
  get position(): number {
    return this.offset + (this.partial?.length ?? 0)
  }

  /** The offset just after the end-of-archive marker, once seen. */
  get end(): number | undefined {
    return this.endOffset
  }

  push(chunk: Buffer): void {
    let data = chunk
    if (this.partial) {
      data = Buffer.concat([this.partial, chunk])
      this.partial = undefined
    }
    let at = 0
    while (at < data.length) {
      if (this.endOffset !== undefined) {
        this.countTrailing(data.subarray(at))
        this.offset += data.length - at
        return
      }
      if (this.skip > 0) {
        const n = Math.min(this.skip, data.length - at)
        if (this.pax) this.collectPax(data.subarray(at, at + n))
        this.skip -= n
        at += n
        this.offset += n
        if (this.skip === 0) this.finishPax()
        continue
      }
      if (data.length - at < BLOCK) {
        this.partial = data.subarray(at)
        return
      }
      this.readHeader(data.subarray(at, at + BLOCK))
      at += BLOCK
      this.offset += BLOCK
    }
  }

  private readHeader(block: Buffer): void {
    if (isZero(block)) {
      if (++this.zeroBlocks === 2) this.endOffset = this.offset + BLOCK
      return
    }
    this.zeroBlocks = 0
    const type = String.fromCharCode(block[156])
    const size = this.paxSize ?? readSize(block)
    this.paxSize = undefined
    if (size === undefined) return // not a header the parser reads either: it reports it
    const padded = Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x' && size <= MAX_PAX_BYTES) this.pax = { remaining: size, parts: [] }
    this.skip = padded
    if (padded === 0) this.finishPax()
  }

  private collectPax(bytes: Buffer): void {
    const pax = this.pax
    if (!pax || pax.remaining <= 0) return
    const take = bytes.subarray(0, pax.remaining)
    pax.parts.push(take)
    pax.remaining -= take.length
  }

  private finishPax(): void {
    const pax = this.pax
    if (!pax) return
    this.pax = undefined
    const found = PAX_SIZE.exec(Buffer.concat(pax.parts).toString('latin1'))
    if (found) this.paxSize = Number(found[1])
  }

  /** Counts the 512-byte blocks (at their offsets in the stream) that hold a non-zero byte. */
  private countTrailing(bytes: Buffer): void {
    for (let i = 0; i < bytes.length;) {
      const offset = this.offset + i
      const next = Math.min(bytes.length, i + BLOCK - (offset % BLOCK))
      const piece = bytes.subarray(i, next)
      if (!isZero(piece)) {
        this.firstTrailing ??= offset + piece.findIndex((byte) => byte !== 0)
        const block = Math.floor(offset / BLOCK)
        if (block !== this.lastTrailingBlock) this.trailingBlocks++
        this.lastTrailingBlock = block
      }
      i = next
    }
  }
}

const ZERO = Buffer.alloc(BLOCK)

function isZero(block: Buffer): boolean {
  return block.equals(block.length === BLOCK ? ZERO : ZERO.subarray(0, block.length))
}

/** The size field: octal text, or GNU base-256 (high bit set) for large files. */
function readSize(block: Buffer): number | undefined {
  const field = block.subarray(124, 136)
  if (field[0] & 0x80) {
    let size = 0
    for (let i = 1; i < field.length; i++) size = size * 256 + field[i]
    return size
  }
  const text = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim()
  if (text === '') return 0
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined
}
