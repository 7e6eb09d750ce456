import { walkArtifact } from '../archive/walk.js'
import { DEFAULT_LIMITS } from '../archive/limits.js'
import type { ArtifactInput } from '../engine/artifact.js'
import { parseReport, ReportFormatError } from '../engine/parse-report.js'
import type { Report } from '../engine/report.js'
import { isFileEntry } from '../engine/rule.js'

/**
 * Reads the shard reports out of each input (a JSON file, or an artifact zip holding one or more):
 * every `.json` inside must be a valid report, and every input must hold at least one, so a
 * broken or empty shard fails the merge instead of passing with part of the findings.
 */
export async function loadShardReports(inputs: readonly ArtifactInput[]): Promise<Report[]> {
  const reports: Report[] = []
  for (const input of inputs) {
    const found: Report[] = []
    const problems: string[] = []
    await walkArtifact(
      input,
      DEFAULT_LIMITS,
      (entry) => {
        if (!isFileEntry(entry) || !entry.path.endsWith('.json')) return
        const where =
          entry.depth === 0 && entry.path === input.name
            ? input.name
            : `${input.name}: ${entry.path}`
        try {
          found.push(parseReport(entry.content.toString('utf8'), where))
        } catch (error) {
          problems.push((error as Error).message)
        }
      },
      (problem) =>
        problems.push(`${input.name}: ${problem.path || '(archive)'}: ${problem.message}`)
    )
    if (problems.length > 0)
      throw new ReportFormatError(`shard report unusable: ${problems.join('; ')}`)
    if (found.length === 0) {
      throw new ReportFormatError(`shard '${input.name}' holds no release-audit JSON report`)
    }
    reports.push(...found)
  }
  return reports
}
