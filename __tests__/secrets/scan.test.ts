import { describe, expect, it } from '@jest/globals'
import { encodeBase62, hasValidTokenChecksum } from '../../src/secrets/checksum.js'
import { redactSecret } from '../../src/secrets/redact.js'
import { scanSecrets } from '../../src/secrets/scan.js'
import { createFakes } from './support/fake-secrets.js'

const fake = createFakes(7)

describe('scanSecrets', () => {
  it('reports 1-based lines and columns, with CRLF line ends too', () => {
    const token = fake.github()
    for (const eol of ['\n', '\r\n']) {
      const text = ['first line', '', `  const t = "${token}"`, 'last'].join(eol)
      expect(scanSecrets(text)).toMatchObject([{ line: 3, column: 14 }])
    }
  })

  it('reports several secrets in text order', () => {
    const text = `a=${fake.npm()}\nb=${fake.awsKeyId()}\n\nc="${fake.stripe('live')}"`
    expect(scanSecrets(text).map((m) => [m.rule, m.line])).toEqual([
      ['secret/npm-token', 1],
      ['secret/aws-access-key', 2],
      ['secret/stripe-key', 4]
    ])
  })

  it.each([
    ['a generic assignment holding an npm token', `token = "${fake.npm()}"`, ['secret/npm-token']],
    [
      'an .npmrc line holding an npm token',
      `//registry.npmjs.org/:_authToken=${fake.npm()}`,
      ['secret/npm-token']
    ],
    [
      'an AWS secret, not also generic',
      `AWS_SECRET_ACCESS_KEY=${fake.awsSecret()}`,
      ['secret/aws-secret-key']
    ],
    ['an api_key holding a Google key', `api_key: "${fake.google()}"`, ['secret/google-api-key']]
  ])('reports %s once, by its most specific rule', (_name, text, rules) => {
    expect(scanSecrets(text).map((m) => m.rule)).toEqual(rules)
  })

  it('lowers every match one level under a test folder and says why', () => {
    const text = `${fake.github()}\n${fake.githubBadChecksum()}\n${fake.stripe('test')}`
    const matches = scanSecrets(text, { inTestFolder: true })
    expect(matches.map((m) => m.severity)).toEqual(['warning', 'notice', 'notice'])
    for (const match of matches)
      expect(match.description).toMatch(/test, fixture or example folder/)
    expect(matches[2].description).toMatch(/test-mode key; one level lower/)
  })

  it('never returns a value, only a ≤4-character prefix', () => {
    const secrets = [
      fake.github(),
      fake.npm(),
      fake.anthropic(),
      fake.awsSecret(),
      fake.generic(),
      fake.slackWebhook()
    ]
    const text = [
      `GH=${secrets[0]}`,
      `NPM=${secrets[1]}`,
      `ANTHROPIC=${secrets[2]}`,
      `aws_secret_access_key=${secrets[3]}`,
      `password="${secrets[4]}"`,
      `hook: ${secrets[5]}`
    ].join('\n')
    const matches = scanSecrets(text)
    expect(matches).toHaveLength(6)
    const serialized = JSON.stringify(matches)
    for (const secret of secrets) {
      expect(serialized).not.toContain(secret)
      expect(serialized).not.toContain(secret.slice(0, 12))
      expect(serialized).not.toContain(secret.slice(-12))
    }
    for (const match of matches) expect(match.redacted).toMatch(/^.{0,4}…$/)
  })

  it('scans a text with no trigger quickly and finds nothing', () => {
    expect(scanSecrets('')).toEqual([])
    expect(scanSecrets('function add(a, b) { return a + b }\n'.repeat(10_000))).toEqual([])
  })

  it('copes with many unterminated key headers in linear time', () => {
    const text = `-----BEGIN RSA ${'PRIVATE KEY-----\n'}`.repeat(20_000)
    const started = performance.now()
    expect(scanSecrets(text)).toEqual([])
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('token checksum', () => {
  it('accepts the CRC32/base62 checksum GitHub and npm tokens end with', () => {
    for (let i = 0; i < 50; i++) {
      const token = createFakes(i).github()
      expect(hasValidTokenChecksum(token.slice(4))).toBe(true)
    }
  })

  it('rejects a token with one character changed', () => {
    const body = fake.github().slice(4)
    const changed = (body[0] === 'a' ? 'b' : 'a') + body.slice(1)
    expect(hasValidTokenChecksum(changed)).toBe(false)
    expect(hasValidTokenChecksum('short')).toBe(false)
  })

  it('encodes base62 left-padded to the width', () => {
    expect(encodeBase62(0, 6)).toBe('000000')
    expect(encodeBase62(61, 6)).toBe('00000z')
    expect(encodeBase62(62, 6)).toBe('000010')
    expect(encodeBase62(0xffffffff, 6)).toBe('4gfFC3')
  })
})

describe('redactSecret', () => {
  it.each([
    ['npm_abcdefghijklmnop', 'npm_…'],
    ['abcdefgh', 'ab…'],
    ['abc', '…'],
    ['', '…']
  ])('%s → %s', (value, redacted) => {
    expect(redactSecret(value)).toBe(redacted)
  })
})
