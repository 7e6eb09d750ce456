import type { Entry } from '../engine/entry.js'
import type { RuleReport } from '../engine/rule.js'
import { formatBytes, formatCount, plural } from '../util/format.js'
import { BUDGET } from './meta.js'
import type { Budgets, ByteSize } from './schema.js'

/** Files over `file-bytes` reported one by one, largest first; the rest are counted in one more. */
export const MAX_LARGE_FILE_REPORTS = 10

type LightEntry = Omit<Entry, 'linkTarget'>

/**
 * `policy/budget` for one artifact. Files and bytes are counted as the report's artifact summary
 * counts them (every regular file, members of nested archives included), so the numbers in a
 * budget finding match the numbers next to the artifact's name.
 */
export function createBudgetCheck(budgets: Budgets, policyFile: string) {
  let files = 0
  let bytes = 0
  let artifact = ''
  const large: LightEntry[] = []
  const where = `in ${policyFile}`

  return {
    add(entry: Entry): void {
      artifact = entry.artifact
      if (entry.kind !== 'file') return
      const size =
        'content' in entry && Buffer.isBuffer(entry.content) ? entry.content.length : entry.size
      files++
      bytes += size
      if (budgets.fileBytes && size > budgets.fileBytes.bytes) {
        large.push({ artifact, path: entry.path, depth: entry.depth, size, kind: 'file' })
      }
    },

    finish(report: (r: RuleReport) => void): void {
      const whole: Entry = { artifact, path: '', depth: 0, size: bytes, kind: 'other' }
      const { totalBytes, fileBytes } = budgets
      if (totalBytes && bytes > totalBytes.bytes) {
        report({
          rule: BUDGET,
          entry: whole,
          message: `the artifact holds ${describeSize(bytes)} uncompressed, over the total-bytes budget of ${totalBytes.text} ${where}`,
          details: { budget: 'total-bytes', limit: totalBytes.bytes, actual: bytes }
        })
      }
      if (budgets.files !== undefined && files > budgets.files) {
        report({
          rule: BUDGET,
          entry: whole,
          message: `the artifact holds ${plural(files, 'file')}, over the files budget of ${formatCount(budgets.files)} ${where}`,
          details: { budget: 'files', limit: budgets.files, actual: files }
        })
      }
      if (fileBytes) reportLargeFiles(large, fileBytes, where, report)
    }
  }
}

function reportLargeFiles(
  large: LightEntry[],
  limit: ByteSize,
  where: string,
  report: (r: RuleReport) => void
): void {
  const sorted = [...large].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1))
  for (const entry of sorted.slice(0, MAX_LARGE_FILE_REPORTS)) {
    report({
      rule: BUDGET,
      entry,
      message: `${describeSize(entry.size)}, over the file-bytes budget of ${limit.text} ${where}`,
      details: { budget: 'file-bytes', limit: limit.bytes, actual: entry.size }
    })
  }
  const rest = sorted.slice(MAX_LARGE_FILE_REPORTS)
  if (rest.length === 0) return
  report({
    rule: BUDGET,
    entry: { ...rest[0], path: '' },
    message: `${plural(rest.length, 'more file')} over the file-bytes budget of ${limit.text} ${where} (up to ${describeSize(rest[0].size)}), e.g. ${rest
      .slice(0, 3)
      .map((e) => e.path)
      .join(', ')}`,
    details: {
      budget: 'file-bytes',
      limit: limit.bytes,
      count: rest.length,
      paths: rest.slice(0, 10).map((e) => e.path)
    }
  })
}

/** `21,043,112 bytes (20.1 MiB)`: exact for comparing with a decimal budget, readable too. */
function describeSize(bytes: number): string {
  const exact = `${formatCount(bytes)} bytes`
  return bytes < 1024 ? exact : `${exact} (${formatBytes(bytes)})`
}
