// Real-world check of the release-over-release comparison: downloads two consecutive published
// versions of a real npm package and compares the newer tarball with the older one as baseline.
//   node scripts/real-baseline.mjs [package] [previous] [next] [--api]
// Default: clsx 2.0.0 → 2.1.0 (2.1.0 added dist/lite.js and dist/lite.mjs). Uses the bundled CLI
// (`node dist/cli/index.js --baseline npm:<pkg>@<previous> <next.tgz>`) when dist/ exists,
// otherwise (or with --api) compiles src/ with tsc into a temp dir and calls the API directly.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2).filter((a) => a !== '--api')
const forceApi = process.argv.includes('--api')
const [pkg = 'clsx', previous = '2.0.0', next = '2.1.0'] = args
const cli = path.join(root, 'dist', 'cli', 'index.js')

const tmp = await mkdtemp(path.join(os.tmpdir(), 'real-baseline-'))
try {
  const { stdout } = await run(
    'npm',
    ['pack', `${pkg}@${next}`, '--json', '--ignore-scripts', '--pack-destination', tmp],
    {
      cwd: tmp
    }
  )
  const tgz = path.join(tmp, JSON.parse(stdout)[0].filename.replace(/^@/, '').replace(/\//g, '-'))
  console.log(`# ${pkg}: ${next} (${path.basename(tgz)}) compared with npm:${pkg}@${previous}\n`)
  if (existsSync(cli) && !forceApi) await viaCli(tgz)
  else await viaApi(tgz)
} finally {
  await rm(tmp, { recursive: true, force: true })
}

async function viaCli(tgz) {
  console.log(`$ node dist/cli/index.js --baseline npm:${pkg}@${previous} ${path.basename(tgz)}`)
  const result = await run('node', [cli, '--baseline', `npm:${pkg}@${previous}`, tgz], {
    cwd: tmp
  }).catch((e) => e)
  process.stdout.write(result.stdout ?? '')
  process.stderr.write(result.stderr ?? '')
  console.log(`(exit code ${result.code ?? 0})`)
}

async function viaApi(tgz) {
  const out = path.join(tmp, 'build')
  // Type errors elsewhere in the tree do not stop tsc from emitting what this check needs.
  await run(
    'npx',
    ['tsc', '-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', out, '--rootDir', '.'],
    {
      cwd: root
    }
  ).catch(() => undefined)
  await writeFile(path.join(out, 'package.json'), '{"type":"module"}\n')
  await symlink(path.join(root, 'node_modules'), path.join(out, 'node_modules'), 'dir')
  const load = (file) => import(pathToFileURL(path.join(out, 'src', file)).href)
  const { audit } = await load('engine/audit.js')
  const rules = await loadRules(load)
  const { applyBaseline, loadBaseline, renderBaselineText } = await load('baseline/index.js')
  const { renderText } = await load('report/text.js')
  const auditArtifacts = (inputs) => audit(inputs, { rules, failOn: 'never' })

  console.log('(API: loadBaseline → audit → applyBaseline → renderText + renderBaselineText)\n')
  const started = Date.now()
  const baseline = await loadBaseline(`npm:${pkg}@${previous}`, { cwd: tmp, auditArtifacts })
  if ('warning' in baseline) throw new Error(baseline.warning)
  const current = await auditArtifacts([
    { name: path.basename(tgz), source: 'path', input: { kind: 'file', path: tgz } }
  ])
  const report = applyBaseline(current, baseline, { failOn: 'error' })
  process.stdout.write(renderText(report, 'error'))
  console.log(`\n${renderBaselineText(report.baseline)}`)
  console.log(`\n(${Date.now() - started} ms including the registry download)`)
}

/** Every built-in rule family; while a family is still missing from the tree, those that exist. */
async function loadRules(load) {
  try {
    return (await load('rules/index.js')).BUILTIN_RULES
  } catch (error) {
    console.log(
      `(rules/index.js not loadable yet: ${error.message.split('\n')[0]}; using the families present)`
    )
    const rules = []
    for (const [file, name] of [
      ['rules/sourcemap.js', 'sourcemapRule'],
      ['rules/secret.js', 'secretRule'],
      ['rules/private-file.js', 'privateFileRule']
    ]) {
      const loaded = await load(file).catch(() => undefined)
      if (loaded?.[name]) rules.push(loaded[name])
    }
    return rules
  }
}
