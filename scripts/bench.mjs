// `npm run bench`: how much slower than plain decompression is an audit, and how much memory does
// it take? Each case in scripts/bench/cases/*.mjs exports { name, target, generate(dir), verify? }:
// generate writes its input (deterministically) into a fresh temp dir and returns
// { input, baseline: [program, ...args], args? }; the baseline is what merely reading the input
// costs (`gzip -dc`, `unzip -p`, output discarded), `args` are extra options for the audit. Both
// run BENCH_RUNS times (default 5) after one warm-up, interleaved; medians are compared against
// target { maxRatio, maxRssMiB? }.
// Usage: node scripts/bench.mjs [case-file-name …]   (exit 1 when a target fails, 2 on error)
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { median, timeCommand } from './bench/measure.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const cli = path.resolve(process.env.BENCH_CLI ?? path.join(here, '..', 'dist', 'cli', 'index.js'))
const preload = path.join(here, 'bench', 'report-rss.cjs')
const runs = Number(process.env.BENCH_RUNS ?? 5)

if (!existsSync(cli)) {
  console.error(
    `bench: ${path.relative(process.cwd(), cli)} not found; run 'npm run bundle' first (or set BENCH_CLI)`
  )
  process.exit(2)
}

const cases = await loadCases(process.argv.slice(2))
const dir = await mkdtemp(path.join(os.tmpdir(), 'release-audit-bench-'))
const rows = []
try {
  for (const benchCase of cases) rows.push(await runCase(benchCase, dir))
} finally {
  await rm(dir, { recursive: true, force: true })
}
printTable(rows)
process.exit(rows.every((row) => row.pass) ? 0 : 1)

async function loadCases(only) {
  const folder = path.join(here, 'bench', 'cases')
  const files = (await readdir(folder)).filter((f) => f.endsWith('.mjs')).sort()
  const selected =
    only.length > 0 ? files.filter((f) => only.some((name) => f.startsWith(name))) : files
  if (selected.length === 0) {
    console.error(`bench: no case matches ${only.join(', ')}; cases: ${files.join(', ')}`)
    process.exit(2)
  }
  return Promise.all(
    selected.map(async (f) => (await import(pathToFileURL(path.join(folder, f)).href)).default)
  )
}

async function runCase(benchCase, dir) {
  process.stderr.write(`bench: ${benchCase.name}: generating… `)
  const started = performance.now()
  const { input, baseline, args = [] } = await benchCase.generate(dir)
  process.stderr.write(
    `${((performance.now() - started) / 1000).toFixed(1)} s; running ${runs}× (+1 warm-up)\n`
  )
  const rssFile = path.join(dir, 'max-rss')
  const audit = [
    process.execPath,
    '--require',
    preload,
    cli,
    '--format',
    'json',
    '--fail-on',
    'never',
    ...args,
    input
  ]
  const auditEnv = { ...process.env, BENCH_RSS_FILE: rssFile }
  const baselineMs = []
  const auditMs = []
  let peakKiB = 0
  let problem
  for (let run = 0; run <= runs && problem === undefined; run++) {
    const base = await timeCommand(baseline)
    if (base.code !== 0)
      problem = `baseline ${baseline[0]} exited ${base.code}: ${base.stderr.trim()}`
    const result = await timeCommand(audit, { env: auditEnv, captureStdout: true })
    if (result.code !== 0)
      problem = `audit exited ${result.code}: ${result.stderr.trim().split('\n')[0]}`
    else if (run === 0) problem = benchCase.verify?.(JSON.parse(result.stdout))
    peakKiB = Math.max(peakKiB, Number(await readFile(rssFile, 'utf8').catch(() => '0')))
    if (run === 0) continue // warm-up: page cache, compile cache
    baselineMs.push(base.ms)
    auditMs.push(result.ms)
  }
  const row = {
    name: benchCase.name,
    baselineMs: median(baselineMs),
    auditMs: median(auditMs),
    rssMiB: peakKiB / 1024,
    target: benchCase.target,
    problem
  }
  row.ratio = row.auditMs / row.baselineMs
  row.pass =
    problem === undefined &&
    row.ratio <= benchCase.target.maxRatio &&
    (benchCase.target.maxRssMiB === undefined || row.rssMiB <= benchCase.target.maxRssMiB)
  return row
}

function printTable(rows) {
  const header = ['case', 'baseline ms', 'audit ms', 'ratio', 'peak RSS MiB', 'target', 'result']
  const lines = rows.map((row) => {
    const { maxRatio, maxRssMiB } = row.target
    const target = `≤${maxRatio}×${maxRssMiB === undefined ? '' : ` ≤${maxRssMiB} MiB`}`
    const failed = row.problem === undefined ? '' : ` (${row.problem})`
    return [
      row.name,
      fixed(row.baselineMs),
      fixed(row.auditMs),
      fixed(row.ratio, 2),
      fixed(row.rssMiB),
      target,
      `${row.pass ? 'PASS' : 'FAIL'}${failed}`
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const format = (cells) =>
    cells
      .map((c, i) => (i === 0 || i >= 5 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd()
  console.log(
    [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n')
  )
}

function fixed(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : '-'
}
