import type { FileEntry } from '../engine/entry.js'
import type { Severity } from '../engine/finding.js'
import { lowerSeverity, severityRank } from '../engine/finding.js'
import type { RuleReport } from '../engine/rule.js'
import { detectFormat } from '../archive/detect-format.js'
import type { BinarySecretMatch } from '../secrets/scan-binary.js'
import { scanSecretsInBinary } from '../secrets/scan-binary.js'
import { isOpaqueMedia } from '../util/opaque-media.js'
import { isTestPath } from '../secrets/test-path.js'
import { secretRulesCoveredByPrivateFile } from './private-file-overlap.js'

const KEY_RULE = 'secret/private-key'
/** Crypto libraries carry private keys for their self-tests (GnuTLS, for one): not always a leak. */
const KEY_NOTE =
  '; one level lower: libraries embed test keys too, so check where the binary comes from'

/**
 * `secret/*` in a binary file: an archive is walked as one instead, and compressed media hold no
 * strings; anything else is searched for strict formats (see `scanSecretsInBinary`). Reports
 * name the byte offset, as a hex editor or `strings -t x` shows it.
 */
export function scanBinaryEntry(entry: FileEntry, maxPerRule: number): RuleReport[] {
  const { content } = entry
  if (detectFormat(content) !== undefined || isOpaqueMedia(content)) return []
  const matches = scanSecretsInBinary(content, { inTestFolder: isTestPath(entry.path) })
  if (matches.length === 0) return []
  const covered = secretRulesCoveredByPrivateFile(entry)
  const byRule = new Map<string, BinarySecretMatch[]>()
  for (const match of matches) {
    if (covered.has(match.rule)) continue
    byRule.set(match.rule, [...(byRule.get(match.rule) ?? []), match])
  }
  const reports: RuleReport[] = []
  for (const [rule, found] of byRule) {
    for (const match of found.slice(0, maxPerRule)) {
      const lowered = rule === KEY_RULE
      reports.push({
        rule,
        entry,
        severity: lowered ? lowerSeverity(match.severity) : match.severity,
        message: `${match.description}: ${match.redacted} in binary content at byte ${formatOffset(match.offset)}${lowered ? KEY_NOTE : ''}`,
        details: { redacted: match.redacted, offset: match.offset }
      })
    }
    const rest = found.slice(maxPerRule)
    if (rest.length === 0) continue
    reports.push({
      rule,
      entry,
      severity: rest
        .map((m) => (rule === KEY_RULE ? lowerSeverity(m.severity) : m.severity))
        .reduce(worst),
      message: `${rest.length} more ${rule} matches in this binary file are not listed one by one`,
      details: { omitted: rest.length, offsets: rest.map((m) => m.offset) }
    })
  }
  return reports
}

/** `0x1f40 (8000)`: how hex dumps and `strings -t x` locate it, and in decimal. */
function formatOffset(offset: number): string {
  return `0x${offset.toString(16)} (${offset})`
}

function worst(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b
}
