const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
/** Bech32 (BIP-173) residue; Bech32m would be 0x2bc830a3. */
const BECH32_CONSTANT = 1

/**
 * Whether a Bech32 string (`age-secret-key-1…`, any case) has a valid checksum: its last 6
 * characters. Age secret keys are Bech32 with the human-readable part `AGE-SECRET-KEY-`, so a
 * made-up key fails this offline check.
 */
export function hasValidBech32Checksum(value: string): boolean {
  const lower = value.toLowerCase()
  const separator = lower.lastIndexOf('1')
  if (separator < 1 || lower.length - separator - 1 < 6) return false
  const values: number[] = []
  for (const char of lower.slice(0, separator)) values.push(char.charCodeAt(0) >> 5)
  values.push(0)
  for (const char of lower.slice(0, separator)) values.push(char.charCodeAt(0) & 31)
  for (const char of lower.slice(separator + 1)) {
    const digit = CHARSET.indexOf(char)
    if (digit === -1) return false
    values.push(digit)
  }
  return polymod(values) === BECH32_CONSTANT
}

function polymod(values: readonly number[]): number {
  let check = 1
  for (const value of values) {
    const top = check >>> 25
    check = (((check & 0x1ffffff) << 5) ^ value) >>> 0
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) check = (check ^ GENERATOR[i]) >>> 0
  }
  return check
}
