import type { ScanOptions } from './scan.js'
import { findSecrets } from './scan.js'
import type { SecretMatch } from './types.js'

const MiB = 1024 * 1024
/** Binary content is read this many bytes at a time, so memory stays bounded. */
const CHUNK_BYTES = 16 * MiB
/** Each chunk reads this far past its end, beyond the longest match (a 64 KiB key block). */
const OVERLAP_BYTES = 80 * 1024

/** A secret found in binary content: located by byte offset, since lines mean nothing there. */
export type BinarySecretMatch = Omit<SecretMatch, 'line' | 'column'> & { offset: number }

/**
 * Searches binary content (an executable, a native addon, a `.wasm`, a database file) for the
 * credentials whose format is strict enough to trust there: a token compiled into a binary
 * (`-ldflags "-X main.token=…"`) ships as plain bytes. Matches come back by byte offset.
 */
export function scanSecretsInBinary(
  content: Buffer,
  options: ScanOptions = {}
): BinarySecretMatch[] {
  const matches: BinarySecretMatch[] = []
  for (let start = 0; start < content.length; start += CHUNK_BYTES) {
    const end = Math.min(content.length, start + CHUNK_BYTES)
    const text = content.toString('latin1', start, Math.min(content.length, end + OVERLAP_BYTES))
    for (const match of findSecrets(text, { ...options, binary: true })) {
      if (match.index >= end - start) continue // in the overlap: the next chunk reports it
      const { rule, redacted, severity, description } = match
      matches.push({ rule, offset: start + match.index, redacted, severity, description })
    }
  }
  return matches
}
