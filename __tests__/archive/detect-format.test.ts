import zlib from 'node:zlib'
import { describe, expect, it } from '@jest/globals'
import { buildTar, buildZip } from '../../__fixtures__/archives.js'
import { detectFormat, isEmptyTar, isTarHeader } from '../../src/archive/detect-format.js'
import { decodeCp437, decodeZipName } from '../../src/archive/zip-names.js'

describe('detectFormat', () => {
  it.each([
    ['zip', () => buildZip({ 'a.txt': 'a' })],
    ['zip', () => buildZip({})],
    ['gzip', () => zlib.gzipSync('x')],
    ['tar', () => buildTar({ 'a.txt': 'a' })],
    ['bzip2', () => Buffer.from('BZh91AY&SY')],
    ['xz', () => Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])],
    ['7z', () => Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
    ['rar', () => Buffer.from('Rar!\x1a\x07\x00', 'latin1')],
    ['zstd', () => Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00])],
    [undefined, () => Buffer.from('BZh0 is not bzip2')],
    [undefined, () => Buffer.from('{"name":"package"}')],
    [undefined, () => Buffer.alloc(0)],
    [undefined, () => Buffer.alloc(4096)]
  ])('%s', async (format, build) => {
    expect(detectFormat(await build())).toBe(format)
  })

  it('accepts a v7 tar header by its checksum and refuses it once a byte changes', async () => {
    const tar = await buildTar({ 'a.txt': 'a' })
    tar.fill(0, 257, 265) // no ustar magic: an old v7 header, checksum rewritten to match
    tar.fill(0x20, 148, 156)
    let sum = 0
    for (let i = 0; i < 512; i++) sum += tar[i]
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
    expect(isTarHeader(tar)).toBe(true)
    tar[0] ^= 1
    expect(isTarHeader(tar)).toBe(false)
  })

  it.each([
    ['digits, NUL, space', (sum: string) => `${sum.padStart(6, '0')}\0 `, true],
    ['leading spaces', (sum: string) => `  ${sum}\0`, true],
    ['a leading tab and NBSP', (sum: string) => `\t\xa0${sum}`, true],
    ['a leading letter', (sum: string) => `x${sum}`, false],
    ['a leading NUL', (sum: string) => `\0${sum}`, false],
    ['no digits', () => '  \0\0\0\0\0\0', false]
  ])('reads a v7 checksum field with %s', async (_label, layout, expected) => {
    const tar = await buildTar({ 'a.txt': 'a' })
    tar.fill(0, 257, 265)
    tar.fill(0x20, 148, 156) // the field counts as spaces in its own sum
    let sum = 0
    for (let i = 0; i < 512; i++) sum += tar[i]
    tar.write(layout(sum.toString(8)).padEnd(8, '\0'), 148, 8, 'latin1')
    expect(isTarHeader(tar)).toBe(expected)
  })

  it('takes two zero blocks for an empty tar, and fewer for nothing', () => {
    expect(isEmptyTar(Buffer.alloc(1024))).toBe(true)
    expect(isEmptyTar(Buffer.alloc(1023))).toBe(false)
  })
})

describe('zip name decoding', () => {
  it('maps every CP437 byte to one character', () => {
    const all = decodeCp437(Buffer.from(Array.from({ length: 256 }, (_, i) => i)))
    expect(all).toHaveLength(256)
    expect(all.slice(0x80, 0x84)).toBe('Çüéâ')
    expect(all.at(-1)).toBe('\u00a0')
  })

  it('prefers a matching Info-ZIP Unicode Path field, and ignores one whose CRC does not match', () => {
    const raw = Buffer.from('caf\x82.txt', 'latin1') // é in CP437
    const unicode = Buffer.from('café.txt')
    const field = (crc: number) => {
      const data = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), unicode])
      data.writeUInt32LE(crc, 1)
      const header = Buffer.alloc(4)
      header.writeUInt16LE(0x7075, 0)
      header.writeUInt16LE(data.length, 2)
      return Buffer.concat([header, data])
    }
    expect(decodeZipName(raw, 0, field(zlib.crc32(raw)))).toBe('café.txt')
    expect(decodeZipName(Buffer.from('other.txt'), 0, field(zlib.crc32(raw)))).toBe('other.txt')
    expect(decodeZipName(raw, 0, Buffer.alloc(0))).toBe('café.txt')
    expect(decodeZipName(Buffer.from('ü'), 0x0800, Buffer.alloc(0))).toBe('ü')
  })
})
