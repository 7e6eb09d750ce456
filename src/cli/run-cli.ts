import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ArtifactInput } from '../engine/artifact.js'
import type { Report } from '../engine/report.js'
import { renderJson } from '../report/json.js'
import { renderSarif } from '../report/sarif.js'
import { renderText, renderVerdict } from '../report/text.js'
import { packCurrentPackage } from '../sources/npm-pack.js'
import { resolvePaths } from '../sources/paths.js'
import { loadShardReports } from '../merge/load-shards.js'
import { mergeReports } from '../merge/merge-reports.js'
import { runAudit } from '../setup/run-audit.js'
import { TOOL_VERSION } from '../version.js'
import type { CliArgs } from './args.js'
import { parseCliArgs, USAGE, UsageError } from './args.js'

export interface CliIO {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export const EXIT_PASS = 0
export const EXIT_FINDINGS = 1
export const EXIT_ERROR = 2

/** The whole CLI as a function: arguments in, exit code out, output through `io`. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let args: CliArgs
  try {
    args = parseCliArgs(argv)
  } catch (error) {
    io.stderr(`release-audit: ${(error as Error).message}\n\n${USAGE}`)
    return EXIT_ERROR
  }
  if (args.help) return (io.stdout(USAGE), EXIT_PASS)
  if (args.version) return (io.stdout(`${TOOL_VERSION}\n`), EXIT_PASS)

  const cleanups: (() => Promise<void>)[] = []
  try {
    const { report, failOn, warnings } = args.merge
      ? await mergeShards(args, io.cwd)
      : await runAudit(await collectArtifacts(args, io.cwd, cleanups), {
          cwd: io.cwd,
          ...(args.config !== undefined ? { config: args.config } : {}),
          ...(args.failOn !== undefined ? { failOn: args.failOn } : {}),
          ...(args.baseline !== undefined ? { baseline: args.baseline } : {}),
          ...(args.sources !== undefined ? { sources: args.sources } : {})
        })
    for (const warning of warnings) io.stderr(`release-audit: warning: ${warning}\n`)
    const rendered = render(report, args, failOn)
    if (args.output !== undefined) {
      await writeFile(path.resolve(io.cwd, args.output), rendered)
      io.stderr(`${renderVerdict(report, failOn)}\nreport written to ${args.output}\n`)
    } else {
      io.stdout(rendered)
    }
    return report.conclusion === 'failure' ? EXIT_FINDINGS : EXIT_PASS
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`release-audit: ${message}\n${error instanceof UsageError ? `\n${USAGE}` : ''}`)
    return EXIT_ERROR
  } finally {
    await Promise.all(cleanups.map((cleanup) => cleanup()))
  }
}

async function collectArtifacts(
  args: CliArgs,
  cwd: string,
  cleanups: (() => Promise<void>)[]
): Promise<ArtifactInput[]> {
  if (args.paths.length > 0) return resolvePaths(args.paths, cwd)
  const packed = await packCurrentPackage(cwd)
  cleanups.push(packed.cleanup)
  return [packed.artifact]
}

async function mergeShards(args: CliArgs, cwd: string) {
  if (args.paths.length === 0) throw new UsageError('merge needs the shard reports to merge')
  const failOn = args.failOn ?? 'error'
  const shards = await loadShardReports(await resolvePaths(args.paths, cwd))
  return { report: mergeReports(shards, failOn), failOn, warnings: [] as string[] }
}

function render(report: Report, args: CliArgs, failOn: Parameters<typeof renderText>[1]): string {
  switch (args.format) {
    case 'json':
      return renderJson(report)
    case 'sarif':
      return renderSarif(report)
    case 'text':
      return renderText(report, failOn)
  }
}
