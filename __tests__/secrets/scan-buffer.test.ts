import { describe, expect, it } from '@jest/globals'
import { CHUNK_BYTES, scanSecretsInBuffer } from '../../src/secrets/scan-buffer.js'
import { isBinary } from '../../src/util/text.js'
import { scanSecrets } from '../../src/secrets/scan.js'
import type { SecretMatch } from '../../src/secrets/types.js'
import { createFakes, createPick, createRandom } from './support/fake-secrets.js'

const fake = createFakes(5)

/** Lines of filler code, cut at exactly `bytes`. */
function fillerLines(bytes: number): string {
  const line = 'export function add(a, b) { return a + b } // filler filler filler\n'
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes)
}

describe('scanSecretsInBuffer', () => {
  it('keeps file lines and columns across chunk boundaries, reporting a straddling secret once', () => {
    const head = fillerLines(CHUNK_BYTES - 20)
    const cutLine = head.endsWith('\n') ? head : `${head}\n`
    // The npm line crosses the nominal cut; the GitHub line lies in the first chunk's overlap.
    const text = `${cutLine}  x = "${fake.npm()}"\n  z = ${fake.github()}\n${fillerLines(CHUNK_BYTES)}y = ${fake.awsKeyId()}\n`
    const expected = text.split('\n').flatMap((l, i) => {
      const at = l.search(/npm_|ghp_|AKIA/)
      return at === -1 ? [] : [[i + 1, at + 1]]
    })
    const matches = scanSecretsInBuffer(Buffer.from(text, 'latin1'))
    expect(matches.map((m) => [m.rule, m.line, m.column])).toEqual([
      ['secret/npm-token', ...expected[0]],
      ['secret/github-token', ...expected[1]],
      ['secret/aws-access-key', ...expected[2]]
    ])
    expect(expected[0][1]).toBe(8)
  })

  it('cuts a line longer than a chunk and still gets the column right', () => {
    const prefix = 'a'.repeat(CHUNK_BYTES + 2 * 1024 * 1024) + ';'
    const text = `first\n${prefix}k="${fake.github()}";\n`
    expect(scanSecretsInBuffer(Buffer.from(text, 'latin1'))).toMatchObject([
      { rule: 'secret/github-token', line: 2, column: prefix.length + 4 }
    ])
  })

  it('confirms values holding other than ASCII on their line decoded as UTF-8', () => {
    // read byte by byte, `à` (C3 A0) carries a no-break space that cut the value at it
    const password = `p\u00e0ss\u0420${fake.generic(12)}`
    const text = [
      '// caf\u00e9',
      `const url = "postgres://app:${password}@db.prod.internal:5432/orders"`,
      `const apiToken = "${password}"`
    ].join('\n')
    const found = scanSecretsInBuffer(Buffer.from(text, 'utf8'))
    expect(found.map((m) => [m.rule, m.line, m.redacted])).toEqual(
      scanSecrets(text).map((m) => [m.rule, m.line, m.redacted])
    )
    expect(found.map((m) => m.rule)).toEqual(['secret/database-url', 'secret/generic'])
    expect(found[0].redacted).toMatch(/^p\u00e0/)
  })

  it('reads a file in a legacy encoding (not UTF-8) as it was read before', () => {
    const text = `// r\u00e9sum\u00e9\nconst password = "Zq7\u00e9${fake.generic(12)}"\n`
    const bytes = Buffer.from(text, 'latin1') // é is one byte, E9: invalid as UTF-8
    expect(scanSecretsInBuffer(bytes)).toEqual(scanSecrets(text))
    expect(scanSecrets(text)).toMatchObject([{ rule: 'secret/generic', line: 2, column: 19 }])
  })

  it('finds in UTF-8 bytes what it finds in their decoded text (random lines)', () => {
    const random = createRandom(9)
    const pick = createPick(random)
    const words = [
      '\u00e0',
      '\u00e9',
      '\u0420',
      '\u4e2d',
      '\ud83d\ude00',
      'x',
      ' ',
      '"',
      '=',
      '\u00a0'
    ]
    const lines: string[] = []
    for (let i = 0; i < 400; i++) {
      const value = Array.from(
        { length: 6 },
        () => pick(words) + random('abcdefXYZ0123456789', 2)
      ).join('')
      lines.push(
        pick([
          `const password = "${value}"`,
          `DB=postgres://svc:${value}@db.prod.internal/app`,
          `api_key: ${value}`,
          `token = '${fake.generic(16)}' // ${value}`,
          `// ${value} ${fake.github()}`
        ])
      )
    }
    const text = lines.join('\n')
    const key = (m: SecretMatch) => `${m.rule} ${m.line} ${m.redacted}`
    const expected = scanSecrets(text).map(key)
    expect(scanSecretsInBuffer(Buffer.from(text, 'utf8')).map(key)).toEqual(expected)
    expect(expected.length).toBeGreaterThan(100)
  })

  it('decodes bytes as latin1, so UTF-8 text before a token does not hide it', () => {
    const text = `// café — ünïcödé\nconst t = '${fake.github()}'\n`
    expect(scanSecretsInBuffer(Buffer.from(text, 'utf8'))).toMatchObject([{ line: 2 }])
  })
})

/** Text as Windows tools write "Unicode": UTF-16 with a byte order mark. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  return order === 'le' ? le : Buffer.from(le).swap16()
}

describe('UTF-16 text', () => {
  it.each(['le', 'be'] as const)('is scanned, by its byte order mark (%s)', (order) => {
    const token = fake.github()
    const content = utf16(`# deploy\r\n$env:GH_TOKEN = '${token}'\r\n`, order)
    expect(isBinary(content)).toBe(false)
    expect(scanSecretsInBuffer(content)).toMatchObject([
      { rule: 'secret/github-token', line: 2, column: 18 }
    ])
  })

  it('without a byte order mark stays binary', () => {
    expect(isBinary(Buffer.from(`GH_TOKEN=${fake.github()}`, 'utf16le'))).toBe(true)
  })
})

describe('content sniffing', () => {
  it.each([
    ['plain text', Buffer.from('plain text'), false],
    [
      'a PNG header',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      true
    ],
    [
      'a NUL after the first 8 KiB',
      Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]),
      false
    ]
  ])('isBinary: %s → %s', (_name, content, binary) => {
    expect(isBinary(content)).toBe(binary)
  })
})
