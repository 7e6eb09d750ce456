import { describe, expect, it } from '@jest/globals'
import {
  findSourceMappingComments,
  readSourceMappings,
  scanSourceMap
} from '../../src/sourcemap/index.js'
import { base64DataUrl, mapJson, percentDataUrl } from './support/maps.js'

const SMU = 'sourceMappingURL'

function comments(path: string, text: string | Buffer) {
  return findSourceMappingComments(path, Buffer.isBuffer(text) ? text : Buffer.from(text)).map(
    (c) =>
      c.kind === 'url' ? { kind: c.kind, line: c.line, url: c.url } : { kind: c.kind, line: c.line }
  )
}

describe('findSourceMappingComments', () => {
  it.each([
    [
      '//# form',
      'app.js',
      `a()\n//# ${SMU}=app.js.map\n`,
      [{ kind: 'url', line: 2, url: 'app.js.map' }]
    ],
    [
      '//@ legacy form',
      'app.js',
      `a()\n//@ ${SMU}=app.js.map`,
      [{ kind: 'url', line: 2, url: 'app.js.map' }]
    ],
    [
      '/*# */ form in CSS',
      'a.css',
      `a{}\n/*# ${SMU}=a.css.map */\n`,
      [{ kind: 'url', line: 2, url: 'a.css.map' }]
    ],
    [
      '/*# */ form without spaces',
      'a.css',
      `a{}/*#${SMU}=a.css.map*/`,
      [{ kind: 'url', line: 1, url: 'a.css.map' }]
    ],
    [
      'CRLF line ends',
      'app.mjs',
      `a()\r\n//# ${SMU}=app.mjs.map\r\n`,
      [{ kind: 'url', line: 2, url: 'app.mjs.map' }]
    ],
    [
      'the last comment wins',
      'app.cjs',
      `//# ${SMU}=old.map\nb()\n//# ${SMU}=new.map\n`,
      [{ kind: 'url', line: 3, url: 'new.map' }]
    ],
    [
      'earlier inline maps in a concatenated bundle still count',
      'vendor.js',
      `a()\n//# ${SMU}=data:application/json;base64,e30=\nb()\n//# ${SMU}=vendor.js.map\n`,
      [
        { kind: 'url', line: 4, url: 'vendor.js.map' },
        { kind: 'data', line: 2 }
      ]
    ],
    ['code that builds a comment in a string', 'tool.js', `const c = '//# ${SMU}=' + url\n`, []],
    ['a string literal holding a full comment', 'tool.js', `const c = "//# ${SMU}=x.map";\n`, []],
    ['a regular expression', 'tool.js', `const re = /\\/[*/][#@]\\s*${SMU}=([^\\s'"]+)/\n`, []],
    ['no marker before the name', 'tool.js', `// ${SMU}=x.map\n`, []],
    ['an empty URL', 'tool.js', `//# ${SMU}=\n`, []],
    [
      'a .d.ts file ending with a comment',
      'index.d.ts',
      `export {}\n//# ${SMU}=index.d.ts.map\n`,
      [{ kind: 'url', line: 2, url: 'index.d.ts.map' }]
    ],
    ['a text file with a comment before the end', 'notes.md', `//# ${SMU}=x.map\nmore text\n`, []],
    [
      'a binary file',
      'image.png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0, 0]), Buffer.from(`\n//# ${SMU}=x.map`)]),
      []
    ]
  ])('%s', (_name, path, text, expected) => {
    expect(comments(path, text)).toEqual(expected)
  })
})

describe('findSourceMappingComments on hostile input', () => {
  it('stays linear on a line stuffed with comment markers', () => {
    const content = Buffer.from(`//# ${SMU}=x `.repeat(400_000))
    const started = performance.now()
    expect(comments('evil.js', content)).toEqual([{ kind: 'url', line: 1, url: 'x' }])
    // Unbounded, each of the 400,000 candidates rescans the rest of the 10 MB line (~30 s here).
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('readSourceMappings', () => {
  const json = mapJson({ sources: ['../src/a.ts'], sourcesContent: ['const a = "é"\n'] })

  it.each([
    ['base64 in JS', 'app.js', `a()\n//# ${SMU}=${base64DataUrl(json)}\n`],
    [
      'base64 without charset',
      'app.js',
      `//# ${SMU}=data:application/json;base64,${Buffer.from(json).toString('base64')}`
    ],
    ['percent-encoded in JS', 'app.js', `a()\n//# ${SMU}=${percentDataUrl(json)}`],
    ['base64 in CSS', 'a.css', `a{}\n/*# ${SMU}=${base64DataUrl(json)} */`],
    ['percent-encoded in CSS', 'a.css', `a{}\n/*# ${SMU}=${percentDataUrl(json)} */\n`]
  ])('decodes an inline map: %s', (_name, path, text) => {
    const { inline, reference } = readSourceMappings(path, Buffer.from(text))
    expect(reference).toBeUndefined()
    expect(inline).toHaveLength(1)
    expect(inline[0]?.map.toString()).toBe(json)
    expect(scanSourceMap(inline[0]?.map ?? Buffer.alloc(0)).sources[0]?.content?.lines).toBe(2)
  })

  it('keeps a stray % of a percent-encoded URL as it is', () => {
    const { inline } = readSourceMappings('a.js', Buffer.from(`//# ${SMU}=data:,100%25%zz%4`))
    expect(inline[0]?.map.toString()).toBe('100%%zz%4')
  })

  it('decodes the same buffer once, and another buffer with the same bytes again', () => {
    const content = Buffer.from(`//# ${SMU}=${base64DataUrl(json)}`)
    const first = readSourceMappings('a.js', content)
    expect(readSourceMappings('a.js', content)).toBe(first)
    const twin = Buffer.from(content)
    const other = readSourceMappings('a.js', twin)
    expect(other).not.toBe(first)
    expect(other).toEqual(first)
  })
})
