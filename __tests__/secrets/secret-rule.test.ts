import { describe, expect, it } from '@jest/globals'
import { MAX_REPORTS_PER_RULE, scanEmbeddedSource, secretRule } from '../../src/rules/secret.js'
import { runRule, toEntry } from '../support/run-rule.js'
import { createFakes, generatePrivateKeyPem } from './support/fake-secrets.js'

const fake = createFakes(11)

describe('secret rule', () => {
  it('reports each secret with its line, a redacted value and the column', () => {
    const token = fake.github()
    const line = `const client = new Octokit({ auth: "${token}" })`
    const reports = runRule(secretRule, { 'package/dist/index.js': `"use strict";\n${line}\n` })
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({
      rule: 'secret/github-token',
      severity: 'error',
      line: 2,
      message: 'GitHub personal access token (checksum valid): ghp_…',
      details: { redacted: 'ghp_…', column: line.indexOf(token) + 1 }
    })
    expect(reports[0].entry.path).toBe('package/dist/index.js')
  })

  it('never puts a secret value into a report', () => {
    const secrets = [fake.npm(), fake.awsSecret(), fake.generic(), fake.anthropic()]
    const pem = generatePrivateKeyPem('pkcs8')
    const reports = runRule(secretRule, {
      'config/settings.ini': `NPM_TOKEN=${secrets[0]}\nAWS_SECRET_ACCESS_KEY=${secrets[1]}\nDB_PASSWORD=${secrets[2]}\nANTHROPIC_API_KEY=${secrets[3]}\n`,
      'lib/keys.js': `export const key = ${JSON.stringify(pem)}`
    })
    expect(reports.map((r) => r.rule)).toEqual([
      'secret/npm-token',
      'secret/aws-secret-key',
      'secret/generic',
      'secret/anthropic-key',
      'secret/private-key'
    ])
    const serialized = JSON.stringify(reports.map(({ message, details }) => ({ message, details })))
    for (const secret of secrets) expect(serialized).not.toContain(secret.slice(4, 16))
    const keyBody = pem.split('\n')[1]
    expect(serialized).not.toContain(keyBody.slice(4, 20))
  })

  it('does not repeat what private-file reports about a whole env, credential or key file', () => {
    const pem = generatePrivateKeyPem('pkcs1')
    const reports = runRule(secretRule, {
      '.env': `SESSION_SECRET=${fake.generic(32)}\nNPM_TOKEN=${fake.npm()}\n`,
      '.npmrc': `//registry.npmjs.org/:_authToken=${fake.generic(36)}\n`,
      id_rsa: pem,
      deploy_key: pem,
      'docs/keys.md': `Our key:\n\n${pem}`
    })
    expect(reports.map((r) => [r.entry.path, r.rule])).toEqual([
      ['.env', 'secret/npm-token'],
      ['docs/keys.md', 'secret/private-key']
    ])
  })

  it('lowers secrets under test and fixture folders, at any nesting level, and says why', () => {
    const line = `k = "${fake.stripe('live')}"`
    const reports = runRule(secretRule, {
      'src/app.js': line,
      'package/test/fixtures/app.js': line,
      'vendor.tgz!/package/__tests__/app.js': line,
      'examples.zip!/demo/app.spec.ts': line
    })
    expect(reports.map((r) => [r.entry.path, r.severity])).toEqual([
      ['src/app.js', 'error'],
      ['package/test/fixtures/app.js', 'warning'],
      ['vendor.tgz!/package/__tests__/app.js', 'warning'],
      ['examples.zip!/demo/app.spec.ts', 'warning']
    ])
    expect(reports[1].message).toMatch(
      /one level lower because it is under a test, fixture or example folder/
    )
  })

  it('skips non-files, but scans JSON that merely has "mappings"', () => {
    const token = fake.npm()
    const reports = runRule(secretRule, {
      'dist/': { kind: 'directory' },
      'dist/link': { kind: 'symlink', target: token },
      'es/index.json': JSON.stringify({ mappings: { properties: {} }, token })
    })
    expect(reports.map((r) => r.entry.path)).toEqual(['es/index.json'])
  })

  it('scans each source a map embeds, not the map JSON, and names the source and its line', () => {
    const sources = ['webpack://app/./src/config.ts', 'webpack://app/./src/api.ts']
    const sourcesContent = [
      'export const x = 1\n',
      `// api\nconst key = '${fake.stripe('live')}'\n`
    ]
    const map = JSON.stringify({ version: 3, sources, sourcesContent, mappings: 'AAAA' })
    const reports = runRule(secretRule, { 'dist/main.js.map': map, 'dist/copy.json': map })
    expect(reports).toMatchObject([
      {
        rule: 'secret/stripe-key',
        line: 2,
        message: 'Stripe live secret key: sk_l… in embedded source src/api.ts, line 2',
        details: { source: 'src/api.ts', column: 14 }
      },
      { rule: 'secret/stripe-key', line: 2, details: { source: 'src/api.ts' } }
    ])
    expect(reports.map((r) => r.entry.path)).toEqual(['dist/main.js.map', 'dist/copy.json'])
  })

  it('scans the sources of an inline map and the carrying file, and a broken map as text', () => {
    const token = fake.github()
    const map = {
      version: 3,
      sources: ['../src/a.ts'],
      sourcesContent: [`gh = "${token}"`],
      mappings: ''
    }
    const inline = Buffer.from(JSON.stringify(map)).toString('base64')
    const reports = runRule(secretRule, {
      'dist/a.js': `const npm = '${fake.npm()}'\n//# sourceMappingURL=data:application/json;base64,${inline}\n`,
      'dist/broken.js.map': `{"version":3,"sources":["x"],"sourcesContent":["${token}"`
    })
    expect(
      reports.map((r) => [r.entry.path, r.rule, r.line, r.details?.source, r.details?.mapLine])
    ).toEqual([
      ['dist/a.js', 'secret/github-token', 1, 'src/a.ts', 2],
      ['dist/a.js', 'secret/npm-token', 1, undefined, undefined],
      ['dist/broken.js.map', 'secret/github-token', 1, undefined, undefined]
    ])
  })

  it(`lists ${MAX_REPORTS_PER_RULE} matches of a rule per file and counts the rest in one report`, () => {
    const keys = Array.from(
      { length: MAX_REPORTS_PER_RULE + 5 },
      (_, i) => `key${i} = ${fake.awsKeyId()}`
    )
    const reports = runRule(secretRule, { 'keys.txt': keys.join('\n') })
    expect(reports).toHaveLength(MAX_REPORTS_PER_RULE + 1)
    expect(reports.at(-1)).toMatchObject({
      rule: 'secret/aws-access-key',
      severity: 'error',
      line: MAX_REPORTS_PER_RULE + 1,
      message: '5 more secret/aws-access-key matches in this file are not listed one by one',
      details: { omitted: 5, lines: [11, 12, 13, 14, 15] }
    })
  })

  it('declares every rule id it reports, with a default severity', () => {
    const ids = Object.keys(secretRule.meta.rules)
    expect(ids.every((id) => id.startsWith('secret/'))).toBe(true)
    expect(secretRule.meta.rules['secret/generic'].severity).toBe('warning')
    expect(secretRule.meta.rules['secret/private-key'].severity).toBe('error')
  })
})

