import zlib from 'node:zlib'

const UTF8_FLAG = 0x0800
const UNICODE_PATH_EXTRA = 0x7075

// The upper half of code page 437, the encoding of zip names without the UTF-8 flag.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

/**
 * A zip entry name as the archiver meant it: UTF-8 when general-purpose bit 11 says so, else the
 * Info-ZIP Unicode Path extra field when its CRC matches the raw name, else CP437.
 */
export function decodeZipName(raw: Buffer, flags: number, extra: Buffer): string {
  if (flags & UTF8_FLAG) return raw.toString('utf8')
  const unicode = readUnicodePath(raw, extra)
  if (unicode !== undefined) return unicode
  return decodeCp437(raw)
}

export function decodeCp437(raw: Buffer): string {
  let text = ''
  for (const byte of raw) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]
  return text
}

/** Extra fields are `id(2) size(2) data(size)` records. */
export function findExtraField(extra: Buffer, id: number): Buffer | undefined {
  for (let at = 0; at + 4 <= extra.length;) {
    const fieldId = extra.readUInt16LE(at)
    const size = extra.readUInt16LE(at + 2)
    if (fieldId === id) return extra.subarray(at + 4, Math.min(extra.length, at + 4 + size))
    at += 4 + size
  }
  return undefined
}

function readUnicodePath(raw: Buffer, extra: Buffer): string | undefined {
  const field = findExtraField(extra, UNICODE_PATH_EXTRA)
  if (!field || field.length < 5 || field[0] !== 1) return undefined
  if (typeof zlib.crc32 === 'function' && field.readUInt32LE(1) !== zlib.crc32(raw))
    return undefined
  return field.subarray(5).toString('utf8')
}
