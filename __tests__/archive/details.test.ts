import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { buildTar, buildTgz, buildZip } from '../../__fixtures__/archives.js'
import type { Tree } from '../../__fixtures__/archives.js'
import { fileSource } from '../../src/archive/byte-source.js'
import { DEFAULT_LIMITS } from '../../src/archive/limits.js'
import { openArchive } from '../../src/archive/open-archive.js'
import { walkArtifact } from '../../src/archive/walk.js'
import { WalkContext } from '../../src/archive/walk-context.js'
import { walkZip } from '../../src/archive/walk-zip.js'
import { walkBuffer, withTempDir } from './walk-helper.js'

const TREE: Tree = {
  'package/': { dir: true },
  'package/package.json': '{"name":"demo"}',
  'package/dist/cli.js': 'console.log(1)'
}

describe('walk details', () => {
  it('compares local and central names when reading a zip at offsets too', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'odd.zip')
      const zip = await buildZip({ 'README.md': 'x' })
      zip.write('evil/.env', 30, 'latin1')
      await writeFile(path, zip)
      const problems: string[] = []
      const ctx = new WalkContext(
        'odd',
        DEFAULT_LIMITS,
        openArchive,
        () => undefined,
        (p) => problems.push(`${p.rule} ${p.path}`)
      )
      await walkZip(
        await fileSource(path),
        { ctx, prefix: '', depth: 0, where: '', name: 'odd.zip' },
        { inMemoryMaxBytes: 0 }
      )
      expect(problems).toEqual(['archive/unreadable README.md'])
    })
  })

  it('finds and reads an unlisted local entry when reading a zip at offsets too', async () => {
    await withTempDir(async (dir) => {
      const zip = await buildZip({ 'a.txt': 'a', 'hidden.txt': 'h' })
      // the directory lists only a.txt: drop the second record, fix count, size and offset
      const eocd = zip.length - 22
      const first = zip.readUInt32LE(eocd + 16)
      const second = first + 46 + zip.readUInt16LE(first + 28) + zip.readUInt16LE(first + 30)
      const edited = Buffer.concat([zip.subarray(0, second), zip.subarray(eocd)])
      const end = edited.length - 22
      edited.writeUInt16LE(1, end + 8)
      edited.writeUInt16LE(1, end + 10)
      edited.writeUInt32LE(second - first, end + 12)
      const path = join(dir, 'hidden.zip')
      await writeFile(path, edited)
      const entries: string[] = []
      const problems: string[] = []
      const ctx = new WalkContext(
        'hidden',
        DEFAULT_LIMITS,
        openArchive,
        (e) => entries.push(e.path),
        (p) => problems.push(`${p.rule} ${p.path}`)
      )
      await walkZip(
        await fileSource(path),
        { ctx, prefix: '', depth: 0, where: '', name: 'hidden.zip' },
        { inMemoryMaxBytes: 0 }
      )
      expect(entries).toEqual(['a.txt', 'hidden.txt'])
      expect(problems).toEqual(['archive/unreadable hidden.txt'])
    })
  })

  it('reads a zip from disk entry by entry when it is too large to hold in memory', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'big.zip')
      await writeFile(
        path,
        await buildZip({
          ...TREE,
          'package/inner.tgz': { nested: { format: 'tgz', tree: { 'x.js': 'x' } } }
        })
      )
      const entries: string[] = []
      const problems: string[] = []
      const ctx = new WalkContext(
        'big',
        DEFAULT_LIMITS,
        openArchive,
        (e) => entries.push(e.path),
        (p) => problems.push(p.message)
      )
      await walkZip(
        await fileSource(path),
        { ctx, prefix: '', depth: 0, where: '', name: 'big.zip' },
        { inMemoryMaxBytes: 0 }
      )
      expect(entries).toEqual([
        ...Object.keys(TREE),
        'package/inner.tgz',
        'package/inner.tgz!/x.js'
      ])
      expect(problems).toEqual([])
    })
  })

  it.each([
    ['zip', () => buildZip({ 'empty.txt': '', 'after.txt': 'a' })],
    ['tar', () => buildTar({ 'empty.txt': '', 'after.txt': 'a' })]
  ])('%s: an empty file is a file with empty content', async (_, build) => {
    const walked = await walkBuffer(await build())
    expect(
      walked.entries.map((e) => [e.path, e.size, 'content' in e ? e.content.length : -1])
    ).toEqual([
      ['empty.txt', 0, 0],
      ['after.txt', 1, 1]
    ])
  })

  it("passes the caller's own exceptions through instead of taking them for bad content", async () => {
    const tgz = await buildTgz({ 'a.txt': 'a' })
    const failing = walkArtifact(
      { name: 'x', source: 'test', input: { kind: 'buffer', data: tgz } },
      DEFAULT_LIMITS,
      () => {
        throw new Error('rule crashed')
      },
      () => undefined
    )
    await expect(failing).rejects.toThrow('rule crashed')
  })
})
