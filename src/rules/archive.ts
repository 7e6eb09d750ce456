import type { RuleMeta } from '../engine/rule.js'

/** The walker reports these itself; listed here so reporters and docs know them like any rule. */
export const ARCHIVE_RULES_META: RuleMeta = {
  family: 'archive',
  rules: {
    'archive/unsafe-path': {
      severity: 'error',
      description: 'An entry path is absolute or climbs out of the archive with `..`'
    },
    'archive/unsafe-link': {
      severity: 'error',
      description: 'A symlink or hard link points outside the archive root'
    },
    'archive/unreadable': {
      severity: 'error',
      description: 'An archive or entry is corrupt or truncated, so part of it was not audited'
    },
    'archive/encrypted': {
      severity: 'error',
      description: 'An encrypted entry cannot be audited'
    },
    'archive/limit': {
      severity: 'error',
      description: 'A size, count, depth or compression-ratio limit stopped the audit of part of it'
    },
    'archive/unsupported': {
      severity: 'warning',
      description: 'A compression format that cannot be looked inside'
    },
    'archive/special-file': {
      severity: 'warning',
      description: 'A device file, FIFO or socket, which no release needs'
    }
  }
}

export const AUDIT_RULES_META: RuleMeta = {
  family: 'audit',
  rules: {
    'audit/rule-failed': {
      severity: 'error',
      description: 'A rule failed on an entry; that entry was not fully audited'
    }
  }
}