describe('scanEmbeddedSource (hook for the source-map rule)', () => {
  const entry = toEntry('package/dist/cli.js.map', '{}')

  it('reports on the map entry, with the line in the embedded source and details.source', () => {
    const reports = scanEmbeddedSource(
      entry,
      '../src/config.ts',
      `export const config = {\n  token: '${fake.npm()}'\n}\n`
    )
    expect(reports).toMatchObject([
      {
        rule: 'secret/npm-token',
        entry,
        line: 2,
        severity: 'error',
        message:
          'npm access token (checksum valid): npm_… in embedded source ../src/config.ts, line 2',
        details: { source: '../src/config.ts', redacted: 'npm_…', column: 11 }
      }
    ])
  })

  it('lowers secrets of an embedded source that lives under a test folder', () => {
    const reports = scanEmbeddedSource(
      entry,
      'webpack://app/src/__mocks__/api.ts',
      `key = "${fake.stripe('live')}"`
    )
    expect(reports).toMatchObject([{ severity: 'warning' }])
  })
})

describe('secret rule: binary files', () => {
  const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  /** Strings packed end to end with no separator, as a Go binary's string table holds them. */
  const binary = (...strings: string[]) => Buffer.concat([ELF, Buffer.from(strings.join(''))])

  it('finds a fixed-format token compiled into an executable, by byte offset', () => {
    const token = fake.github()
    const reports = runRule(secretRule, {
      'bin/tool': binary('usage: tool [flags]\0', token, '\0EOF')
    })
    const offset = ELF.length + 'usage: tool [flags]\0'.length
    expect(reports).toEqual([
      expect.objectContaining({
        rule: 'secret/github-token',
        severity: 'error',
        message: `GitHub personal access token (checksum valid): ghp_… in binary content at byte 0x${offset.toString(16)} (${offset})`,
        details: { redacted: 'ghp_…', offset }
      })
    ])
    expect(reports[0].line).toBeUndefined()
  })

  // NUL-terminated, as C and C++ store them; a scheme glued to the string before is not recognised
  it('finds key blocks and database URLs there too', () => {
    const url = `postgres://app:${fake.generic(20)}@db.internal:5432/prod`
    const reports = runRule(secretRule, {
      'lib/addon.node': binary('connect\0', url, '\0', generatePrivateKeyPem('pkcs8'), '\0tail')
    })
    expect(reports.map((r) => [r.rule, r.severity])).toEqual([
      ['secret/database-url', 'error'],
      ['secret/private-key', 'warning']
    ])
    expect(reports[1].message).toMatch(/one level lower: libraries embed test keys too/)
  })

  it('does not read names and assignments there: packed strings fake them', () => {
    const reports = runRule(secretRule, {
      'bin/tool': binary('invalid password=', fake.generic(24), 'api_key: ', fake.generic(32))
    })
    expect(reports).toEqual([])
  })

  it('skips compressed media and archives, whose bytes hold no strings', () => {
    const token = fake.github()
    const png = Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'),
      Buffer.from(token)
    ])
    const woff2 = Buffer.concat([Buffer.from('wOF2\0\x01\0\0', 'latin1'), Buffer.from(token)])
    const xz = Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0]), Buffer.from(token)])
    const reports = runRule(secretRule, {
      'img/logo.png': png,
      'fonts/a.woff2': woff2,
      'vendor/tool.tar.xz': xz
    })
    expect(reports).toEqual([])
  })

  it('lowers matches under a test folder, as in text', () => {
    const reports = runRule(secretRule, { 'test/fixtures/tool': binary(fake.github()) })
    expect(reports.map((r) => r.severity)).toEqual(['warning'])
  })
})
