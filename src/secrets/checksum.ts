import { crc32 } from 'node:zlib'

const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const CHECKSUM_CHARS = 6

/**
 * GitHub (`ghp_` …) and npm (`npm_`) tokens end in the CRC32 of the random part, base62-encoded
 * and left-padded to 6 characters (github.blog 2021-04-05). Offline, this separates real tokens
 * from made-up ones.
 */
export function hasValidTokenChecksum(body: string): boolean {
  if (body.length <= CHECKSUM_CHARS) return false
  const random = body.slice(0, -CHECKSUM_CHARS)
  return encodeBase62(crc32(random), CHECKSUM_CHARS) === body.slice(-CHECKSUM_CHARS)
}

export function encodeBase62(value: number, width: number): string {
  let digits = ''
  let rest = value
  do {
    digits = BASE62_ALPHABET[rest % 62] + digits
    rest = Math.floor(rest / 62)
  } while (rest > 0)
  return digits.padStart(width, '0')
}
