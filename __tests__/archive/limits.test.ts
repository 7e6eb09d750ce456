import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { buildGz, buildTar, buildTgz, buildZip, noise } from '../../__fixtures__/archives.js'
import type { Tree } from '../../__fixtures__/archives.js'
import {
  contentOf,
  listing,
  problemList,
  walkBuffer,
  walkInput,
  withTempDir
} from './walk-helper.js'

const MiB = 1024 * 1024

function files(count: number, bytes = 10): Tree {
  const tree: Tree = {}
  for (let i = 0; i < count; i++) tree[`f${i}.txt`] = String(i).padEnd(bytes, '.')
  return tree
}

describe('entry-count limit', () => {
  it.each([
    ['zip', () => buildZip(files(10))],
    ['tar', () => buildTar(files(10))],
    ['tgz', () => buildTgz(files(10))]
  ])('%s: stops the walk at maxEntries with one problem', async (_, build) => {
    const walked = await walkBuffer(await build(), 'many', { maxEntries: 4 })
    expect(listing(walked)).toEqual(['file f0.txt', 'file f1.txt', 'file f2.txt', 'file f3.txt'])
    expect(problemList(walked)).toEqual(['archive/limit f4.txt'])
    expect(walked.problems[0].details).toEqual({ limit: 'maxEntries', max: 4 })
    expect(walked.stats.entries).toBe(4)
  })

  it('counts nested entries against the whole artifact and stops the outer walk too', async () => {
    const zip = await buildZip({
      'a.txt': 'a',
      'inner.tgz': { nested: { format: 'tgz', tree: files(5) } },
      'z.txt': 'z'
    })
    const walked = await walkBuffer(zip, 'outer', { maxEntries: 4 })
    expect(listing(walked)).toEqual([
      'file a.txt',
      'file inner.tgz',
      'file inner.tgz!/f0.txt',
      'file inner.tgz!/f1.txt'
    ])
    expect(problemList(walked)).toEqual(['archive/limit inner.tgz!/f2.txt'])
  })

  it('stops a folder walk too', async () => {
    await withTempDir(async (dir) => {
      for (let i = 0; i < 5; i++) await writeFile(join(dir, `f${i}`), 'x')
      const walked = await walkInput({ kind: 'dir', path: dir }, 'dir', { maxEntries: 2 })
      expect(walked.entries).toHaveLength(2)
      expect(problemList(walked)).toEqual(['archive/limit f2'])
    })
  })
})

describe('total-bytes limit', () => {
  it.each([
    ['zip', () => buildZip(files(5, 1000))],
    ['tgz', () => buildTgz(files(5, 1000))]
  ])('%s: stops before the entry that would pass maxTotalBytes', async (_, build) => {
    const walked = await walkBuffer(await build(), 'big', { maxTotalBytes: 2500 })
    expect(listing(walked)).toEqual(['file f0.txt', 'file f1.txt'])
    expect(problemList(walked)).toEqual(['archive/limit f2.txt'])
    expect(walked.problems[0].details).toMatchObject({ limit: 'maxTotalBytes', max: 2500 })
    expect(walked.stats.bytes).toBe(2000)
  })
})

