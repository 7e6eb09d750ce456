/** Shannon entropy of a string in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0
  const counts = new Map<string, number>()
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1)
  let bits = 0
  for (const count of counts.values()) {
    const p = count / value.length
    bits -= p * Math.log2(p)
  }
  return bits
}

const MIN_RANDOM_LENGTH = 10
const MAX_RANDOM_LENGTH = 200
/** Random base64 of 16 chars scores ~3.8, hex of 32 ~3.8; English words and identifiers score lower. */
const MIN_RANDOM_ENTROPY_BITS = 3.5
const MIN_HEX_RANDOM_LENGTH = 20
const MIN_HEX_ENTROPY_BITS = 3.0

/**
 * Whether a free-form value looks machine-generated: long enough, letters and digits mixed,
 * high entropy, and not shaped like an identifier path (`process.env.TOKEN`) or a URL.
 */
export function looksRandom(value: string): boolean {
  if (value.length < MIN_RANDOM_LENGTH || value.length > MAX_RANDOM_LENGTH) return false
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false
  if (/\s/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false
  // Hex draws from 16 symbols, so even a random 32-char value measures only ~3.4 bits.
  const hex = value.length >= MIN_HEX_RANDOM_LENGTH && /^[0-9a-f]+$/i.test(value)
  return shannonEntropy(value) >= (hex ? MIN_HEX_ENTROPY_BITS : MIN_RANDOM_ENTROPY_BITS)
}
