import { describe, expect, it } from '@jest/globals'
import {
  SourceMapSyntaxError,
  forEachEmbeddedSource,
  looksLikeSourceMap,
  scanSourceMap
} from '../../src/sourcemap/index.js'
import { indexMapBuffer, mapBuffer, mapJson } from './support/maps.js'

function scanError(content: string | Buffer): SourceMapSyntaxError {
  try {
    scanSourceMap(Buffer.isBuffer(content) ? content : Buffer.from(content))
  } catch (error) {
    if (error instanceof SourceMapSyntaxError) return error
    throw error
  }
  throw new Error('expected scanSourceMap to throw')
}

describe('scanSourceMap', () => {
  it('reads sources, sourceRoot and file, and sizes each embedded text without decoding it', () => {
    const summary = scanSourceMap(
      mapBuffer({
        file: 'app.js',
        sourceRoot: 'webpack:///',
        sources: ['./src/a.ts', 'node_modules/x/index.js', null, 'src/c.ts'],
        sourcesContent: ['const a = 1\nconst b = 2\n', 'x', 'orphan text', null]
      })
    )
    expect(summary).toMatchObject({
      version: 3,
      file: 'app.js',
      sourceRoot: 'webpack:///',
      sections: 0
    })
    expect(
      summary.sources.map((s) => [s.index, s.source, s.path, s.content?.lines, s.content?.bytes])
    ).toEqual([
      [0, './src/a.ts', 'webpack:///./src/a.ts', 3, 24],
      [1, 'node_modules/x/index.js', 'webpack:///node_modules/x/index.js', 1, 1],
      [2, null, '', 1, 11],
      [3, 'src/c.ts', 'webpack:///src/c.ts', undefined, undefined]
    ])
  })

  it.each([
    ['empty text', '', 0, 0],
    ['no newline', 'abc', 1, 3],
    ['escaped quote and backslash', 'say "hi" \\ bye', 1, 14],
    ['CRLF counts the LF', 'a\r\nb\r\n', 3, 6],
    ['non-ASCII raw and escaped', 'é€😀\u2028', 1, 2 + 3 + 4 + 3],
    ['control characters', '\u0000\u0001\t\b\f', 1, 5],
    ['backslash before n is not a newline', '\\n\\n', 1, 4],
    ['a lone surrogate (encoded as U+FFFD)', 'a\ud800b', 1, 5]
  ])('counts lines and UTF-8 bytes exactly: %s', (_name, text, lines, bytes) => {
    const [source] = scanSourceMap(mapBuffer({ sources: ['a.ts'], sourcesContent: [text] })).sources
    expect(source?.content).toMatchObject({ lines, bytes })
    expect(Buffer.byteLength(text)).toBe(bytes)
  })

  it('decodes \\u escapes (including \\u000a newlines and surrogate pairs) like JSON.parse', () => {
    const raw = '"a\\u000ab\\u00e9\\uD83D\\uDE00\\/\\n"'
    const json = `{"version":3,"mappings":"","sources":["x.ts"],"sourcesContent":[${raw}]}`
    const [source] = scanSourceMap(Buffer.from(json)).sources
    const text = JSON.parse(raw) as string
    expect(source?.content).toMatchObject({ lines: 3, bytes: Buffer.byteLength(text) })
    const seen: string[] = []
    forEachEmbeddedSource(Buffer.from(json), (s) => seen.push(s.text))
    expect(seen).toEqual([text])
  })

  it('flattens the sections of an index map, numbering sources in order', () => {
    const content = indexMapBuffer([
      { sources: ['a.ts', 'b.ts'], sourcesContent: ['a', 'b\nb'] },
      { sources: ['c.ts'], sourceRoot: 'lib', sourcesContent: [null] }
    ])
    const summary = scanSourceMap(content)
    expect(summary.sections).toBe(2)
    expect(summary.sources.map((s) => [s.index, s.path, s.content?.lines])).toEqual([
      [0, 'a.ts', 1],
      [1, 'b.ts', 2],
      [2, 'lib/c.ts', undefined]
    ])
  })

  it.each([
    ['a UTF-8 BOM', `\ufeff${mapJson({ sources: ['a.ts'] })}`],
    ['the XSSI prefix line', `)]}'\n${mapJson({ sources: ['a.ts'] })}`],
    [
      'whitespace and pretty-printing',
      JSON.stringify(JSON.parse(mapJson({ sources: ['a.ts'] })), null, 2)
    ]
  ])('accepts %s', (_name, json) => {
    expect(scanSourceMap(Buffer.from(json)).sources.map((s) => s.path)).toEqual(['a.ts'])
  })

  it('takes the last of repeated keys, as JSON.parse does', () => {
    const json = '{"version":3,"sources":["old.ts"],"mappings":"","sources":["new.ts"]}'
    expect(scanSourceMap(Buffer.from(json)).sources.map((s) => s.path)).toEqual(['new.ts'])
  })

  it.each([
    ['an empty file', '', 'json', /the file is empty/],
    [
      'a linker map',
      'Archive member included to satisfy reference',
      'json',
      /not JSON: it starts with 'Archive/
    ],
    [
      'a truncated map',
      mapJson({ sources: ['a.ts'], sourcesContent: ['x'] }).slice(0, 40),
      'json',
      /truncated/
    ],
    ['a string cut short', '{"version":3,"sources":["a.ts', 'json', /string never ends/],
    ['trailing data', `${mapJson({ sources: [] })} {}`, 'json', /after the end of the JSON value/],
    [
      'a bad escape',
      '{"version":3,"mappings":"","sources":["a"],"sourcesContent":["\\x"]}',
      'json',
      /invalid escape/
    ],
    ['a bad number', '{"version":3.,"mappings":"","sources":[]}', 'json', /invalid number/],
    ['a missing comma', '{"version":3 "mappings":""}', 'json', /expected ',' or '}'/],
    ['a nesting bomb', `{"version":3,"x":${'['.repeat(20_000)}`, 'json', /nested deeper/],
    ['an array', '[1,2,3]', 'not-a-map', /top-level JSON value is not an object/],
    ['package.json', '{"name":"x","version":"1.0.0"}', 'not-a-map', /needs 'version'/],
    [
      'sections that are not map sections',
      '{"version":1,"sections":[{"title":"x"}]}',
      'not-a-map',
      /section 1/
    ],
    [
      'sources that is not an array',
      '{"version":3,"mappings":"","sources":"a.ts"}',
      'invalid-map',
      /'sources' is not an array/
    ],
    [
      'a section map without mappings',
      '{"version":3,"sections":[{"offset":{},"map":{"version":3}}]}',
      'invalid-map',
      /section 1/
    ]
  ])('rejects %s with a clear message', (_name, content, kind, message) => {
    const error = scanError(content)
    expect(error.kind).toBe(kind)
    expect(error.message).toMatch(message)
  })

  it('names the byte offset and line of a syntax error', () => {
    expect(scanError('{\n"version":3,\n"mappings":x}').message).toBe(
      'invalid JSON at byte 26 (line 3): expected a value'
    )
  })
})

describe('looksLikeSourceMap', () => {
  it.each([
    ['a map', mapJson({ sources: ['a.ts'] }), true],
    ['an index map', '{"version":3,"sections":[]}', true],
    ['a map behind the XSSI prefix', `)]}'\n${mapJson({ sources: [] })}`, true],
    ['a JS file', 'const map = {"version":3,"mappings":"","sources":[]}', false],
    ['package.json', '{"name":"x","version":"1.0.0","main":"index.js"}', false],
    ['JSON without mappings', '{"version":3,"sources":["a"]}', false],
    ['keys that only end like a map key', '{"myversion":3,"xmappings":"","_sources":[]}', false],
    [
      'a key name inside a value first',
      '{"v":"version","version":3,"mappings":"","sources":[]}',
      true
    ],
    ['an empty file', '', false]
  ])('%s → %s', (_name, content, expected) => {
    expect(looksLikeSourceMap(Buffer.from(content))).toBe(expected)
  })
})