describe('per-entry limit', () => {
  it.each([
    [
      'zip',
      () => buildZip({ 'small.txt': 'ok', 'big.bin': Buffer.alloc(5000, 1), 'after.txt': 'after' })
    ],
    [
      'tgz',
      () => buildTgz({ 'small.txt': 'ok', 'big.bin': Buffer.alloc(5000, 1), 'after.txt': 'after' })
    ]
  ])(
    '%s: lists an entry over maxEntryBytes without content and reads the rest',
    async (_, build) => {
      const walked = await walkBuffer(await build(), 'pkg', { maxEntryBytes: 4096 })
      expect(listing(walked)).toEqual(['file small.txt', 'file big.bin', 'file after.txt'])
      expect(walked.entries[1]).toMatchObject({ kind: 'file', size: 5000 })
      expect('content' in walked.entries[1]).toBe(false)
      expect(problemList(walked)).toEqual(['archive/limit big.bin'])
      expect(walked.problems[0].message).toMatch(
        /over the per-entry limit of 4\.0 KiB; its content was not inspected/
      )
      expect(contentOf(walked, 'after.txt')).toBe('after')
    }
  )

  it('applies to a plain file and to the payload of a lone .gz', async () => {
    const plain = await walkBuffer(Buffer.alloc(5000, 0x61), 'big.txt', { maxEntryBytes: 4096 })
    expect(plain.entries).toEqual([expect.objectContaining({ path: 'big.txt', size: 5000 })])
    expect(problemList(plain)).toEqual(['archive/limit big.txt'])
    const gz = await walkBuffer(buildGz(Buffer.alloc(5000, 0x61)), 'big.txt.gz', {
      maxEntryBytes: 4096
    })
    expect(listing(gz)).toEqual(['file big.txt'])
    expect('content' in gz.entries[0]).toBe(false)
    expect(problemList(gz)).toEqual(['archive/limit big.txt'])
  })

  it('still walks an archive in a folder that is over the limit, reading it from disk', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'dist'))
      const padding = noise(8000, 1) // gzip cannot shrink it below the limit
      await writeFile(
        join(dir, 'dist/pkg.tgz'),
        await buildTgz({ 'pad.bin': padding, 'x.js': 'x' })
      )
      const walked = await walkInput({ kind: 'dir', path: join(dir, 'dist') }, 'dist', {
        maxEntryBytes: 4096
      })
      expect(listing(walked)).toEqual([
        'file pkg.tgz',
        'file pkg.tgz!/pad.bin',
        'file pkg.tgz!/x.js'
      ])
      expect(problemList(walked)).toEqual([
        'archive/limit pkg.tgz',
        'archive/limit pkg.tgz!/pad.bin'
      ])
      expect(contentOf(walked, 'pkg.tgz!/x.js')).toBe('x')
    })
  })
})

describe('compression-ratio limit', () => {
  it('refuses a zip entry that would expand past maxRatio, by its declared sizes, and reads the rest', async () => {
    const walked = await walkBuffer(
      await buildZip({ 'zeros.bin': Buffer.alloc(4 * MiB), 'ok.txt': 'ok' })
    )
    expect(listing(walked)).toEqual(['file zeros.bin', 'file ok.txt'])
    expect('content' in walked.entries[0]).toBe(false)
    expect(problemList(walked)).toEqual(['archive/limit zeros.bin'])
    expect(walked.problems[0].details).toMatchObject({
      limit: 'maxRatio',
      max: 200,
      uncompressed: 4 * MiB
    })
  })

  it('lets small, highly compressible entries through (below 1 MiB the ratio is not checked)', async () => {
    const walked = await walkBuffer(await buildZip({ 'blank.bin': Buffer.alloc(512 * 1024) }))
    expect(walked.problems).toEqual([])
    expect('content' in walked.entries[0]).toBe(true)
  })

  it('stops a gzip stream that expands past maxRatio, keeping the entries before it', async () => {
    const walked = await walkBuffer(
      await buildTgz({ 'first.txt': 'first', 'zeros.bin': Buffer.alloc(64 * MiB) }),
      'bomb.tgz'
    )
    expect(listing(walked)[0]).toBe('file first.txt')
    expect(problemList(walked)).toEqual(['archive/limit '])
    expect(walked.problems[0].message).toMatch(/gzip stream expands more than 200×/)
    expect(walked.stats.bytes).toBeLessThan(8 * MiB)
  })

  it('follows the configured ratio', async () => {
    const walked = await walkBuffer(await buildZip({ 'zeros.bin': Buffer.alloc(2 * MiB) }), 'z', {
      maxRatio: 2000
    })
    expect(walked.problems).toEqual([])
  })
})
