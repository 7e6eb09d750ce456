import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { compareWithBaseline } from '../../src/baseline/compare.js'
import { loadBaseline } from '../../src/baseline/load.js'
import type { ArtifactInput } from '../../src/engine/artifact.js'
import { audit } from '../../src/engine/audit.js'
import type { Report } from '../../src/engine/report.js'
import { sourcemapRule } from '../../src/rules/sourcemap.js'
import { buildTgz } from './archives.js'
import type { FakeRegistry, RegistryMode } from './fake-registry.js'
import { startFakeRegistry } from './fake-registry.js'
import { buildReport } from './reports.js'

// These tests run the real npm CLI against registries on 127.0.0.1.
let dir: string
const closers: (() => Promise<void>)[] = []

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'baseline-npm-'))
})
afterAll(async () => {
  await Promise.all(closers.map((close) => close()))
  await rm(dir, { recursive: true, force: true })
})

const manifest = (name: string, version: string) => JSON.stringify({ name, version })
let published: Record<string, { latest: string; versions: { version: string; tarball: Buffer }[] }>

beforeAll(async () => {
  published = {
    'demo-pkg': {
      latest: '1.1.0',
      versions: [
        {
          version: '1.0.0',
          tarball: await buildTgz({
            'package/package.json': manifest('demo-pkg', '1.0.0'),
            'package/index.js': 'one'
          })
        },
        {
          version: '1.1.0',
          tarball: await buildTgz({
            'package/package.json': manifest('demo-pkg', '1.1.0'),
            'package/index.js': 'one plus',
            'package/extra.js': 'two'
          })
        }
      ]
    },
    '@demo/scoped': {
      latest: '2.0.0',
      versions: [
        {
          version: '2.0.0',
          tarball: await buildTgz({ 'package/package.json': manifest('@demo/scoped', '2.0.0') })
        }
      ]
    }
  }
})

async function registry(mode: RegistryMode): Promise<FakeRegistry> {
  const fake = await startFakeRegistry(mode, mode === 'serve' ? published : {})
  closers.push(() => fake.close())
  return fake
}

/** An isolated npm: its own cache and no user config, pointed at `registryUrl`. */
function npmEnv(registryUrl: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k))
  )
  return {
    ...env,
    npm_config_registry: registryUrl,
    npm_config_cache: path.join(dir, 'npm-cache'),
    npm_config_userconfig: path.join(dir, 'no-user-npmrc'),
    npm_config_update_notifier: 'false'
  }
}

async function project(name: string, files: Record<string, string> = {}): Promise<string> {
  const cwd = path.join(dir, name)
  await mkdir(cwd, { recursive: true })
  await writeFile(
    path.join(cwd, 'package.json'),
    files['package.json'] ?? manifest('demo-pkg', '1.2.0')
  )
  for (const [file, content] of Object.entries(files))
    await writeFile(path.join(cwd, file), content)
  return cwd
}

/** Audits the download with the real walker and source-map rule, and remembers where it was. */
function listingAuditor() {
  const seen: ArtifactInput[] = []
  const auditArtifacts = (inputs: ArtifactInput[]): Promise<Report> => {
    seen.push(...inputs)
    return audit(inputs, { rules: [sourcemapRule], failOn: 'never' })
  }
  return { seen, auditArtifacts }
}

