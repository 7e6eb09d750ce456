import { describe, expect, it } from '@jest/globals'
import { scanSecrets } from '../../src/secrets/scan.js'

/** Random-looking, assembled at run time so no credential-shaped literal sits in the repo. */
const random = ['x8Kf', 'Q2vL', '9mRt', 'Zp4W', 'c7Hn'].join('')

describe('secret/generic: what real packages assign that is not a credential', () => {
  it.each([
    ['an AWS pagination token', `{ "NextToken": "${random}" }`],
    ['a change token in API examples', `  "ChangeToken": "${random}",`],
    ['an idempotency token', `  "ClientRequestToken": "${random}"`],
    ['a token type URN', `const X509_SUBJECT_TOKEN = 'urn:openai:params:oauth:token-type:x509'`],
    [
      'an ARN under a secret-ish name',
      `"SecretsManagerAccessRoleArn": "arn:aws:iam::12345:role/${random}"`
    ],
    ['a timestamp', `"PasswordLastUsed": "2016-10-12T19:33:14Z"`],
    ['a property path', `output_token: 'StreamDescription.Shards[-1].ShardId'`],
    ['a placeholder that says what it is', `"Password": "SomeKindOfPassword123!@#"`],
    ['a my_ placeholder', `sharedSecretCrc32c: "my_sharedSecret1Crc32c"`]
  ])('ignores %s', (_what, line) => {
    expect(scanSecrets(line).filter((m) => m.rule === 'secret/generic')).toEqual([])
  })

  it.each([
    ['a password', `password = "${random}"`],
    ['a client secret', `  "clientSecret": "${random}",`],
    ['an API key in env syntax', `API_KEY=${random}`]
  ])('still reports %s', (_what, line) => {
    expect(scanSecrets(line).map((m) => m.rule)).toEqual(['secret/generic'])
  })
})
