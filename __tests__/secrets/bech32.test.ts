import { describe, expect, it } from '@jest/globals'
import { hasValidBech32Checksum } from '../../src/secrets/bech32.js'

/** BIP-173 test vectors, valid and with one character changed, and malformed strings. */
describe('hasValidBech32Checksum', () => {
  it.each([
    ['A12UEL5L', true],
    ['abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', true],
    ['split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w', true],
    ['split1checkupstagehandshakeupstreamerranterredcaperred2y9e2w', false],
    ['abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxb', false],
    ['nohrp', false],
    ['a1qqqqq', false]
  ])('%s → %s', (value, valid) => {
    expect(hasValidBech32Checksum(value)).toBe(valid)
  })
})
