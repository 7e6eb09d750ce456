// `npm start`: builds the example release in examples/leaky-release into a temp dir as the
// tarball `npm pack` would produce, adds the secrets a careless build picks up (generated fresh
// on every run, so none is ever stored), and audits it with the bundled CLI.
// Exits 0 when the audit blocks the release as it should, 1 when it does not.
import { execFile } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as tar from 'tar'

const here = path.dirname(fileURLToPath(import.meta.url))
const example = path.join(here, 'leaky-release')
const cli = path.join(here, '..', 'dist', 'cli', 'index.js')
const SOURCES = ['src/cli.ts', 'src/config.ts', 'src/agent/loop.ts']

const tmp = await mkdtemp(path.join(os.tmpdir(), 'release-audit-example-'))
try {
  const pkg = path.join(tmp, 'package')
  await mkdir(path.join(pkg, 'dist'), { recursive: true })
  await writeFile(path.join(pkg, 'package.json'), await readFile(path.join(example, 'package.json')))
  const contents = await Promise.all(SOURCES.map((s) => readFile(path.join(example, s), 'utf8')))
  const bundle = contents.join('\n').replace(/^import .*$/gm, '')
  await writeFile(path.join(pkg, 'dist', 'cli.js'), `${bundle}\n//# sourceMappingURL=cli.js.map\n`)
  const map = {
    version: 3,
    file: 'cli.js',
    sources: [...SOURCES.map((s) => `../${s}`), '../node_modules/tslib/tslib.es6.js'],
    sourcesContent: [...contents, 'export function __awaiter() {}\n'],
    names: [],
    mappings: 'AAAA;AACA'
  }
  await writeFile(path.join(pkg, 'dist', 'cli.js.map'), JSON.stringify(map))
  const password = randomBytes(12).toString('base64url')
  await writeFile(
    path.join(pkg, '.env'),
    `DATABASE_URL=postgres://app:${password}@db.internal.example.com/app\n` +
      `SESSION_SECRET=${randomBytes(24).toString('hex')}\n`
  )
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  await writeFile(path.join(pkg, 'deploy_key'), privateKey.export({ type: 'pkcs1', format: 'pem' }))

  const tarball = 'example-leaky-cli-1.4.0.tgz'
  await tar.c({ gzip: true, cwd: tmp, file: path.join(tmp, tarball), portable: true }, ['package'])
  const code = await new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, tarball], { cwd: tmp }, (error) =>
      resolve(error ? (error.code ?? 2) : 0)
    )
    child.stdout.pipe(process.stdout)
    child.stderr.pipe(process.stderr)
  })
  if (code === 1) {
    console.log('\nThe audit blocked this release (exit code 1), as it should.')
  } else {
    console.log(`\nUnexpected: the audit exited with ${code}; the example release should have failed.`)
    process.exitCode = 1
  }
} finally {
  await rm(tmp, { recursive: true, force: true })
}