describe('loadBaseline from an npm registry', () => {
  it('downloads the named version with npm pack, audits it and removes the download', async () => {
    const fake = await registry('serve')
    const auditor = listingAuditor()
    const loaded = await loadBaseline('npm:demo-pkg@1.0.0', {
      cwd: await project('exact'),
      env: npmEnv(fake.url),
      auditArtifacts: auditor.auditArtifacts
    })
    expect('warning' in loaded ? loaded.warning : loaded.label).toBe('demo-pkg@1.0.0')
    expect(auditor.seen).toMatchObject([
      { name: 'demo-pkg-1.0.0.tgz', source: 'npm demo-pkg@1.0.0' }
    ])
    const entries = 'report' in loaded ? (loaded.report.artifacts[0]?.entries ?? []) : []
    expect([...entries].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'package/index.js', size: 3 },
      { path: 'package/package.json', size: manifest('demo-pkg', '1.0.0').length }
    ])
    const downloaded = auditor.seen[0]?.input
    await expect(access(downloaded?.kind === 'file' ? downloaded.path : '')).rejects.toThrow()
    expect(fake.requests).toContain('/demo-pkg/-/demo-pkg-1.0.0.tgz')
    expect(fake.requests.every((p) => p.startsWith('/demo-pkg'))).toBe(true)
  })

  it("resolves 'latest' for npm:<name> and for auto, and the comparison sees the changes", async () => {
    const fake = await registry('serve')
    const cwd = await project('auto')
    const options = { cwd, env: npmEnv(fake.url), ...listingAuditor() }
    const latest = await loadBaseline('npm:demo-pkg', options)
    const auto = await loadBaseline('auto', options)
    expect('label' in latest && latest.label).toBe('demo-pkg@1.1.0')
    expect('label' in auto && auto.label).toBe('demo-pkg@1.1.0')
    if (!('report' in auto)) throw new Error(auto.warning)
    const current = buildReport([
      {
        name: 'demo-pkg-1.2.0.tgz',
        files: { 'package/package.json': 40, 'package/index.js': 8, 'package/index.js.map': 99 }
      }
    ])
    const { findings } = compareWithBaseline(current, auto)
    expect(findings.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'baseline/new-file package/index.js.map',
      'baseline/removed-file package/extra.js',
      'baseline/growth '
    ])
  })

  it('honours a scoped registry from the project .npmrc', async () => {
    const fake = await registry('serve')
    const dead = await registry('fail-500')
    const cwd = await project('scoped', { '.npmrc': `@demo:registry=${fake.url}\n` })
    const loaded = await loadBaseline('npm:@demo/scoped@2.0.0', {
      cwd,
      env: npmEnv(dead.url),
      ...listingAuditor()
    })
    expect(loaded).toMatchObject({ label: '@demo/scoped@2.0.0' })
    expect(dead.requests).toEqual([])
  })

  it.each([
    {
      spec: 'npm:demo-pkg@9.9.9',
      mode: 'serve',
      reason: /^no such version \(ETARGET\): No matching version found for demo-pkg@9\.9\.9/
    },
    { spec: 'npm:demo-pkg@1.0.0', mode: 'fail-500', reason: /500/ },
    { spec: 'npm:demo-pkg@1.0.0', mode: 'reset', reason: /^registry unreachable \(ECONNRESET\)/ },
    {
      spec: 'npm:never-published@1.0.0',
      mode: 'not-found',
      reason: /^not found on the registry \(E404\)/
    },
    {
      spec: 'auto',
      mode: 'not-found',
      reason: /^first release, nothing to compare \(demo-pkg is not on the registry\)$/
    }
  ] as const)(
    '$spec against a registry in mode $mode → warning',
    async ({ spec, mode, reason }) => {
      const fake = await registry(mode)
      const result = await loadBaseline(spec, {
        cwd: await project(`fail-${mode}`),
        env: npmEnv(fake.url),
        ...listingAuditor()
      })
      expect('warning' in result).toBe(true)
      const warning = 'warning' in result ? result.warning : ''
      expect(warning.startsWith(`baseline '${spec}' not used: `)).toBe(true)
      expect(warning.slice(`baseline '${spec}' not used: `.length)).toMatch(reason)
      expect(fake.requests.length).toBeGreaterThan(0)
    }
  )

  it('warns quickly when nothing listens on the registry port', async () => {
    const fake = await registry('serve')
    const { url } = fake
    await fake.close()
    const started = Date.now()
    const result = await loadBaseline('npm:demo-pkg@1.0.0', {
      cwd: await project('closed'),
      env: npmEnv(url),
      ...listingAuditor()
    })
    expect('warning' in result && result.warning).toMatch(/registry unreachable \(ECONNREFUSED\)/)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('warns when npm does not finish within the time limit', async () => {
    const fake = await registry('serve')
    const result = await loadBaseline('npm:demo-pkg@1.0.0', {
      cwd: await project('slow'),
      env: npmEnv(fake.url),
      timeoutMs: 1,
      ...listingAuditor()
    })
    expect('warning' in result && result.warning).toMatch(/npm did not finish within 0\.001 s/)
  })
})
