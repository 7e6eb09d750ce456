import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BaselineSection } from '../../src/baseline/section.js'
import { DEFAULT_BASELINE_THRESHOLDS } from '../../src/baseline/thresholds.js'
import { concludeAudit } from '../../src/engine/conclusion.js'
import type { Finding, Severity } from '../../src/engine/finding.js'
import type { FailOn, Report } from '../../src/engine/report.js'
import { TOOL_VERSION } from '../../src/version.js'

const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url))

/**
 * The golden text for `actual` from `__tests__/golden/<name>` (named `*.golden` so prettier leaves the markdown as rendered), and `actual` normalised the same
 * way (the tool version in docs links becomes `<version>`, so a release does not churn the files).
 * With `UPDATE_GOLDEN=1` the file is rewritten first.
 */
export async function readGolden(
  name: string,
  actual: string
): Promise<{ actual: string; expected: string }> {
  const file = path.join(GOLDEN_DIR, name)
  const normalised = actual.split(`/v${TOOL_VERSION}/`).join('/v<version>/')
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(GOLDEN_DIR, { recursive: true })
    await writeFile(file, normalised)
  }
  if (!existsSync(file))
    throw new Error(`missing golden file ${name}; run the test with UPDATE_GOLDEN=1`)
  return { actual: normalised, expected: await readFile(file, 'utf8') }
}

/** A report built by hand, counts and conclusion derived the way the engine derives them. */
export function makeReport(
  findings: Finding[],
  artifacts: Report['artifacts'],
  extra: Partial<Pick<Report, 'suppressed' | 'baseline'>> = {},
  failOn: FailOn = 'error'
): Report {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length
  return {
    version: 1,
    tool: { name: 'release-audit', version: '9.9.9-test' },
    conclusion: concludeAudit(findings, failOn),
    summary: {
      error: count('error'),
      warning: count('warning'),
      notice: count('notice'),
      artifacts: artifacts.length,
      files: artifacts.reduce((n, a) => n + a.files, 0),
      bytes: artifacts.reduce((n, a) => n + a.bytes, 0)
    },
    artifacts,
    findings,
    ...extra
  }
}

const PKG = 'acme-cli-1.4.0.tgz'
const WEB = 'web-dist'

/** A fake token as a scanner would redact it, assembled so no live-looking value sits here. */
const REDACTED_TOKEN = ['gh', 'p_', 'AbCd', '…', 'redacted'].join('')

const BASELINE: BaselineSection = {
  label: 'npm:acme-cli@1.3.2',
  artifacts: [
    {
      current: PKG,
      baseline: 'acme-cli-1.3.2.tgz',
      files: { before: 41, after: 44 },
      bytes: { before: 900_000, after: 4_400_000 },
      added: 3,
      removed: 1,
      grown: 1
    }
  ],
  files: { before: 41, after: 44 },
  bytes: { before: 900_000, after: 4_400_000 },
  added: [
    { artifact: PKG, path: 'package/dist/cli.js.map', bytes: 3_400_000 },
    { artifact: PKG, path: 'package/.env', bytes: 96 },
    { artifact: PKG, path: 'package/CLAUDE.md', bytes: 2048 }
  ],
  removed: [{ artifact: PKG, path: 'package/dist/legacy.js', bytes: 12_000 }],
  grown: [{ artifact: PKG, path: 'package/dist/cli.js', before: 200_000, after: 410_000 }],
  introduced: [
    {
      rule: 'sourcemap/embedded-source',
      severity: 'error',
      artifact: PKG,
      path: 'package/dist/cli.js.map'
    }
  ],
  counts: { added: 3, removed: 1, grown: 1, introduced: 1 },
  thresholds: DEFAULT_BASELINE_THRESHOLDS,
  notes: []
}

/** Two artifacts, every severity, hostile names, suppressions and a baseline. */
export function sampleReport(failOn: FailOn = 'error'): Report {
  const findings: Finding[] = [
    {
      rule: 'sourcemap/embedded-source',
      severity: 'error',
      artifact: PKG,
      path: 'package/dist/cli.js.map',
      line: 1,
      message:
        'source map embeds 212 first-party sources (18,433 lines), e.g. src/index.ts, src/auth/token.ts',
      details: { firstParty: 212, lines: 18433, thirdParty: 40 }
    },
    {
      rule: 'private-file/env',
      severity: 'error',
      artifact: PKG,
      path: 'package/.env',
      message: 'environment file with 3 assignments'
    },
    {
      rule: 'secret/github-token',
      severity: 'error',
      artifact: WEB,
      path: 'assets/app.js',
      line: 42,
      message: `GitHub token ${REDACTED_TOKEN} in text`
    },
    {
      rule: 'sourcemap/file',
      severity: 'warning',
      artifact: WEB,
      path: 'assets/a|b `x` <img src=x>.js.map',
      message:
        'source map without sourcesContent exposes 12 paths under node_modules/@acme/internal'
    },
    {
      rule: 'private-file/agent-instructions',
      severity: 'warning',
      artifact: PKG,
      path: 'package/CLAUDE.md',
      message: 'agent instructions file\nwith *markdown* and | pipes'
    },
    {
      rule: 'sourcemap/reference',
      severity: 'notice',
      artifact: WEB,
      path: 'assets/vendor.js',
      line: 3,
      message: 'sourceMappingURL points to vendor.js.map, which is not in the artifact'
    }
  ]
  return makeReport(
    findings,
    [
      { name: PKG, source: 'npm pack', files: 44, bytes: 4_400_000 },
      { name: WEB, source: 'workflow artifact 1234', files: 310, bytes: 12_582_912 }
    ],
    {
      suppressed: [
        {
          rule: 'private-file/litter',
          path: '**/.DS_Store',
          reason: 'cleaned by the publish script',
          until: '2026-12-31',
          count: 2
        }
      ],
      baseline: BASELINE
    },
    failOn
  )
}

/** `n` findings spread over severities and two artifacts, in report order. */
export function manyFindings(
  n: number,
  message = (i: number) => `finding number ${i} in a long list`
): Finding[] {
  const severities: Severity[] = ['error', 'warning', 'notice']
  return Array.from({ length: n }, (_, i): Finding => ({
    rule: i % 2 ? 'private-file/env' : 'sourcemap/file',
    severity: severities[Math.floor((i * 3) / n)],
    artifact: i % 2 ? PKG : WEB,
    path: `package/dir-${String(i).padStart(5, '0')}/file.js.map`,
    message: message(i)
  }))
}

export const SAMPLE_ARTIFACTS: Report['artifacts'] = [
  { name: PKG, source: 'npm pack', files: 44, bytes: 4_400_000 },
  { name: WEB, source: 'workflow artifact 1234', files: 310, bytes: 12_582_912 }
]
