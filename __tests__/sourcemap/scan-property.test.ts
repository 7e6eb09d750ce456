import { describe, expect, it } from '@jest/globals'
import { forEachEmbeddedSource, scanSourceMap } from '../../src/sourcemap/index.js'

/** Deterministic generator (mulberry32) so a failure reproduces with its seed. */
function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] }
}
type Random = ReturnType<typeof createRandom>

const PIECES = [
  'a',
  'Z',
  ' ',
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '/',
  '\u0000',
  '\u001f',
  'é',
  '€',
  '😀',
  '\u2028',
  '\ud800',
  '\udfff',
  '\\n',
  '\\"',
  '{',
  ']',
  ','
]

function randomText(random: Random): string {
  let text = ''
  for (let i = random.int(40); i > 0; i--) text += random.pick(PIECES)
  return text
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f'
}

/** JSON string encoding with random choices among the valid spellings of each character. */
function encodeString(text: string, random: Random): string {
  let out = '"'
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const lone = code >= 0xd800 && code <= 0xdfff
    const short = SHORT_ESCAPES[char]
    if (short !== undefined && random.int(3) > 0) out += short
    else if (char === '/' && random.int(2) === 0) out += '\\/'
    else if (code < 0x20 || short !== undefined || lone || random.int(8) === 0)
      out += unicodeEscape(char, random)
    else out += char
  }
  return `${out}"`
}

function unicodeEscape(char: string, random: Random): string {
  let out = ''
  for (let i = 0; i < char.length; i++) {
    const hex = char.charCodeAt(i).toString(16).padStart(4, '0')
    out += `\\u${random.int(2) ? hex : hex.toUpperCase()}`
  }
  return out
}

function randomSpace(random: Random): string {
  return random.pick(['', '', ' ', '\n  ', '\t', '\r\n'])
}

/** A map with random key order, junk keys, nulls and whitespace, serialised by hand. */
function randomMap(random: Random): string {
  const count = random.int(6)
  const sources = Array.from({ length: count }, () =>
    random.int(6) === 0 ? null : `src/${randomText(random)}.ts`
  )
  const contents = Array.from({ length: count + random.int(2) - random.int(2) }, () =>
    random.int(5) === 0 ? null : randomText(random)
  )
  const value = (v: string | null) => (v === null ? 'null' : encodeString(v, random))
  const array = (items: (string | null)[]) =>
    `[${items.map((v) => randomSpace(random) + value(v)).join(',')}${randomSpace(random)}]`
  const members = [
    `"version"${randomSpace(random)}:${randomSpace(random)}3`,
    `"mappings":${encodeString('AAAA;AACA,EAAE', random)}`,
    `"sources":${array(sources)}`,
    `"sourcesContent":${array(contents)}`,
    `"names":${array([randomText(random)])}`,
    `"x_junk":{"a":[1,-2.5e+3,true,false,null,{"b":"\\"}"}],"c":{}}`
  ]
  if (random.int(2))
    members.push(`"sourceRoot":${encodeString(random.pick(['', 'lib/', 'webpack:///']), random)}`)
  members.sort(() => random.next() - 0.5)
  return `${randomSpace(random)}{${members.map((m) => randomSpace(random) + m).join(',')}${randomSpace(random)}}${randomSpace(random)}`
}

describe('scanSourceMap against JSON.parse', () => {
  it('agrees on sources, embedded texts, line counts and byte sizes for 400 random maps', () => {
    const random = createRandom(20_240_601)
    for (let i = 0; i < 400; i++) {
      const json = randomMap(random)
      const content = Buffer.from(json)
      const parsed = JSON.parse(json) as {
        sources: (string | null)[]
        sourcesContent: (string | null)[]
        sourceRoot?: string
      }
      const summary = scanSourceMap(content)
      const count = Math.max(parsed.sources.length, parsed.sourcesContent.length)
      expect({ i, count: summary.sources.length }).toEqual({ i, count })
      summary.sources.forEach((source, index) => {
        const text = parsed.sourcesContent[index]
        const expected =
          typeof text === 'string'
            ? { lines: text === '' ? 0 : text.split('\n').length, bytes: Buffer.byteLength(text) }
            : undefined
        const actual = source.content && {
          lines: source.content.lines,
          bytes: source.content.bytes
        }
        expect({ i, index, source: source.source, content: actual }).toEqual({
          i,
          index,
          source: parsed.sources[index] ?? null,
          content: expected
        })
      })
      const texts: [number, string][] = []
      forEachEmbeddedSource(content, (s) => texts.push([s.index, s.text]))
      const expectedTexts = parsed.sourcesContent.flatMap((t, index) =>
        typeof t === 'string' ? [[index, t]] : []
      )
      expect({ i, texts }).toEqual({ i, texts: expectedTexts })
    }
  })

  it('fails, never crashes, on every truncation of a map', () => {
    const random = createRandom(7)
    const json = randomMap(random)
    for (let cut = 0; cut < json.trimEnd().length - 1; cut++) {
      const content = Buffer.from(json.slice(0, cut))
      expect(() => scanSourceMap(content)).toThrow(
        /truncated|empty|invalid JSON|not JSON|not a source map/
      )
    }
  })
})
