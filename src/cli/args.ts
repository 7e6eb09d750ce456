import { parseArgs } from 'node:util'
import type { FailOn } from '../engine/report.js'
import { FAIL_ON_VALUES } from '../engine/report.js'

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

export interface CliArgs {
  /** `release-audit merge shard-*.json`: combine matrix shard reports instead of auditing. */
  merge: boolean
  paths: string[]
  format: OutputFormat
  output?: string
  failOn?: FailOn
  config?: string
  baseline?: string
  sources?: 'private' | 'public' | 'auto'
  help: boolean
  version: boolean
}

/** Bad command-line usage; the CLI prints it with the usage text and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const USAGE = `Usage: release-audit [options] [paths…]
       release-audit merge [options] <shard reports…>

Audits release artifacts (zip, tar, tgz, folders, files; nested archives included) for leaked
source maps, private files and secrets. With no path, audits what \`npm pack\` would publish from
the current folder. \`merge\` combines the JSON reports of matrix shards (files, globs or
zips holding them) into one report, as if one audit had seen everything.

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of standard output
  --fail-on LEVEL            error|warning|notice|never: lowest severity that fails (default: error)
  --config FILE              policy file (default: .github/release-audit.yml if present)
  --baseline SPEC            compare with a previous release: npm:<name>@<version|tag>, a path,
                             an earlier JSON report, or auto
  --sources private|public   whether source embedded in maps is already public (default: private);
                             public compares each embedded source with the files git tracks here
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage or I/O error.
`

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        baseline: { type: 'string' },
        sources: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const merge = positionals[0] === 'merge'
  return {
    merge,
    paths: merge ? positionals.slice(1) : positionals,
    format: oneOf('--format', values.format ?? 'text', OUTPUT_FORMATS),
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values['fail-on'] !== undefined
      ? { failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON_VALUES) }
      : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values.sources !== undefined
      ? { sources: oneOf('--sources', values.sources, ['private', 'public', 'auto'] as const) }
      : {}),
    help: values.help ?? false,
    version: values.version ?? false
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got '${value}'`)
}
