import type { ByteSource } from './byte-source.js'
import { readChunks } from './byte-source.js'
import { zstdFactory } from './decompress.js'
import type { ArchiveFormat } from './detect-format.js'
import type { Scope } from './walk-context.js'
import { CallbackError } from './walk-context.js'
import { walkCompressed } from './walk-compressed.js'
import { walkTar } from './walk-tar.js'
import { walkZip } from './walk-zip.js'

/** How messages name each format the walker cannot open, article included. */
const UNSUPPORTED: Partial<Record<ArchiveFormat, string>> = {
  bzip2: 'a bzip2',
  xz: 'an xz',
  '7z': 'a 7-Zip',
  rar: 'a RAR'
}

/** Walks a container whose format its first bytes gave; bad content ends as a problem, never a throw. */
export async function openArchive(
  source: ByteSource,
  format: ArchiveFormat,
  scope: Scope
): Promise<void> {
  try {
    switch (format) {
      case 'zip':
        return await walkZip(source, scope)
      case 'tar':
        return await walkTar(readChunks(source), scope)
      case 'gzip':
        return await walkCompressed(source, 'gzip', scope)
      case 'zstd':
        if (zstdFactory()) return await walkCompressed(source, 'zstd', scope)
        return reportZstdUnavailable(scope)
      default:
        scope.ctx.report(
          'archive/unsupported',
          scope.where,
          `'${scope.name}' is ${UNSUPPORTED[format] ?? `a ${format}`} archive, which release-audit cannot look inside; its content was not audited`,
          { format }
        )
    }
  } catch (error) {
    if (error instanceof CallbackError) throw error
    scope.ctx.report(
      'archive/unreadable',
      scope.where,
      `'${scope.name}' could not be read (${(error as Error | undefined)?.message ?? String(error)}); the rest of it was not audited`
    )
  }
}

function reportZstdUnavailable(scope: Scope): void {
  scope.ctx.problem({
    rule: 'archive/unsupported',
    path: scope.where,
    message: `'${scope.name}' is zstd-compressed, and this Node.js (${process.version}) has no zstd decompressor (Node 22.15 or later has one); its content was not audited`,
    details: { format: 'zstd', node: process.version },
    severity: 'notice'
  })
}
