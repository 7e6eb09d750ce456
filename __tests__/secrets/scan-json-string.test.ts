import { describe, expect, it } from '@jest/globals'
import { dropNegativeAssertions } from '../../src/secrets/prefilter.js'
import { scanSecrets } from '../../src/secrets/scan.js'
import { mayHoldSecrets } from '../../src/secrets/scan-json-string.js'
import { readEmbeddedText, scanSourceMap } from '../../src/sourcemap/index.js'
import {
  createFakes,
  createPick,
  createRandom,
  generatePrivateKeyPem
} from './support/fake-secrets.js'

const fake = createFakes(11)

/** A map embedding one source written as the raw JSON string `rawString` (quotes included). */
function embed(rawString: string) {
  const map = Buffer.from(
    `{"version":3,"sources":["src/a.ts"],"sourcesContent":[${rawString}],"mappings":"AAAA"}`
  )
  const source = scanSourceMap(map).sources[0]
  if (source.content === undefined) throw new Error('no embedded content')
  return { map, content: source.content, read: () => readEmbeddedText(map, source) ?? '' }
}

/** The invariant: `false` only where decoding and scanning would find nothing. */
function check(rawString: string): boolean {
  const { map, content, read } = embed(rawString)
  const may = mayHoldSecrets(map, content)
  if (!may) expect(scanSecrets(read())).toEqual([])
  return may
}

describe('mayHoldSecrets', () => {
  it.each([
    [
      'code naming tokens without assigning any',
      'export interface TokenTarget {\n  token: string\n}\n'
    ],
    ['a placeholder password', 'const password = "changeme"\n'],
    ['an assignment of a word', 'if (apiKey === undefined) secret = fallback\n'],
    [
      'escaped quotes and non-ASCII around a keyword',
      'log("caf\u00e9 \\"token\\"")\nconst token = x\n'
    ],
    ['no keyword at all', 'export const a = 1\n']
  ])('rules out %s without decoding it', (_name, text) => {
    expect(check(JSON.stringify(text))).toBe(false)
  })

  it.each([
    ['a generic secret on the first line', () => `const apiKey = "${fake.generic(32)}"\n`],
    ['a generic secret on a later line', () => `a()\n\nconst secret = '${fake.generic()}'\nb()`],
    [
      'a generic secret on a line with escapes and non-ASCII',
      () => `x = "\u00e9\\t"; const password = "${fake.generic()}" // \u00fc\u4e2d\n`
    ],
    ['an env line at the start of a line', () => `# env\nAPI_TOKEN=${fake.generic()}\n`],
    ['a query-string token', () => `fetch("/x?token=${fake.generic()}&page=2")`],
    ['an AWS secret key', () => `aws_secret_access_key = ${fake.awsSecret()}\n`],
    ['an npm token (not a line-local detector)', () => `const t = "${fake.npm()}"`],
    ['an Anthropic key after a newline', () => `a\n${fake.anthropic()}`],
    ['a GitHub token', () => `x = '${fake.github()}'`],
    [
      'a private key block (spans lines)',
      () => `const pem = \`${generatePrivateKeyPem('pkcs8')}\``
    ],
    [
      // read byte by byte, `à` is `C3 A0`: a no-break space for `\s`, which ended the userinfo
      'a database URL whose password holds à',
      () => `const url = 'postgres://app:p\u00e0ss-${fake.generic(12)}@db.prod.internal/x'\n`
    ],
    [
      'a key on a line longer than the window',
      () => `${'a'.repeat(5000)} password = "${fake.generic()}"`
    ]
  ])('keeps %s', (_name, makeText) => {
    const text = makeText()
    expect(scanSecrets(text)).not.toEqual([])
    expect(check(JSON.stringify(text))).toBe(true)
  })

  it.each([
    [
      'a Slack webhook written with \\/',
      () => JSON.stringify(fake.slackWebhook()).replaceAll('/', '\\/')
    ],
    [
      'a GitHub token with its _ written as \\u005f',
      () => JSON.stringify(fake.github()).replace('_', '\\u005f')
    ],
    [
      'a generic secret whose keyword is spelled with \\u',
      () => JSON.stringify(`tok\u0065n = "${fake.generic()}"`).replace('e', '\\u0065')
    ]
  ])('keeps %s (escapes that hide characters force a full decode)', (_name, makeRaw) => {
    const raw = makeRaw()
    expect(scanSecrets(embed(raw).read())).not.toEqual([])
    expect(check(raw)).toBe(true)
  })

  it('reads raw control characters (invalid JSON some tools write) as themselves', () => {
    const benign = embed(`"const token = x\\n\tnothing\\n"`)
    expect(mayHoldSecrets(benign.map, benign.content)).toBe(false)
    expect(benign.read()).toBe('const token = x\n\tnothing\n')
    const secret = fake.generic()
    const leaked = embed(`"a\\n\tconst password = \\"${secret}\\"\u0001\\n"`)
    expect(mayHoldSecrets(leaked.map, leaked.content)).toBe(true)
    expect(leaked.read()).toBe(`a\n\tconst password = "${secret}"\u0001\n`)
    expect(scanSecrets(leaked.read())).toEqual([
      expect.objectContaining({ rule: 'secret/generic' })
    ])
  })

  it('never rules out a source the full scan finds something in (random sources)', () => {
    const random = createRandom(5)
    const pick = createPick(random)
    const pieces = [
      () =>
        pick([
          'token',
          'Token',
          'API_KEY',
          'apiKey',
          'api-key',
          'secret',
          'SECRET',
          'password',
          'passwd'
        ]),
      () => pick([' = ', ': ', '=', ' => ', ' := ', '": ', "']=", '&token=', '?secret=']),
      () => pick(['"', "'", '`', '']) + fake.generic(Number.parseInt(random('123', 1)) * 10),
      () => pick(['\n', '\n  ', '\r\n', '\n\t', '\nexport ', ' ', '\t', '; ']),
      () =>
        pick([
          '\u00e9',
          '\u00e0',
          '\u0420',
          '\u4e2d',
          '\ud83d\ude00',
          '\\',
          '\\n',
          '"',
          "'",
          '\u2028',
          '#',
          '//'
        ]),
      () => pick(['postgres://app:', 'mysql://u:', '@db.prod.internal/x', '@10.0.0.7:5432', '://']),
      () => pick(['x', 'aws_', 'sk-', 'my', '_', '-', 'A', 'changeme', 'true', 'string'])
    ]
    let kept = 0
    let ruledOut = 0
    for (let i = 0; i < 3000; i++) {
      let text = ''
      for (let j = 0; j < 12; j++) text += pick(pieces)()
      if (check(JSON.stringify(text))) kept++
      else ruledOut++
    }
    expect(kept).toBeGreaterThan(0)
    expect(ruledOut).toBeGreaterThan(0)
  })
})

describe('dropNegativeAssertions', () => {
  it.each([
    ['(?<=(?<![A-Za-z0-9])sk-)', '(?<=sk-)'],
    ['a(?!b)c|d', 'ac|d'],
    ['[(?!]x(?<!\\)y)z', '[(?!]xz'],
    ['\\(?!x', '\\(?!x'],
    ['(?<=a(?!(?:b|c))d)', '(?<=ad)']
  ])('turns %s into %s', (source, relaxed) => {
    expect(dropNegativeAssertions(source)).toBe(relaxed)
  })
})
