import { describe, expect, it } from '@jest/globals'
import { isPlaceholder } from '../../src/rules/placeholder.js'
import { createFakes, generatePrivateKeyPem } from './support/fake-secrets.js'

const PLACEHOLDERS = [
  '',
  '   ',
  '${NPM_TOKEN}',
  '$NPM_TOKEN',
  '${TOKEN:-default}',
  '${{ secrets.NPM_TOKEN }}',
  '%NPM_TOKEN%',
  '{{ npm_token }}',
  '<your-token>',
  '<token>',
  '[API_KEY]',
  '"${NPM_TOKEN}"',
  'xxxx',
  'XXXX-XXXX-XXXX',
  'xxxxxxxxxxxxxxxx1234',
  '********',
  'changeme',
  'change_me',
  'your-api-key',
  'your_token_here',
  'YOUR_SECRET',
  'placeholder',
  'AKIA' + 'IOSFODNN7EXAMPLE',
  'my-DUMMY-key-1234',
  'FAKE_TOKEN_9876',
  'sample-key-4242',
  'abc123def456',
  '0123456789',
  'password',
  'secret',
  'null',
  'undefined',
  '0000000000000000',
  'MYTOKEN1',
  'password_2',
  's3cr3t',
  'ghp_' + 'GFPYYSJZ'.repeat(4) + 'AbCd',
  'abcdabcdabcdabcd',
  'Xy9Xy9Xy9Xy9Xy9',
  'p@ssw0rd',
  'Passw0rd1',
  '$ecret',
  Buffer.from('user:changeme').toString('base64'),
  Buffer.from('not my real password').toString('base64')
]

describe('isPlaceholder', () => {
  it.each(PLACEHOLDERS)('%j is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true)
  })

  const fake = createFakes(3)
  it.each([
    ['an npm token', fake.npm()],
    ['a GitHub token', fake.github()],
    ['a random password', fake.generic(16)],
    ['an AWS secret', fake.awsSecret()],
    ['a short real password', 'Tr0ub4dor&3'],
    ['hex', 'a3f9c2e17b4d8f60'],
    ['base64 of user:real-password', Buffer.from('ci-user:Zq8wPx3k').toString('base64')],
    ['base64 of random bytes', Buffer.from(fake.generic(24)).toString('base64')]
  ])('%s is not a placeholder', (_name, value) => {
    expect(isPlaceholder(value)).toBe(false)
  })
})

describe('isPlaceholder on private key blocks', () => {
  /** A real key whose random base64 body spells a marker word (happens ~1 run in 700). */
  function keySpelling(word: string): string {
    const pem = generatePrivateKeyPem('pkcs8')
    const at = pem.indexOf('\n', pem.indexOf('\n') + 1) + 10 // inside the second body line
    return pem.slice(0, at) + word + pem.slice(at + word.length)
  }

  it.each(['fake', 'FAKE', 'dummy', 'Sample', '123456'])(
    'a key whose body spells %j is real key material',
    (word) => {
      const key = keySpelling(word)
      expect(key).toContain(word)
      expect(isPlaceholder(key)).toBe(false)
      expect(isPlaceholder(JSON.stringify(key).slice(1, -1))).toBe(false) // \n-escaped, as in JSON
    }
  )

  it.each([
    '-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----',
    '-----BEGIN RSA PRIVATE KEY-----\nyour-key-here\n-----END RSA PRIVATE KEY-----',
    '-----BEGIN PRIVATE KEY-----\n' + 'A'.repeat(64) + '\n-----END PRIVATE KEY-----'
  ])('a stub key block %j is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true)
  })
})
