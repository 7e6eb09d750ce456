import type { ScanOptions } from './scan.js'
import { findSecrets } from './scan.js'
import { CHUNK_BYTES, OVERLAP_BYTES } from './scan-buffer.js'
import type { SecretMatch } from './types.js'
import { latin1Chunks } from '../util/text.js'

/** A secret found in binary content: located by byte offset, since lines mean nothing there. */
export type BinarySecretMatch = Omit<SecretMatch, 'line' | 'column'> & { offset: number }

/**
 * Searches binary content (an executable, a native addon, a `.wasm`, a database file) for the
 * credentials whose format is strict enough to trust there: a token compiled into a binary
 * (`-ldflags "-X main.token=…"`) ships as plain bytes. Matches come back by byte offset. Read in
 * the overlapping chunks text files are read in, with no line ends to cut at.
 */
export function scanSecretsInBinary(
  content: Buffer,
  options: ScanOptions = {}
): BinarySecretMatch[] {
  const matches: BinarySecretMatch[] = []
  for (const { start, owned, text } of latin1Chunks(content, CHUNK_BYTES, OVERLAP_BYTES)) {
    for (const match of findSecrets(text, { ...options, binary: true })) {
      if (match.index >= owned) continue // in the overlap: the next chunk reports it
      const { rule, redacted, severity, description } = match
      matches.push({ rule, offset: start + match.index, redacted, severity, description })
    }
  }
  return matches
}
