/** Container formats recognised by their first bytes; the file name never decides. */
export type ArchiveFormat = 'zip' | 'gzip' | 'zstd' | 'tar' | 'bzip2' | 'xz' | '7z' | 'rar'

/** Bytes of a source needed to recognise any format (one tar header block). */
export const HEAD_BYTES = 512

const TAR_BLOCK_BYTES = 512
const USTAR = [0x75, 0x73, 0x74, 0x61, 0x72] // 'ustar' at offset 257
const MAGIC: ReadonlyArray<readonly [ArchiveFormat, readonly number[]]> = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // an empty zip is only its end-of-central-directory record
  ['gzip', [0x1f, 0x8b]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]]
]

export function detectFormat(head: Buffer): ArchiveFormat | undefined {
  for (const [format, magic] of MAGIC) if (startsWith(head, magic)) return format
  // 'BZh' then the block size digit 1-9
  if (head.length >= 4 && head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) {
    if (head[3] >= 0x31 && head[3] <= 0x39) return 'bzip2'
  }
  return isTarHeader(head) ? 'tar' : undefined
}

/** A ustar/GNU header (magic at 257) or an old v7 header whose checksum adds up. */
export function isTarHeader(block: Buffer): boolean {
  if (block.length < TAR_BLOCK_BYTES) return false
  return startsWith(block, USTAR, 257) || checksumMatches(block)
}

/**
 * A decompressed payload that starts with two zero blocks is an empty tar (`tar czf x.tgz -T /dev/null`);
 * only trusted behind gzip/zstd, where the container already said "archive".
 */
export function isEmptyTar(head: Buffer): boolean {
  return (
    head.length >= 2 * TAR_BLOCK_BYTES &&
    head.subarray(0, 2 * TAR_BLOCK_BYTES).every((b) => b === 0)
  )
}

function startsWith(head: Buffer, magic: readonly number[], at = 0): boolean {
  if (head.length < at + magic.length) return false
  for (let i = 0; i < magic.length; i++) if (head[at + i] !== magic[i]) return false
  return true
}

function checksumMatches(block: Buffer): boolean {
  if (!checksumStartsOctal(block)) return false // most files: no string made
  const field = block
    .toString('latin1', 148, 156)
    .replace(/[\0 ]+$/, '')
    .trim()
  if (!/^[0-7]{1,7}$/.test(field)) return false
  let sum = 8 * 0x20 // the checksum field itself counts as spaces
  for (let i = 0; i < TAR_BLOCK_BYTES; i++) if (i < 148 || i >= 156) sum += block[i]
  return sum === parseInt(field, 8)
}

/** Whether the checksum field's first byte that `trim` would keep is an octal digit. */
function checksumStartsOctal(block: Buffer): boolean {
  for (let i = 148; i < 156; i++) {
    const byte = block[i]
    if (byte >= 0x30 && byte <= 0x37) return true
    if (!(byte === 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte === 0xa0)) return false
  }
  return false
}

/**
 * Compressed media formats, by their first bytes: their bytes are compressed or encoded pixels,
 * sound and glyphs, never readable strings, so they are not searched.
 */
const OPAQUE_MEDIA: ReadonlyArray<readonly [offset: number, magic: string]> = [
  [0, '\x89PNG'],
  [0, '\xff\xd8\xff'], // JPEG
  [0, 'GIF8'],
  [8, 'WEBP'],
  [0, 'wOFF'],
  [0, 'wOF2'],
  [4, 'ftyp'], // MP4, MOV, HEIC, AVIF
  [0, 'OggS'],
  [0, 'ID3'], // MP3
  [0, '\x1aE\xdf\xa3'] // WebM, Matroska
]

/** Whether the content is one of them: searching it for text would find nothing. */
export function isOpaqueMedia(content: Buffer): boolean {
  return OPAQUE_MEDIA.some(
    ([offset, magic]) => content.toString('latin1', offset, offset + magic.length) === magic
  )
}

/**
 * Binary content with no strings worth searching: an archive (walked entry by entry instead) or
 * compressed media.
 */
export function holdsNoStrings(content: Buffer): boolean {
  return detectFormat(content) !== undefined || isOpaqueMedia(content)
}
