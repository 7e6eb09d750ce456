import { describe, expect, it } from '@jest/globals'
import type { Severity } from '../../src/engine/finding.js'
import { scanSecrets } from '../../src/secrets/scan.js'
import {
  createFakes,
  createRandom,
  generatePrivateKeyPem,
  HEX,
  URL_SAFE
} from './support/fake-secrets.js'

const fake = createFakes()

interface Positive {
  name: string
  text: string
  rule: string
  severity: Severity
  description?: RegExp
  line?: number
}

const POSITIVES: Positive[] = [
  {
    name: 'GitHub classic token, valid checksum',
    text: `token: "${fake.github()}"`,
    rule: 'secret/github-token',
    severity: 'error',
    description: /personal access token \(checksum valid\)/
  },
  {
    name: 'GitHub OAuth token',
    text: `GH=${fake.github('gh' + 'o_')}`,
    rule: 'secret/github-token',
    severity: 'error',
    description: /OAuth/
  },
  {
    name: 'GitHub app token',
    text: `x ${fake.github('gh' + 's_')} y`,
    rule: 'secret/github-token',
    severity: 'error',
    description: /server-to-server/
  },
  {
    name: 'GitHub token, bad checksum',
    text: `const t = '${fake.githubBadChecksum()}'`,
    rule: 'secret/github-token',
    severity: 'notice',
    description: /checksum does not match/
  },
  {
    name: 'GitHub fine-grained token',
    text: `"${fake.githubFineGrained()}"`,
    rule: 'secret/github-token',
    severity: 'error',
    description: /fine-grained/
  },
  {
    name: 'npm token, valid checksum',
    text: `NPM_TOKEN=${fake.npm()}`,
    rule: 'secret/npm-token',
    severity: 'error',
    description: /checksum valid/
  },
  {
    name: 'npm token, bad checksum',
    text: `NPM_TOKEN=${fake.npmBadChecksum()}`,
    rule: 'secret/npm-token',
    severity: 'notice'
  },
  {
    name: '.npmrc _authToken line (legacy token)',
    text: `//registry.npmjs.org/:_authToken=${'1a2b3c4d-' + '5e6f-7a8b-9c0d-1e2f3a4b5c6d'}`,
    rule: 'secret/npmrc-auth',
    severity: 'error',
    description: /_authToken/
  },
  {
    name: '.npmrc _auth at line start',
    text: `registry=https://r.example.com/\n_auth=${Buffer.from('ci-user:' + 'Zq8wPx3k').toString('base64')}`,
    rule: 'secret/npmrc-auth',
    severity: 'error',
    line: 2
  },
  {
    name: 'AWS access key id',
    text: `aws_access_key_id = ${fake.awsKeyId()}`,
    rule: 'secret/aws-access-key',
    severity: 'error'
  },
  {
    name: 'AWS temporary key id',
    text: `"${fake.awsKeyId('AS' + 'IA')}"`,
    rule: 'secret/aws-access-key',
    severity: 'error',
    description: /temporary/
  },
  {
    name: 'AWS secret key in ini',
    text: `aws_secret_access_key = ${fake.awsSecret()}`,
    rule: 'secret/aws-secret-key',
    severity: 'error'
  },
  {
    name: 'AWS secret key in JS',
    text: `{ secretAccessKey: '${fake.awsSecret()}' }`,
    rule: 'secret/aws-secret-key',
    severity: 'error'
  },
  {
    name: 'Slack bot token',
    text: `SLACK=${fake.slackBot()}`,
    rule: 'secret/slack-token',
    severity: 'error',
    description: /bot/
  },
  {
    name: 'Slack webhook',
    text: `post('${fake.slackWebhook()}')`,
    rule: 'secret/slack-webhook',
    severity: 'error'
  },
  {
    name: 'Stripe live key',
    text: `stripe(${JSON.stringify(fake.stripe('live'))})`,
    rule: 'secret/stripe-key',
    severity: 'error',
    description: /live secret key/
  },
  {
    name: 'Stripe restricted live key',
    text: fake.stripe('live', 'rk'),
    rule: 'secret/stripe-key',
    severity: 'error',
    description: /restricted/
  },
  {
    name: 'Stripe test key is lower',
    text: fake.stripe('test'),
    rule: 'secret/stripe-key',
    severity: 'warning',
    description: /test-mode/
  },
  {
    name: 'Anthropic API key',
    text: `ANTHROPIC_API_KEY=${fake.anthropic()}`,
    rule: 'secret/anthropic-key',
    severity: 'error',
    description: /^Anthropic API key$/
  },
  {
    name: 'Anthropic admin key',
    text: `k = "${fake.anthropic('admin01')}"`,
    rule: 'secret/anthropic-key',
    severity: 'error',
    description: /admin/
  },
  {
    name: 'OpenAI project key',
    text: `OPENAI_API_KEY=${fake.openaiProject()}`,
    rule: 'secret/openai-key',
    severity: 'error',
    description: /project/
  },
  {
    name: 'OpenAI legacy key',
    text: `'${fake.openaiLegacy()}'`,
    rule: 'secret/openai-key',
    severity: 'error'
  },
  {
    name: 'Google API key is a warning',
    text: `apiKey: "${fake.google()}"`,
    rule: 'secret/google-api-key',
    severity: 'warning'
  },
  {
    name: 'GitLab token',
    text: `GITLAB_TOKEN=${fake.gitlab()}`,
    rule: 'secret/gitlab-token',
    severity: 'error'
  },
  {
    name: 'PyPI token',
    text: `password = ${fake.pypi()}`,
    rule: 'secret/pypi-token',
    severity: 'error'
  },
  {
    name: 'generic password in .env syntax',
    text: `DB_PASSWORD=${fake.generic()}`,
    rule: 'secret/generic',
    severity: 'warning'
  },
  {
    name: 'generic secret in JSON',
    text: `{"client_secret": "${fake.generic(32)}"}`,
    rule: 'secret/generic',
    severity: 'warning'
  },
  {
    name: 'generic token in a query string',
    text: `fetch("https://api.example.com/v1?x=1&token=${fake.generic()}&y=2")`,
    rule: 'secret/generic',
    severity: 'warning'
  },
  {
    name: 'generic secret in an aligned config column (64 blanks before the operator)',
    text: `SESSION_SECRET${' \t'.repeat(32)}= "${fake.generic()}"`,
    rule: 'secret/generic',
    severity: 'warning'
  },
  {
    name: 'generic token after a long name and a bracket',
    text: `config['auth_token_for_the_release_bot'] = '${fake.generic()}'`,
    rule: 'secret/generic',
    severity: 'warning'
  }
]

