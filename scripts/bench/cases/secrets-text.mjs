// An npm-style tarball with ~100 MB of code-like text in ~400 files (bundles, chunks, type
// declarations, JSON, docs) and a handful of planted fake credentials: the secret scanner's case,
// where every byte of every text file goes through the secret prefilter. The fakes are built at
// runtime from a seeded generator (GitHub/npm ones with a valid CRC32 checksum), never stored.
import { generateKeyPairSync } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import * as tar from 'tar'
import { createRandom, generateName, generateTypeScript, WORDS } from '../random.mjs'

const MiB = 1024 * 1024
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const BASE64 = `${ALNUM}+/`

/** Where each planted secret goes, and the rule that must report it there. */
const PLANTED = [
  { path: 'package/dist/chunks/chunk-017.js', rule: 'secret/github-token' },
  { path: 'package/dist/chunks/chunk-211.js', rule: 'secret/npm-token' },
  { path: 'package/dist/config.js', rule: 'secret/aws-access-key' },
  { path: 'package/dist/config.js', rule: 'secret/aws-secret-key' },
  { path: 'package/dist/main.js', rule: 'secret/stripe-key' },
  { path: 'package/dist/main.js', rule: 'secret/slack-webhook' },
  { path: 'package/lib/deploy.js', rule: 'secret/private-key' },
  { path: 'package/docs/setup.md', rule: 'secret/anthropic-key' }
]

export default {
  name: 'secrets-100mb-text',
  target: { maxRatio: 3, maxRssMiB: 220 },

  /** @param {string} dir */
  async generate(dir) {
    const random = createRandom(100)
    const text = (bytes) => generateTypeScript(random, bytes).replace(/: [A-Z]\w+/g, '')
    const fake = createFakes(random)
    const root = path.join(dir, 'secrets-text')
    const pkg = path.join(root, 'package')
    for (const folder of ['dist/chunks', 'dist/types', 'lib', 'docs', 'data']) {
      await mkdir(path.join(pkg, folder), { recursive: true })
    }
    const plant = (code, line) => {
      const lines = code.split('\n')
      lines.splice(Math.floor(lines.length / 2), 0, line)
      return lines.join('\n')
    }

    await writeFile(
      path.join(pkg, 'dist', 'main.js'),
      plant(
        plant(text(20 * MiB), `const stripe = createStripe("${fake.stripeLive()}")`),
        `const hook = '${fake.slackWebhook()}'`
      )
    )
    await writeFile(
      path.join(pkg, 'dist', 'config.js'),
      plant(
        text(2 * MiB),
        `export const aws = { accessKeyId: '${fake.awsKeyId()}', secretAccessKey: '${fake.awsSecret()}' }`
      )
    )
    for (let i = 0; i < 250; i++) {
      const name = `chunk-${String(i).padStart(3, '0')}.js`
      let code = text(200 * 1024 + random.int(100 * 1024))
      if (i === 17) code = plant(code, `headers.Authorization = \`token ${fake.github()}\``)
      if (i === 211) code = plant(code, `const registryToken = '${fake.npm()}'`)
      await writeFile(path.join(pkg, 'dist', 'chunks', name), code)
    }
    for (let i = 0; i < 120; i++) {
      await writeFile(
        path.join(pkg, 'dist', 'types', `${generateName(random)}${i}.d.ts`),
        generateTypeScript(random, 20 * 1024)
      )
    }
    await writeFile(path.join(pkg, 'lib', 'deploy.js'), plant(text(MiB), fake.privateKeyLiteral()))
    await writeFile(
      path.join(pkg, 'docs', 'setup.md'),
      plant(generateMarkdown(random, 2 * MiB), `    export ANTHROPIC_API_KEY=${fake.anthropic()}`)
    )
    for (let i = 0; i < 6; i++) {
      await writeFile(path.join(pkg, 'data', `lock${i}.json`), generateLockfile(random, 2 * MiB))
    }
    await writeFile(
      path.join(pkg, 'package.json'),
      JSON.stringify({ name: 'bench-secrets', version: '1.0.0', main: 'dist/main.js' }, null, 2)
    )

    const file = path.join(dir, 'secrets-text.tgz')
    await tar.c({ gzip: true, file, cwd: root, portable: true, mtime: new Date(0) }, ['package'])
    await rm(root, { recursive: true })
    return { input: file, baseline: ['gzip', '-dc', file] }
  },

  /** Every planted secret reported where it was planted, and no secret reported elsewhere. @param {any} report */
  verify(report) {
    const secrets = report.findings.filter((f) => f.rule.startsWith('secret/'))
    const missing = PLANTED.filter(
      (p) => !secrets.some((f) => f.rule === p.rule && f.path === p.path)
    )
    if (missing.length > 0) {
      return `planted secrets not reported: ${missing.map((p) => `${p.rule} in ${p.path}`).join(', ')}`
    }
    const extra = secrets.filter(
      (f) => !PLANTED.some((p) => p.rule === f.rule && p.path === f.path)
    )
    if (extra.length > 0) {
      return `unexpected secret findings: ${extra.map((f) => `${f.rule} at ${f.path}:${f.line}`).join(', ')}`
    }
    return undefined
  }
}

