import { describe, expect, it } from '@jest/globals'
import { privateFileRule } from '../../src/rules/private-file.js'
import { runRule } from '../support/run-rule.js'
import { createFakes, generatePrivateKeyPem } from '../secrets/support/fake-secrets.js'

const fake = createFakes(33)

describe('private-file: what findings say', () => {
  it('names the auth key of an .npmrc, its line and a redacted value', () => {
    const token = fake.npm()
    const [report] = runRule(privateFileRule, {
      'package/.npmrc': `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${token}\n`
    })
    expect(report).toMatchObject({
      rule: 'private-file/credentials',
      line: 2,
      message:
        'npm/yarn config .npmrc holds credentials: //registry.npmjs.org/:_authToken (line 2)',
      details: {
        file: 'npm/yarn config',
        credentials: [
          { key: '//registry.npmjs.org/:_authToken', line: 2, value: 'npm_…', placeholder: false }
        ]
      }
    })
  })

  it('says when .npmrc values are placeholders and lowers the severity', () => {
    const [report] = runRule(privateFileRule, {
      '.npmrc':
        '//registry.npmjs.org/:_authToken=${' +
        'NPM_TOKEN}\n//npm.pkg.github.com/:_authToken=$' +
        'GH_TOKEN\n'
    })
    expect(report.severity).toBe('warning')
    expect(report.message).toMatch(/values look like placeholders .*and 1 more\); one level lower$/)
    expect(report.details).toMatchObject({
      credentials: [{ placeholder: true }, { placeholder: true }]
    })
  })

  it('lists the secret env variables by name, never by value', () => {
    const values = [fake.generic(20), fake.generic(32), fake.github()]
    const env = `# app\nDATABASE_URL=postgres://app:${values[0]}@db:5432/app\nSESSION_SECRET="${values[1]}"\nPORT=3000\nexport GH_TOKEN=${values[2]}\nNEXT_PUBLIC_API_KEY=public-browser-key-123\n`
    const [report] = runRule(privateFileRule, { '.env': env })
    expect(report).toMatchObject({
      rule: 'private-file/env',
      line: 2,
      message: 'env file .env (5 variables) holds secrets: DATABASE_URL (line 2) and 2 more',
      details: { variables: 5 }
    })
    const listed = (report.details?.credentials as Array<{ key: string }>).map((c) => c.key)
    expect(listed).toEqual(['DATABASE_URL', 'SESSION_SECRET', 'GH_TOKEN'])
    const serialized = JSON.stringify([report.message, report.details])
    for (const value of values) expect(serialized).not.toContain(value.slice(0, 10))
  })

  it('treats a long random value as a secret whatever the variable is called', () => {
    const random = 'bd6dc164cf' + 'b6a6489119e6bd' + 'b2c841bbadfa'
    const [secret] = runRule(privateFileRule, { 'config/.env': `K=${random}\nMODE=production\n` })
    expect(secret).toMatchObject({ rule: 'private-file/env', line: 1 })
    expect(secret?.severity ?? 'error').toBe('error')
    const [plain] = runRule(privateFileRule, { 'config/.env': 'MODE=production\nPORT=8080\n' })
    expect(plain?.severity).toBe('warning')
  })

  it('says why a key under a test folder is lower', () => {
    const [report] = runRule(privateFileRule, {
      'spec/fixtures/id_rsa': generatePrivateKeyPem('pkcs1')
    })
    expect(report).toMatchObject({ rule: 'private-file/key', severity: 'warning', line: 1 })
    expect(report.message).toBe(
      'RSA private key file id_rsa; one level lower because it is under a test, fixture or example folder'
    )
  })

  it('never leaks a credential value in any finding', () => {
    const secrets = [fake.npm(), fake.awsSecret(), fake.generic(), fake.github(), fake.pypi()]
    const reports = runRule(privateFileRule, {
      '.npmrc': `//registry.npmjs.org/:_authToken=${secrets[0]}`,
      '.aws/credentials': `[default]\naws_secret_access_key=${secrets[1]}`,
      '.netrc': `machine h login u password ${secrets[2]}`,
      '.git-credentials': `https://u:${secrets[3]}@github.com`,
      '.pypirc': `[pypi]\npassword: ${secrets[4]}`,
      '.env': secrets.map((s, i) => `SECRET_${i}=${s}`).join('\n')
    })
    expect(reports).toHaveLength(6)
    const serialized = JSON.stringify(reports.map(({ message, details }) => [message, details]))
    for (const secret of secrets) expect(serialized).not.toContain(secret.slice(0, 8))
  })
})

describe('private-file: a finding lowered twice', () => {
  it('says both reasons once each', async () => {
    const { generateKeyPairSync } = await import('node:crypto')
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const pem = privateKey.export({
      type: 'pkcs1',
      format: 'pem',
      cipher: 'aes-128-cbc',
      passphrase: 'x'
    })
    const [report] = runRule(privateFileRule, { 'test/fixtures/id_rsa_enc': pem })
    expect(report?.severity).toBe('notice')
    expect(report?.message).toMatch(
      /encrypted with a passphrase; one level lower for that, and one more because it is under a test, fixture or example folder$/
    )
  })
})
