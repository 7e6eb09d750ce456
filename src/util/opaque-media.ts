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