const PRIVATE_KEYS: Array<[string, Parameters<typeof generatePrivateKeyPem>[0], RegExp, Severity]> =
  [
    ['PKCS#1 RSA', 'pkcs1', /^RSA private key$/, 'error'],
    ['PKCS#8', 'pkcs8', /^PKCS#8 private key$/, 'error'],
    ['SEC1 EC (short DER length)', 'sec1', /^EC private key$/, 'error'],
    ['OpenSSH', 'openssh', /^OpenSSH private key$/, 'error'],
    [
      'encrypted PKCS#8 is lower',
      'encrypted-pkcs8',
      /encrypted PKCS#8 private key \(it is encrypted/,
      'warning'
    ]
  ]

describe('secret detectors: what they find', () => {
  it.each(POSITIVES)('$name', ({ text, rule, severity, description, line = 1 }) => {
    const matches = scanSecrets(text)
    expect(matches).toHaveLength(1)
    expect(matches[0]).toMatchObject({ rule, severity, line })
    expect(matches[0].description).toMatch(description ?? /./)
  })

  it.each(PRIVATE_KEYS)('%s private key block', (_name, form, description, severity) => {
    const pem = generatePrivateKeyPem(form)
    const [match, ...rest] = scanSecrets(`// deploy\n${pem}`)
    expect(rest).toEqual([])
    expect(match).toMatchObject({ rule: 'secret/private-key', line: 2, column: 1, severity })
    expect(match.description).toMatch(description)
  })

  it('finds a private key held in a JSON string with escaped newlines', () => {
    const pem = generatePrivateKeyPem('pkcs8')
    const json = JSON.stringify({ type: 'service_account', private_key: pem }, null, 2)
    expect(scanSecrets(json).map((m) => [m.rule, m.line])).toEqual([['secret/private-key', 3]])
  })

  it('finds a private key concatenated from string pieces in code', () => {
    const lines = generatePrivateKeyPem('pkcs1').trim().split('\n')
    const code = `const key =\n${lines.map((l) => `  '${l}\\n'`).join(' +\n')}\n`
    expect(scanSecrets(code).map((m) => m.rule)).toEqual(['secret/private-key'])
  })

  it('finds a PGP private key block by its secret-key packet', () => {
    const packet = Buffer.concat([Buffer.from([0x95, 0x03, 0xc6]), Buffer.alloc(90, 7)]).toString(
      'base64'
    )
    const block = [
      '-----BEGIN PGP ' + 'PRIVATE KEY BLOCK-----',
      'Version: GnuPG v2',
      '',
      packet,
      '=AbCd',
      '-----END PGP PRIVATE KEY BLOCK-----'
    ].join('\n')
    expect(scanSecrets(block)).toMatchObject([
      { rule: 'secret/private-key', description: 'PGP private key block' }
    ])
  })
})

const NEGATIVES: Array<[string, string]> = [
  ['AWS documentation key id', 'aws_access_key_id = AKIA' + 'IOSFODNN7EXAMPLE'],
  [
    'AWS documentation secret',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY'
  ],
  ['AWS key id made of X', 'key = AKIA' + 'X'.repeat(16)],
  ['AWS-like inside a longer word', `prefix${fake.awsKeyId()}`],
  ['GitHub token of x', `token: "gh${'p_'}${'x'.repeat(36)}"`],
  ['GitHub token too long (a hash)', `${fake.github()}abc`],
  ['GitHub sequential example', 'gh' + 'p_1234567890abcdefghijklmnopqrstuvwxyz'],
  ['npm config variable names', 'npm_config_registry npm_package_version npm_lifecycle_event'],
  ['.npmrc with an env reference', '//registry.npmjs.org/:_authToken=${' + 'NPM_TOKEN}'],
  ['.npmrc with a bare env reference', '//registry.npmjs.org/:_authToken=$' + 'NPM_TOKEN'],
  ['JS private field named _auth', `this._auth = createAuth(options)`],
  ['.npmrc docs with word tokens', '//somewhere-else.com/myorg/:_authToken=MYTOKEN1'],
  [
    '.npmrc _auth of a placeholder password',
    `_auth=${Buffer.from('me:changeme').toString('base64')}`
  ],
  [
    'Slack docs webhook',
    'https://hooks.' + 'slack.com/services/T00000000/B00000000/' + 'X'.repeat(24)
  ],
  ['Slack placeholder token', 'xo' + 'xb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx'],
  ['Stripe publishable key', 'pk_' + `live_${'a1B2c3D4e5F6g7H8i9J0k1L2'}`],
  ['Anthropic key with the wrong suffix', fake.anthropic().slice(0, -2) + 'BB'],
  ['sk- inside a word', 'task-' + 'a'.repeat(20) + 'T3Blbk' + 'FJ' + 'b'.repeat(20)],
  [
    'private key stub in docs',
    '-----BEGIN RSA ' + 'PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----'
  ],
  [
    'private key of placeholder text',
    '-----BEGIN ' +
      'PRIVATE KEY-----\n' +
      'your-private-key-here\n'.repeat(5) +
      '-----END PRIVATE KEY-----'
  ],
  [
    'OpenSSH block without the format magic',
    '-----BEGIN OPENSSH ' +
      'PRIVATE KEY-----\n' +
      'A'.repeat(70) +
      '\n-----END OPENSSH PRIVATE KEY-----'
  ],
  [
    'public key block',
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE' +
      'A'.repeat(60) +
      '\n-----END PUBLIC KEY-----'
  ],
  ['generic: placeholder password', 'password = "changeme"'],
  ['generic: interpolated', 'const token = `${prefix}' + 'abc123XYZ789`'],
  ['generic: env reference', 'API_KEY=${' + 'API_KEY}'],
  ['generic: angle placeholder', 'api_key: <your-api-key>'],
  ['generic: words, not random', 'password: "correcthorsebattery"'],
  ['generic: code identifier', 'const token = getToken(request)'],
  ['generic: property path', 'secret: process.env.APP_SECRET,'],
  ['generic: identifier in object literal', '  token: accessToken2,'],
  ['generic: comparison in minified code', 'if(a&&N.parent.token===119||P.kind===265)'],
  ['generic: doc sample with abc123', 'const apiToken = "abc123xyz456";'],
  ['generic: TypeScript type', 'password: string'],
  ['generic: keyword without assignment', 'Enter your password below, then press the token button'],
  ['generic: tokenizer names', 'tokenizer = new Tokenizer(tokens2, options)']
]

describe('secret detectors: what they leave alone', () => {
  it.each(NEGATIVES)('%s', (_name, text) => {
    expect(scanSecrets(text)).toEqual([])
  })
})

describe('secret/gitlab-token: every kind of GitLab token', () => {
  const random = createRandom(20261123)
  it.each([
    ['GitLab personal access token', 'gl' + 'pat-' + random(URL_SAFE, 20)],
    ['GitLab deploy token', 'gl' + 'dt-' + random(URL_SAFE, 20)],
    ['GitLab runner token', 'gl' + 'rt-' + random(URL_SAFE, 27) + '.' + random(HEX, 9)],
    ['GitLab pipeline trigger token', 'gl' + 'ptt-' + random(HEX, 40)],
    ['GitLab OAuth application secret', 'gl' + 'oas-' + random(HEX, 64)],
    ['GitLab agent for Kubernetes token', 'gl' + 'agent-' + random(URL_SAFE, 50)]
  ])('%s', (type, token) => {
    const matches = scanSecrets(`curl -H "PRIVATE-TOKEN: ${token}" https://gitlab.example.com\n`)
    expect(matches.map((m) => [m.rule, m.description, m.severity])).toEqual([
      ['secret/gitlab-token', type, 'error']
    ])
  })

  it.each([
    ['a trigger token one short', 'gl' + 'ptt-' + random(HEX, 39)],
    ['an OAuth secret in upper-case hex', 'gl' + 'oas-' + random('0123456789ABCDEF', 64)],
    ['class names with the prefixes', '.glagent-status { } .glptt-row { } #gloas-form'],
    ['an agent token cut short', 'gl' + 'agent-' + random(URL_SAFE, 49)]
  ])('leaves alone %s', (_name, text) => {
    expect(scanSecrets(text)).toEqual([])
  })
})
