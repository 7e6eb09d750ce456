// Real-world check: packs a pinned list of published npm packages (scripts/real-packages/
// packages.mjs) into a temp dir, audits each tarball with the bundled CLI
// (`node dist/cli/index.js --format json --fail-on never <tgz>`), prints a table, lists every
// error and warning a person should judge, and checks each group's expectation against an
// independent JSON.parse census of the tarball's maps.
//   node scripts/real-packages.mjs [group|package …]     (groups: embedded, no-sources, clean,
//                                                         sweep, control; default: all)
// Exit 0 when every expectation holds, 1 when one fails, 2 when the CLI is missing or a package
// cannot be downloaded. Needs the npm registry; nothing is cached in the repository.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { takeCensus } from './real-packages/census.mjs'
import { checkPackage, describe, isCredentialRule } from './real-packages/expectations.mjs'
import { GROUPS, PACKAGES } from './real-packages/packages.mjs'

const run = promisify(execFile)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(root, 'dist', 'cli', 'index.js')
const MAX_REPORT_BYTES = 512 * 1024 * 1024

const only = process.argv.slice(2)
const selected = PACKAGES.filter(
  (p) => only.length === 0 || only.some((o) => o === p.group || p.spec.startsWith(o))
)
if (!existsSync(cli)) bail(`${path.relative(process.cwd(), cli)} not found; run 'npm run bundle'`)
if (selected.length === 0)
  bail(`nothing matches ${only.join(', ')}; groups: ${Object.keys(GROUPS)}`)

const started = performance.now()
const tmp = await mkdtemp(path.join(os.tmpdir(), 'real-packages-'))
let rows
let packSeconds
let fatal
try {
  const tarballs = await packAll(selected.map((p) => p.spec))
  packSeconds = seconds(started)
  rows = []
  for (const pkg of selected) rows.push(await auditPackage(pkg, tarballs.get(pkg.spec)))
} catch (error) {
  fatal = error.message
} finally {
  await rm(tmp, { recursive: true, force: true })
}
if (fatal !== undefined) bail(fatal)

printTable(rows)
printToJudge(rows)
const failed = rows.filter((r) => r.failures.length > 0)
for (const row of failed) {
  console.log(`\nFAILED ${row.pkg.spec} (${row.pkg.group}: ${GROUPS[row.pkg.group]}):`)
  for (const failure of row.failures) console.log(`  - ${failure}`)
}
const auditSeconds = rows.reduce((sum, r) => sum + r.auditMs, 0) / 1000
printCrossCheck(rows)
console.log(
  `\n${rows.length} packages, ${failed.length} failed their expectation; ` +
    `npm pack ${packSeconds.toFixed(1)} s, audits ${auditSeconds.toFixed(1)} s, ` +
    `total ${seconds(started).toFixed(1)} s`
)
process.exit(failed.length > 0 ? 1 : 0)

/** One `npm pack` for every spec; returns spec → tarball path. */
async function packAll(specs) {
  process.stderr.write(`npm pack ${specs.length} packages… `)
  const { stdout } = await run(
    'npm',
    ['pack', ...specs, '--json', '--ignore-scripts', '--pack-destination', tmp],
    { cwd: tmp, maxBuffer: MAX_REPORT_BYTES }
  ).catch((error) => {
    const errors = (error.stderr ?? '').split('\n').filter((l) => l.startsWith('npm error'))
    process.stderr.write('failed\n')
    throw new Error(`npm pack failed:\n${errors.join('\n') || error.message}`)
  })
  const packed = new Map(JSON.parse(stdout).map((p) => [p.id, path.join(tmp, p.filename)]))
  const missing = specs.filter((s) => !packed.has(s))
  if (missing.length > 0) throw new Error(`npm pack did not return ${missing.join(', ')}`)
  process.stderr.write(`${seconds(started).toFixed(1)} s\n`)
  return packed
}

async function auditPackage(pkg, tgz) {
  const auditStart = performance.now()
  const result = await run('node', [cli, '--format', 'json', '--fail-on', 'never', tgz], {
    cwd: tmp,
    maxBuffer: MAX_REPORT_BYTES
  }).catch((error) => error)
  const auditMs = performance.now() - auditStart
  const report = parseReport(result)
  const census = await takeCensus(tgz)
  const failures =
    'error' in report ? [report.error] : [...new Set(checkPackage(pkg, report, census))]
  const tgzBytes = (await stat(tgz)).size
  process.stderr.write(`  ${pkg.spec}: ${Math.round(auditMs)} ms\n`)
  return { pkg, report, census, failures, auditMs, tgzBytes }
}

