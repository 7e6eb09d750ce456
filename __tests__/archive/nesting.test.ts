import { describe, expect, it } from '@jest/globals'
import { buildTar, buildTgz, buildZip } from '../../__fixtures__/archives.js'
import type { NestedArchive } from '../../__fixtures__/archives.js'
import { contentOf, listing, problemList, walkBuffer } from './walk-helper.js'

/** `levels` archives inside each other, alternating zip and tgz, with `leaf.txt` at the bottom. */
function chain(levels: number): NestedArchive {
  let nested: NestedArchive = { format: 'zip', tree: { 'leaf.txt': 'bottom' } }
  for (let level = 1; level < levels; level++) {
    nested =
      level % 2 === 1
        ? { format: 'tgz', tree: { 'next.zip': { nested } } }
        : { format: 'zip', tree: { 'next.tgz': { nested } } }
  }
  return nested
}

describe('nested archives', () => {
  it('walks zip → tgz → zip, emitting each archive before its members, with depth and !/ paths', async () => {
    const outer = await buildZip({
      'before.txt': 'b',
      'inner.tgz': {
        nested: {
          format: 'tgz',
          tree: {
            'package/x.js': 'x',
            'package/deep.zip': { nested: { format: 'zip', tree: { 'leaf.txt': 'leaf' } } }
          }
        }
      },
      'after.txt': 'a'
    })
    const walked = await walkBuffer(outer, 'outer.zip')
    expect(walked.entries.map((e) => [e.path, e.depth])).toEqual([
      ['before.txt', 0],
      ['inner.tgz', 0],
      ['inner.tgz!/package/x.js', 1],
      ['inner.tgz!/package/deep.zip', 1],
      ['inner.tgz!/package/deep.zip!/leaf.txt', 2],
      ['after.txt', 0]
    ])
    expect(contentOf(walked, 'inner.tgz!/package/deep.zip!/leaf.txt')).toBe('leaf')
    expect(walked.problems).toEqual([])
    expect(walked.stats.files).toBe(6)
  })

  it('keeps walk order when many small entries and a nested archive complete inside one tar chunk', async () => {
    const tree: Record<string, string | { nested: NestedArchive }> = {}
    for (let i = 0; i < 20; i++) tree[`a${i}.txt`] = `${i}`
    tree['mid.zip'] = { nested: { format: 'zip', tree: { 'm1.txt': '1', 'm2.txt': '2' } } }
    for (let i = 0; i < 20; i++) tree[`b${i}.txt`] = `${i}`
    const walked = await walkBuffer(await buildTgz(tree))
    const paths = walked.entries.map((e) => e.path)
    expect(paths.slice(19, 24)).toEqual([
      'a19.txt',
      'mid.zip',
      'mid.zip!/m1.txt',
      'mid.zip!/m2.txt',
      'b0.txt'
    ])
    expect(paths).toHaveLength(43)
  })

  it('names the payload of a nested lone .gz after it: data.json.gz!/data.json', async () => {
    const walked = await walkBuffer(
      await buildTar({ 'data.json.gz': { nested: { format: 'gz', content: '{"k":1}' } } })
    )
    expect(listing(walked)).toEqual(['file data.json.gz', 'file data.json.gz!/data.json'])
    expect(contentOf(walked, 'data.json.gz!/data.json')).toBe('{"k":1}')
  })

  it('opens a zip-based package format found by its magic (.whl, .jar, .vsix…)', async () => {
    const walked = await walkBuffer(
      await buildTgz({
        'dist/tool.whl': { nested: { format: 'zip', tree: { 'tool/__init__.py': '' } } }
      })
    )
    expect(listing(walked)).toEqual(['file dist/tool.whl', 'file dist/tool.whl!/tool/__init__.py'])
  })

  it('stops at maxDepth: the archive past it is listed, its content is not, with one limit problem', async () => {
    // l1.zip → next.tgz → next.zip → leaf.txt: leaf.txt sits at depth 3
    const walked = await walkBuffer(await buildZip({ 'l1.zip': { nested: chain(3) } }), 'top.zip', {
      maxDepth: 2
    })
    expect(listing(walked)).toEqual([
      'file l1.zip',
      'file l1.zip!/next.tgz',
      'file l1.zip!/next.tgz!/next.zip'
    ])
    expect(problemList(walked)).toEqual(['archive/limit l1.zip!/next.tgz!/next.zip'])
    expect(walked.problems[0].details).toMatchObject({ limit: 'maxDepth', max: 2 })
  })

  it('walks as deep as maxDepth allows', async () => {
    const walked = await walkBuffer(await buildZip({ 'l1.zip': { nested: chain(3) } }), 'top.zip', {
      maxDepth: 3
    })
    expect(walked.problems).toEqual([])
    expect(walked.entries.at(-1)).toMatchObject({
      path: 'l1.zip!/next.tgz!/next.zip!/leaf.txt',
      depth: 3
    })
  })
})
