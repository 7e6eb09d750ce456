import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from '@jest/globals'
import { buildGz, buildTar, buildTgz, buildZip } from '../../__fixtures__/archives.js'
import type { Tree } from '../../__fixtures__/archives.js'
import { isFileEntry } from '../../src/engine/rule.js'
import {
  contentOf,
  listing,
  problemList,
  walkBuffer,
  walkInput,
  withTempDir
} from './walk-helper.js'

const TREE: Tree = {
  'package/': { dir: true },
  'package/package.json': '{"name":"demo"}',
  'package/dist/cli.js': 'console.log(1)\n//# sourceMappingURL=cli.js.map',
  'package/dist/cli.js.map': '{"version":3}'
}
const EXPECTED = [
  'directory package/',
  'file package/package.json',
  'file package/dist/cli.js',
  'file package/dist/cli.js.map'
]

describe('walkArtifact per format', () => {
  it.each([
    ['zip, deflated', () => buildZip(TREE)],
    ['zip, stored', () => buildZip(TREE, { store: true })],
    ['zip, zip64 records', () => buildZip(TREE, { zip64: true })],
    ['tar', () => buildTar(TREE)],
    ['tgz', () => buildTgz(TREE)]
  ])('%s: lists every member in stored order with its content', async (_, build) => {
    const walked = await walkBuffer(await build(), 'pkg')
    expect(listing(walked)).toEqual(EXPECTED)
    expect(walked.problems).toEqual([])
    expect(contentOf(walked, 'package/dist/cli.js.map')).toBe('{"version":3}')
    expect(walked.entries.every((e) => e.depth === 0 && e.artifact === 'pkg')).toBe(true)
    expect(walked.stats).toEqual({ files: 3, bytes: 15 + 46 + 13, entries: 4 })
  })

  it('sizes a file by what it holds and keeps the buffer exact', async () => {
    const walked = await walkBuffer(await buildTgz({ 'a.bin': Buffer.alloc(70_000, 7) }))
    const entry = walked.entries[0]
    expect(isFileEntry(entry) && entry.content.equals(Buffer.alloc(70_000, 7))).toBe(true)
    expect(entry.size).toBe(70_000)
  })

  it('walks a lone gzipped file as one member named without .gz', async () => {
    const walked = await walkBuffer(buildGz('hello'), 'notes.txt.gz')
    expect(listing(walked)).toEqual(['file notes.txt'])
    expect(contentOf(walked, 'notes.txt')).toBe('hello')
  })

  it('walks a plain file as a single entry named by its basename', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'report.json'), '{"a":1}')
      const walked = await walkInput({ kind: 'file', path: join(dir, 'report.json') }, 'shard')
      expect(listing(walked)).toEqual(['file report.json'])
      expect(contentOf(walked, 'report.json')).toBe('{"a":1}')
    })
  })

  it('walks buffer input that is not an archive as one entry named after the artifact', async () => {
    const walked = await walkBuffer(Buffer.from('plain text'), 'dist/readme.txt')
    expect(listing(walked)).toEqual(['file readme.txt'])
  })

  it('decides by magic bytes, not by name: a .tgz that is plain text is a file', async () => {
    const walked = await walkBuffer(Buffer.from('not gzip at all'), 'fake.tgz')
    expect(listing(walked)).toEqual(['file fake.tgz'])
    expect(walked.problems).toEqual([])
  })

  it('decides by magic bytes: a zip named .tgz is walked as a zip', async () => {
    const walked = await walkBuffer(await buildZip({ 'a.txt': 'a' }), 'misnamed.tgz')
    expect(listing(walked)).toEqual(['file a.txt'])
  })

  it('reads a tar from a file on disk in chunks, including a member larger than one chunk', async () => {
    await withTempDir(async (dir) => {
      const big = Buffer.alloc(3 * 1024 * 1024 + 5, 'x')
      await writeFile(
        join(dir, 'a.tar'),
        await buildTar({ 'small.txt': 's', 'big.txt': big, 'after.txt': 'after' })
      )
      const walked = await walkInput({ kind: 'file', path: join(dir, 'a.tar') })
      expect(listing(walked)).toEqual(['file small.txt', 'file big.txt', 'file after.txt'])
      expect(walked.entries[1].size).toBe(big.length)
      expect(contentOf(walked, 'after.txt')).toBe('after')
    })
  })

  it('reads long and non-ASCII tar names from pax headers', async () => {
    const long = `package/${'deep/'.repeat(30)}file.js`
    const walked = await walkBuffer(await buildTar({ [long]: 'x', 'package/ünïcode.js': 'y' }))
    expect(listing(walked)).toEqual([`file ${long}`, 'file package/ünïcode.js'])
  })

  it.each([
    ['zip', () => buildZip({})],
    ['tgz', () => buildTgz({})],
    ['tgz inside a zip', async () => buildZip({ 'empty.tgz': await buildTgz({}) })]
  ])('an empty %s yields no entries and no problems', async (_, build) => {
    const walked = await walkBuffer(await build(), 'empty')
    expect(walked.entries.filter((e) => e.path !== 'empty.tgz')).toEqual([])
    expect(walked.problems).toEqual([])
  })

  it('takes a bare run of zero blocks for a file, not an empty tar (a blank image must stay listed)', async () => {
    const walked = await walkBuffer(await buildTar({}), 'blank.img')
    expect(listing(walked)).toEqual(['file blank.img'])
  })

  it('lists symlinks, hard links and directories with their kind and target', async () => {
    const walked = await walkBuffer(
      await buildTar({
        'pkg/': { dir: true },
        'pkg/a.js': 'a',
        'pkg/link.js': { symlink: 'a.js' },
        'pkg/hard.js': { hardlink: 'pkg/a.js' }
      })
    )
    expect(walked.entries.map((e) => [e.kind, e.path, e.linkTarget])).toEqual([
      ['directory', 'pkg/', undefined],
      ['file', 'pkg/a.js', undefined],
      ['symlink', 'pkg/link.js', 'a.js'],
      ['hardlink', 'pkg/hard.js', 'pkg/a.js']
    ])
    expect(walked.problems).toEqual([])
  })

  it('reads a zip symlink target from its data', async () => {
    const walked = await walkBuffer(
      await buildZip({ 'dist/': { dir: true }, 'dist/current': { symlink: 'v2/index.js' } })
    )
    expect(walked.entries.map((e) => [e.kind, e.path, e.linkTarget])).toEqual([
      ['directory', 'dist/', undefined],
      ['symlink', 'dist/current', 'v2/index.js']
    ])
  })

  it('decodes zip names without the UTF-8 flag as CP437', async () => {
    // 0x81 is ü and 0x94 is ö in code page 437
    const raw = Buffer.from([
      0x67, 0x81, 0x74, 0x65, 0x2f, 0x62, 0x94, 0x73, 0x65, 0x2e, 0x74, 0x78, 0x74
    ])
    const walked = await walkBuffer(
      await buildZip({ xxxxxxxxxxxxx: 'content' }, { rawNames: { xxxxxxxxxxxxx: raw } })
    )
    expect(listing(walked)).toEqual(['file güte/böse.txt'])
    expect(contentOf(walked, 'güte/böse.txt')).toBe('content')
  })

  it('keeps UTF-8 zip names as they are', async () => {
    const walked = await walkBuffer(await buildZip({ '日本/ファイル.js': 'x' }))
    expect(listing(walked)).toEqual(['file 日本/ファイル.js'])
  })

  const zstdCompress = (zlib as unknown as Record<string, unknown>).zstdCompressSync as
    ((data: Buffer) => Buffer) | undefined

  // zstd arrived in zlib with Node 22.15 / 23.8: walked where it exists, a notice saying why where not
  it('walks a zstd-compressed tar where this Node.js can, and reports it unsupported where it cannot', async () => {
    const payload = zstdCompress
      ? zstdCompress(await buildTar({ 'a.txt': 'zstd!' }))
      : Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0])
    const walked = await walkBuffer(payload, 'pkg.tar.zst')
    const outcome = {
      entries: walked.entries.map((e) => `${e.path}=${'content' in e ? e.content.toString() : ''}`),
      problems: walked.problems.map(
        (p) =>
          `${p.rule} ${p.severity} ${/zstd-compressed, and this Node\.js \(v\d/.test(p.message)}`
      )
    }
    expect(outcome).toEqual(
      zstdCompress
        ? { entries: ['a.txt=zstd!'], problems: [] }
        : { entries: [], problems: ['archive/unsupported notice true'] }
    )
  })

  it.each([
    ['a bzip2', Buffer.from('BZh91AY&SY')],
    ['an xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0])],
    ['a 7-Zip', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4])],
    ['a RAR', Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1')]
  ])('reports %s archive as one it cannot look inside', async (format, bytes) => {
    const walked = await walkBuffer(bytes, 'thing.bin')
    expect(walked.entries).toEqual([])
    expect(problemList(walked)).toEqual(['archive/unsupported '])
    expect(walked.problems[0].message).toContain(`'thing.bin' is ${format} archive`)
  })
})