/** Fake credentials of the right shapes, assembled from pieces at runtime. */
function createFakes(random) {
  const pick = (alphabet, n) =>
    Array.from({ length: n }, () => alphabet[random.int(alphabet.length)]).join('')
  const checksummed = (prefix) => {
    const body = pick(ALNUM, 30)
    return prefix + body + base62(crc32(body)).padStart(6, '0')
  }
  return {
    github: () => checksummed('gh' + 'p_'),
    npm: () => checksummed('np' + 'm_'),
    awsKeyId: () => 'AK' + 'IA' + pick(BASE32, 16),
    awsSecret: () => pick(BASE64, 40),
    stripeLive: () => 'sk' + '_live_' + pick(ALNUM, 24),
    slackWebhook: () =>
      `https://hooks.${'slack'}.com/services/T${pick(BASE32, 8)}/B${pick(BASE32, 10)}/${pick(ALNUM, 24)}`,
    anthropic: () => 'sk-' + 'ant-api03-' + pick(`${ALNUM}_-`, 93) + 'AA',
    privateKeyLiteral: () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
      return `const deployKey = ${JSON.stringify(pem)}`
    }
  }
}

function base62(n) {
  let out = ''
  do {
    out = ALNUM[n % 62] + out
    n = Math.floor(n / 62)
  } while (n > 0)
  return out
}

function generateMarkdown(random, targetBytes) {
  const parts = []
  for (let size = 0; size < targetBytes;) {
    const part =
      `## ${generateName(random)}\n\nThe ${random.pick(WORDS)} keeps a ${random.pick(WORDS)} per ` +
      `${random.pick(WORDS)}; set \`${random.pick(WORDS).toUpperCase()}_TOKEN\` to a token of your ` +
      `own before running \`npm run ${random.pick(WORDS)}\`.\n\n` +
      '```ts\n' +
      generateTypeScript(random, 600) +
      '\n```\n\n'
    parts.push(part)
    size += part.length
  }
  return parts.join('')
}

/** A package-lock.json: registry URLs and base64 integrity hashes, a classic false-positive bed. */
function generateLockfile(random, targetBytes) {
  const packages = {}
  for (let size = 0; size < targetBytes; size += 300) {
    const name = `${random.pick(WORDS)}-${generateName(random).toLowerCase()}`
    const version = `${random.int(20)}.${random.int(30)}.${random.int(50)}`
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      integrity: `sha512-${Array.from({ length: 86 }, () => BASE64[random.int(64)]).join('')}==`,
      license: random.pick(['MIT', 'ISC', 'Apache-2.0'])
    }
  }
  return JSON.stringify({ name: 'bench-secrets', lockfileVersion: 3, packages }, null, 2)
}
