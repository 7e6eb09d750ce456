import { describe, expect, it } from '@jest/globals'
import { forEachSourceInFile } from '../../src/sourcemap/index.js'
import { LEAKY_MAP, base64DataUrl } from './support/maps.js'

function visitAll(path: string, content: string | Buffer) {
  const seen: { path: string; firstParty: boolean; text: string; mapLine?: number }[] = []
  const result = forEachSourceInFile(
    path,
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    (s) =>
      seen.push({
        path: s.path,
        firstParty: s.firstParty,
        text: s.text,
        ...(s.mapLine !== undefined ? { mapLine: s.mapLine } : {})
      })
  )
  return { ...result, seen }
}

const LEAKY_TEXTS = [
  {
    path: 'src/cli.ts',
    firstParty: true,
    text: 'const a = "\\"quoted\\""\nconst b = \'\\u00e9\'\n'
  },
  { path: 'src/agent/loop.ts', firstParty: true, text: 'export function loop() {}\n' },
  { path: 'node_modules/tslib/tslib.es6.js', firstParty: false, text: 'export {}' }
]

describe('forEachSourceInFile (the secret scanner hook)', () => {
  it('visits every embedded source of a map file and says it was a map', () => {
    expect(visitAll('dist/cli.js.map', LEAKY_MAP)).toEqual({ isMap: true, seen: LEAKY_TEXTS })
  })

  it('recognises a map by content whatever its name', () => {
    expect(visitAll('maps/cli.json', LEAKY_MAP).isMap).toBe(true)
  })

  it('visits the sources of inline maps with the line of their comment', () => {
    const js = `run()\n\n//# sourceMappingURL=${base64DataUrl(LEAKY_MAP.toString())}\n`
    expect(visitAll('dist/cli.js', js)).toEqual({
      isMap: false,
      seen: LEAKY_TEXTS.map((s) => ({ ...s, mapLine: 3 }))
    })
  })

  it.each([
    [
      'a truncated .map (its raw text is still worth scanning)',
      'a.js.map',
      LEAKY_MAP.subarray(0, 80)
    ],
    ['a plain JS file', 'a.js', 'const x = 1\n'],
    ['a broken inline map', 'a.js', '//# sourceMappingURL=data:application/json;base64,AAAA']
  ])('visits nothing in %s', (_name, path, content) => {
    expect(visitAll(path, content)).toEqual({ isMap: false, seen: [] })
  })
})
