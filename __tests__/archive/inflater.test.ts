import { describe, expect, it } from '@jest/globals'
import zlib from 'node:zlib'
import { noise } from '../../__fixtures__/archives.js'
import type { DataJob, Inflate } from '../../src/archive/zip-entry-data.js'
import { createInflater, decodeData } from '../../src/archive/zip-entry-data.js'

/** What `zlib.inflateRawSync` makes of the same data, in the inflater's terms. */
function reference(compressed: Buffer, room: number): string {
  try {
    const data = zlib.inflateRawSync(compressed, { maxOutputLength: room })
    return `${data.length} ${data.toString('base64')}`
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string }
    if (code === 'ERR_BUFFER_TOO_LARGE') return `${room} full`
    return `corrupt ${message}`
  }
}

function run(inflate: Inflate, compressed: Buffer, room: number): string {
  const out = Buffer.alloc(room)
  const written = inflate(compressed, out)
  if (typeof written !== 'number')
    return `${written.code} ${'detail' in written ? written.detail : ''}`
  if (written === room) return `${room} full`
  return `${written} ${out.subarray(0, written).toString('base64')}`
}

/** Members as a zip holds them, some broken: each must come out as if inflated alone. */
function members(): Array<{ compressed: Buffer; room: number }> {
  const list: Array<{ compressed: Buffer; room: number }> = []
  for (let i = 0; i < 60; i++) {
    const plain = i % 3 === 0 ? noise(100 + i * 37, i) : Buffer.from(`member ${i} `.repeat(i * 5))
    const compressed = zlib.deflateRawSync(plain)
    list.push({ compressed, room: plain.length + 1 })
    if (i % 7 === 1)
      list.push({
        compressed: compressed.subarray(0, compressed.length >> 1),
        room: plain.length + 1
      }) // truncated
    if (i % 7 === 2) list.push({ compressed, room: Math.max(1, plain.length >> 1) }) // runs over its room
    if (i % 7 === 3)
      list.push({
        compressed: Buffer.concat([Buffer.from([0xff]), compressed]),
        room: plain.length + 1
      }) // corrupt
    if (i % 7 === 4) list.push({ compressed: Buffer.alloc(0), room: 1 }) // empty
    if (i % 7 === 5)
      list.push({
        compressed: Buffer.concat([compressed, Buffer.from('trailing')]),
        room: plain.length + 1
      })
  }
  return list
}

describe('the reused inflater', () => {
  it('gives every member what inflateRawSync gives it alone, whatever failed before it', () => {
    // the reused engine, not the fallback, must do all of it: a failed member's engine is replaced
    const noFallback = {
      ...zlib,
      inflateRawSync: () => {
        throw new Error('fell back to inflateRawSync')
      }
    } as unknown as typeof zlib
    const inflate = createInflater(noFallback)
    const outcomes = members().map(({ compressed, room }) => [
      run(inflate, compressed, room),
      reference(compressed, room)
    ])
    for (const [got, expected] of outcomes) expect(got).toBe(expected)
    const kinds = new Set(outcomes.map(([got]) => got.split(' ')[0].replace(/^\d+$/, 'ok')))
    expect([...kinds].sort()).toEqual(['corrupt', 'ok'])
    expect(outcomes.some(([got]) => got.endsWith(' full'))).toBe(true)
  })

  it('falls back to inflateRawSync where the engine lacks the parts Node uses', () => {
    const bare = {
      ...zlib,
      createInflateRaw: () => ({ on: () => undefined })
    } as unknown as typeof zlib
    const inflate = createInflater(bare)
    for (const { compressed, room } of members()) {
      expect(run(inflate, compressed, room)).toBe(reference(compressed, room))
    }
  })
})

describe('decoding a member', () => {
  const plain = Buffer.from('hello inflater '.repeat(40))
  const job = (overrides: Partial<DataJob>): DataJob => ({
    localHeaderOffset: 0,
    compressedSize: 0,
    uncompressedSize: plain.length,
    method: 8,
    crc32: zlib.crc32(plain),
    limit: 1e9,
    shared: false,
    fileSize: 1e9,
    ...overrides
  })
  const inflate = createInflater(zlib)
  const deflated = zlib.deflateRawSync(plain)

  it('inflates into the buffer it is given, checking size and CRC', () => {
    const room = Buffer.alloc(plain.length + 1)
    const result = decodeData(zlib, inflate, deflated, job({}), () => room)
    expect(result).toEqual({ data: plain, crcOk: true })
    expect('data' in result && result.data.buffer).toBe(room.buffer)
    expect(decodeData(zlib, inflate, deflated, job({ crc32: 1 }))).toMatchObject({ crcOk: false })
  })

  it('names a member that inflates past or short of its declared size', () => {
    expect(decodeData(zlib, inflate, deflated, job({ uncompressedSize: 100 }))).toEqual({
      failure: { code: 'too-large' }
    })
    expect(decodeData(zlib, inflate, deflated, job({ uncompressedSize: 1000 }))).toEqual({
      failure: { code: 'size', actual: plain.length }
    })
  })

  it('takes stored data as it is and refuses unknown methods', () => {
    expect(
      decodeData(zlib, inflate, plain, job({ method: 0, compressedSize: plain.length }))
    ).toEqual({
      data: plain,
      crcOk: true
    })
    expect(decodeData(zlib, inflate, plain, job({ method: 0, compressedSize: 3 }))).toEqual({
      failure: { code: 'stored-sizes' }
    })
    expect(decodeData(zlib, inflate, plain, job({ method: 14 }))).toEqual({
      failure: { code: 'method' }
    })
  })
})