describe('walkArtifact on a folder', () => {
  it('walks depth-first in sorted order, lists links without following them, and opens archives in it', async () => {
    await withTempDir(async (dir) => {
      const root = join(dir, 'dist')
      await mkdir(join(root, 'b/inner'), { recursive: true })
      await writeFile(join(root, 'z.txt'), 'z')
      await writeFile(join(root, 'a.txt'), 'a')
      await writeFile(join(root, 'b/inner/c.js'), 'c')
      await writeFile(join(root, 'pkg.tgz'), await buildTgz({ 'package/x.js': 'x' }))
      await symlink('a.txt', join(root, 'b/link'))
      const walked = await walkInput({ kind: 'dir', path: root }, 'dist')
      expect(listing(walked)).toEqual([
        'file a.txt',
        'directory b/',
        'directory b/inner/',
        'file b/inner/c.js',
        'symlink b/link',
        'file pkg.tgz',
        'file pkg.tgz!/package/x.js',
        'file z.txt'
      ])
      expect(walked.entries.find((e) => e.path === 'b/link')?.linkTarget).toBe('a.txt')
      expect(walked.entries.find((e) => e.path === 'pkg.tgz!/package/x.js')?.depth).toBe(1)
      expect(walked.problems).toEqual([])
      expect(walked.stats.files).toBe(5)
    })
  })

  it('throws for an input folder that does not exist', async () => {
    await withTempDir(async (dir) => {
      await expect(walkInput({ kind: 'dir', path: join(dir, 'missing') })).rejects.toThrow(/ENOENT/)
    })
  })

  it('throws for an input file that does not exist', async () => {
    await withTempDir(async (dir) => {
      await expect(walkInput({ kind: 'file', path: join(dir, 'missing.zip') })).rejects.toThrow(
        /ENOENT/
      )
    })
  })
})
