import type { FileEntry } from '../engine/entry.js'
import { lowerSeverity, worstSeverity } from '../engine/finding.js'
import type { RuleReport } from '../engine/rule.js'
import { holdsNoStrings } from '../archive/detect-format.js'
import type { BinarySecretMatch } from '../secrets/scan-binary.js'
import { scanSecretsInBinary } from '../secrets/scan-binary.js'
import { isTestPath } from '../secrets/test-path.js'
import { formatOffset } from '../util/format.js'
import { capPerRule } from './cap-per-rule.js'
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
  if (holdsNoStrings(content)) return []
  const matches = scanSecretsInBinary(content, { inTestFolder: isTestPath(entry.path) })
  if (matches.length === 0) return []
  const covered = secretRulesCoveredByPrivateFile(entry)
  const severityOf = (m: BinarySecretMatch) =>
    m.rule === KEY_RULE ? lowerSeverity(m.severity) : m.severity
  return capPerRule(
    matches.filter((m) => !covered.has(m.rule)),
    (m) => m.rule,
    maxPerRule,
    (m) => ({
      rule: m.rule,
      entry,
      severity: severityOf(m),
      message: `${m.description}: ${m.redacted} in binary content at byte ${formatOffset(m.offset)}${m.rule === KEY_RULE ? KEY_NOTE : ''}`,
      details: { redacted: m.redacted, offset: m.offset }
    }),
    (rule, rest) => ({
      rule,
      entry,
      severity: rest.map(severityOf).reduce(worstSeverity),
      message: `${rest.length} more ${rule} matches in this binary file are not listed one by one`,
      details: { omitted: rest.length, offsets: rest.map((m) => m.offset) }
    })
  )
}