function parseReport(result) {
  if (result.code !== undefined && result.code !== 0) {
    return { error: `CLI exit ${result.code}: ${(result.stderr ?? result.message).trim()}` }
  }
  try {
    return JSON.parse(result.stdout)
  } catch (error) {
    return { error: `CLI printed no JSON report (${error.message}): ${result.stderr.trim()}` }
  }
}

function printTable(rows) {
  const head = [
    'group',
    'package',
    'files',
    'tgz',
    'unpacked',
    'maps',
    'E/W/N',
    'ms',
    'rules',
    'ok'
  ]
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`)
  for (const { pkg, report, census, failures, auditMs, tgzBytes } of rows) {
    const s = report.summary ?? {}
    const embedding = [...census.maps.values()].filter((m) => m.firstParty > 0).length
    const cells = [
      pkg.group,
      pkg.spec,
      s.files ?? '?',
      size(tgzBytes),
      size(s.bytes ?? 0),
      census.maps.size === 0 ? '—' : `${census.maps.size} (${embedding} embed)`,
      `${s.error ?? '?'}/${s.warning ?? '?'}/${s.notice ?? '?'}`,
      Math.round(auditMs),
      countRules(report.findings ?? []) || '—',
      failures.length === 0 ? 'yes' : `**NO** (${failures.length})`
    ]
    console.log(`| ${cells.join(' | ')} |`)
  }
}

/** `sourcemap/file ×7 (3 w, 4 n)`: each rule with its count and severity split. */
function countRules(findings) {
  const rules = new Map()
  for (const f of findings) {
    const bySeverity = rules.get(f.rule) ?? { error: 0, warning: 0, notice: 0 }
    bySeverity[f.severity]++
    rules.set(f.rule, bySeverity)
  }
  return [...rules]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, n]) => {
      const parts = ['error', 'warning', 'notice'].filter((k) => n[k] > 0)
      const total = parts.reduce((sum, k) => sum + n[k], 0)
      const split = parts.length > 1 ? ` (${parts.map((k) => `${n[k]} ${k[0]}`).join(', ')})` : ''
      return `${rule} ×${total}${parts.length === 1 ? ` ${parts[0]}` : split}`
    })
    .join('; ')
}

/**
 * The findings a person should judge: every credential-rule error and warning, and every other
 * error or warning in the clean and sweep groups that the census does not explain (a
 * sourcemap/file warning on a real `.map` file is explained). The control group's expected keys
 * are counted in the table, not listed.
 */
function printToJudge(rows) {
  const credentials = { error: 0, warning: 0, notice: 0 }
  for (const { pkg, report } of rows) {
    if (pkg.group !== 'sweep') continue
    for (const f of report.findings ?? []) if (isCredentialRule(f.rule)) credentials[f.severity]++
  }
  console.log(
    `\nSweep, secret/* and private-file/* findings: ${credentials.error} errors, ` +
      `${credentials.warning} warnings, ${credentials.notice} notices`
  )
  console.log('\nErrors and warnings to judge (credential rules anywhere but control; others in')
  console.log('clean and sweep unless sourcemap/file on a real .map file)')
  let listed = 0
  for (const { pkg, report, census } of rows) {
    if (pkg.group === 'control') continue
    const loud = (report.findings ?? []).filter(
      (f) =>
        (f.severity === 'error' || f.severity === 'warning') &&
        (isCredentialRule(f.rule) ||
          ((pkg.group === 'clean' || pkg.group === 'sweep') &&
            !(f.rule === 'sourcemap/file' && census.maps.has(f.path))))
    )
    for (const f of loud) console.log(`  ${pkg.spec}  ${describe(f)}`)
    listed += loud.length
  }
  if (listed === 0) console.log('  (none)')
}

/** How much of the CLI's source-map output the independent census confirmed. */
function printCrossCheck(rows) {
  const maps = rows.flatMap((r) => [...r.census.maps.values()].filter((m) => m.parsed))
  const embedding = maps.filter((m) => m.firstParty > 0)
  const files = embedding.reduce((sum, m) => sum + m.firstParty, 0)
  const lines = embedding.reduce((sum, m) => sum + m.firstPartyLines, 0)
  console.log(
    `\nCross-checked with JSON.parse: ${maps.length} maps, ${embedding.length} embedding ` +
      `${files.toLocaleString('en')} first-party files / ${lines.toLocaleString('en')} lines`
  )
}

function size(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`
}

function seconds(since) {
  return (performance.now() - since) / 1000
}

function bail(message) {
  console.error(`real-packages: ${message}`)
  process.exit(2)
}
