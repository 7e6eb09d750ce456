import { existsSync, readdirSync, readlinkSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { buildTgz, buildZip, noise } from '../../__fixtures__/archives.js'
import { bufferSource, fileSource } from '../../src/archive/byte-source.js'
import { decompressChunks } from '../../src/archive/decompress.js'
import type { Inflow } from '../../src/archive/gunzip-worker.js'
import { InflateStopped, gunzipInWorker } from '../../src/archive/gunzip-worker.js'
import { DEFAULT_LIMITS } from '../../src/archive/limits.js'
import { openArchive } from '../../src/archive/open-archive.js'
import { ArchiveReadError, WalkContext } from '../../src/archive/walk-context.js'
import { walkZip } from '../../src/archive/walk-zip.js'
import { contentOf, listing, walkInput } from './walk-helper.js'

/** What the gunzip worker's chunks are read in: one read of the compressed file. */
const READ_BYTES = 256 * 1024

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gunzip-worker-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function place(name: string, data: Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, data)
  return path
}

/** Text gzip squeezes but not to nothing, so it spans many output chunks. */
function text(bytes: number, seed: number): Buffer {
  const lines: string[] = []
  let state = seed
  for (let length = 0; length < bytes;) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    const line = `line ${state.toString(36)} ${(state >>> 7).toString(16)} ${'='.repeat(state % 40)}\n`
    lines.push(line)
    length += line.length
  }
  return Buffer.from(lines.join('')).subarray(0, bytes)
}

/** A stored gzip member of exactly `size` bytes: the stream ends on a read boundary. */
function memberOfSize(size: number, seed: number): Buffer {
  let low = 0
  let high = size
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (zlib.gzipSync(noise(mid, seed), { level: 0 }).length <= size) low = mid
    else high = mid - 1
  }
  const member = zlib.gzipSync(noise(low, seed), { level: 0 })
  if (member.length !== size) throw new Error(`no stored member of ${size} bytes`)
  return member
}

interface Drained {
  bytes: Buffer
  chunks: number
  rule?: string
  message?: string
}

/** Everything `decompressChunks` yields for the file (or bytes), and how it ended. */
async function drain(
  input: string | Buffer,
  workerMinBytes: number,
  { maxRatio = 1000, pauseMs = 0 } = {}
): Promise<Drained> {
  const parts: Buffer[] = []
  const drained: Drained = { bytes: Buffer.alloc(0), chunks: 0 }
  try {
    const source = typeof input === 'string' ? await fileSource(input) : bufferSource(input)
    for await (const chunk of decompressChunks(source, 'gzip', maxRatio, workerMinBytes)) {
      // a slow reader: the worker must stop MAX_AHEAD_KIB ahead, then go on
      if (parts.length === 0 && pauseMs > 0) sleep(pauseMs)
      parts.push(Buffer.from(chunk)) // a copy: the reader may keep none of it
    }
  } catch (error) {
    if (!(error instanceof ArchiveReadError)) throw error
    drained.rule = error.rule
    drained.message = error.message
  }
  drained.bytes = Buffer.concat(parts)
  drained.chunks = parts.length
  return drained
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** A message with its sizes taken out: the two ways may stop at different byte counts. */
function shape(message: string | undefined): string | undefined {
  return message?.replace(/\d+(\.\d+)?( (bytes?|KiB|MiB|GiB))?/g, 'N')
}

describe('gunzipping on a worker thread', () => {
  const big = Buffer.concat([text(1_500_000, 1), noise(700_000, 2), text(1_500_000, 3)])
  const whole = zlib.gzipSync(big)
  const complete: Array<[string, () => Buffer]> = [
    ['one member', () => whole],
    ['two members', () => Buffer.concat([whole, zlib.gzipSync(text(300_000, 4))])],
    [
      'a member ending on a read boundary, then another',
      () => Buffer.concat([memberOfSize(READ_BYTES, 5), zlib.gzipSync(text(100_000, 6))])
    ],
    ['zero padding after the stream', () => Buffer.concat([whole, Buffer.alloc(4096)])],
    [
      'zero padding from a read boundary',
      () => Buffer.concat([memberOfSize(READ_BYTES, 7), Buffer.alloc(READ_BYTES + 10)])
    ]
  ]
  const broken: Array<[string, () => Buffer]> = [
    ['bytes after the stream', () => Buffer.concat([whole, Buffer.from('PK\x03\x04 hidden zip')])],
    ['a stream cut short', () => whole.subarray(0, Math.floor(whole.length * 0.6))],
    [
      'a cut on a read boundary',
      () => zlib.gzipSync(noise(3 * READ_BYTES, 8), { level: 0 }).subarray(0, 2 * READ_BYTES)
    ],
    [
      'a wrong CRC-32',
      () => {
        const bad = Buffer.from(whole)
        bad[bad.length - 6] ^= 0xff
        return bad
      }
    ],
    [
      'corrupt deflate data',
      () => {
        const bad = Buffer.from(whole)
        bad.fill(0xff, bad.length >> 1, (bad.length >> 1) + 64)
        return bad
      }
    ],
    ['an empty file', () => Buffer.alloc(0)],
    ['a gzip header only', () => whole.subarray(0, 10)]
  ]

  /** The streaming decompressor's answer, and the worker's from the file and from shared memory. */
  async function three(
    name: string,
    input: Buffer
  ): Promise<{ streamed: Drained; worker: Drained; shared: Drained }> {
    const path = await place(`${name.replace(/\W+/g, '-')}.gz`, input)
    const shared = Buffer.from(new SharedArrayBuffer(input.length + 100), 50, input.length)
    input.copy(shared)
    return {
      streamed: await drain(path, Infinity),
      worker: await drain(path, 0),
      shared: await drain(shared, 0)
    }
  }

  it.each(complete)(
    '%s: every byte, as the streaming decompressor gives it',
    async (name, build) => {
      const input = build()
      const { streamed, worker, shared } = await three(name, input)
      expect([streamed.rule, worker.rule, shared.rule]).toEqual([undefined, undefined, undefined])
      expect(worker.bytes.equals(streamed.bytes)).toBe(true)
      expect(shared.bytes.equals(streamed.bytes)).toBe(true)
      expect(worker.bytes.equals(zlib.gunzipSync(input))).toBe(true)
    }
  )

  it.each(broken)(
    '%s: the same problem as the streaming decompressor, after at least its bytes',
    async (name, build) => {
      const { streamed, worker, shared } = await three(name, build())
      expect(streamed.rule).toBe('archive/unreadable')
      const outcome = (d: Drained) => ({ rule: d.rule, message: shape(d.message) })
      expect(outcome(worker)).toEqual(outcome(streamed))
      expect(outcome(shared)).toEqual(outcome(streamed))
      expect(shared.bytes.equals(worker.bytes)).toBe(true)
      // the streaming decompressor drops the chunk it was filling when it fails; the worker does not
      expect(worker.bytes.length).toBeGreaterThanOrEqual(streamed.bytes.length)
      expect(worker.bytes.subarray(0, streamed.bytes.length).equals(streamed.bytes)).toBe(true)
    }
  )

  it('waits for a slow reader and loses nothing', async () => {
    const path = await place('slow.gz', whole)
    const drained = await drain(path, 0, { pauseMs: 300 })
    expect(drained.rule).toBeUndefined()
    expect(drained.chunks).toBeGreaterThan(8)
    expect(drained.bytes.equals(big)).toBe(true)
  })

  it('stops at the compression-ratio limit as the streaming decompressor does', async () => {
    const path = await place('bomb.gz', zlib.gzipSync(Buffer.alloc(48 * 1024 * 1024)))
    const streamed = await drain(path, Infinity, { maxRatio: 100 })
    const worker = await drain(path, 0, { maxRatio: 100 })
    expect(worker.rule).toBe('archive/limit')
    expect(shape(worker.message)).toBe(shape(streamed.message))
    expect(worker.bytes.length).toBeLessThan(4 * 1024 * 1024)
  })

  it('walks a large tgz file through the worker, every entry whole', async () => {
    const tree = {
      'package/big.bin': noise(5 * 1024 * 1024, 9),
      'package/a.js': text(400_000, 10).toString(),
      'package/b.txt': 'after the big one'
    }
    const path = await place('large.tgz', await buildTgz(tree))
    const walked = await walkInput({ kind: 'file', path }, 'large.tgz')
    expect(walked.problems).toEqual([])
    expect(listing(walked)).toEqual([
      'file package/big.bin',
      'file package/a.js',
      'file package/b.txt'
    ])
    expect(contentOf(walked, 'package/a.js')).toBe(tree['package/a.js'])
    expect(contentOf(walked, 'package/b.txt')).toBe('after the big one')
  })
})

describe('a large tgz inside a zip (a workflow artifact)', () => {
  const tree = {
    'package/big.bin': noise(5 * 1024 * 1024, 13),
    'package/a.js': text(300_000, 14).toString(),
    'package/z.txt': 'last'
  }

  it.each(['always', 'never'] as const)(
    'reaches the gunzip worker in shared memory, with the inflate worker %s used',
    async (worker) => {
      const tgz = await buildTgz(tree)
      const zip = await buildZip({ 'package.tgz': tgz, 'small.txt': 'small' })
      const members: Record<string, boolean> = {}
      const ctx = new WalkContext(
        'artifact.zip',
        DEFAULT_LIMITS,
        openArchive,
        (entry) => {
          if ('content' in entry)
            members[entry.path] = entry.content.buffer instanceof SharedArrayBuffer
        },
        (problem) => {
          throw new Error(`unexpected problem: ${problem.message}`)
        }
      )
      await walkZip(
        await fileSource(await place(`artifact-${worker}.zip`, zip)),
        { ctx, prefix: '', depth: 0, where: '', name: 'artifact.zip' },
        { worker }
      )
      // large members land in shared memory; the rest stay where they were read
      expect(members).toEqual({
        'package.tgz': true,
        'package.tgz!/package/big.bin': false,
        'package.tgz!/package/a.js': false,
        'package.tgz!/package/z.txt': false,
        'small.txt': false
      })
    }
  )

  it('walks it whole', async () => {
    const zip = await buildZip({ 'package.tgz': await buildTgz(tree) })
    const walked = await walkInput({ kind: 'file', path: await place('artifact.zip', zip) })
    expect(walked.problems).toEqual([])
    expect(contentOf(walked, 'package.tgz!/package/a.js')).toBe(tree['package/a.js'])
    expect(contentOf(walked, 'package.tgz!/package/z.txt')).toBe('last')
  })
})

describe('the gunzip worker cannot work', () => {
  const data = zlib.gzipSync(text(600_000, 11))

  async function read(inflow: Inflow): Promise<Buffer> {
    const parts: Buffer[] = []
    for await (const chunk of inflow.chunks) parts.push(Buffer.from(chunk))
    return Buffer.concat(parts)
  }

  function streamingFallback(bytes: Buffer): () => Inflow {
    return () => {
      // eslint-disable-next-line @typescript-eslint/require-await -- the Inflow shape is an async generator
      async function* chunks(): AsyncGenerator<Buffer> {
        yield zlib.gunzipSync(bytes)
      }
      return { chunks: chunks(), bytesIn: () => bytes.length }
    }
  }

  it('falls back when its runtime lacks the engine it drives', async () => {
    const path = await place('fallback-a.gz', data)
    const inflow = gunzipInWorker(
      { path },
      streamingFallback(data),
      "require('node:worker_threads').parentPort.postMessage({ unsupported: true })"
    )
    expect((await read(inflow)).equals(zlib.gunzipSync(data))).toBe(true)
    expect(inflow.bytesIn()).toBe(data.length)
  })

  it('says so when it exits without finishing', async () => {
    const path = await place('fallback-d.gz', data)
    const source = `const { parentPort } = require('node:worker_threads')
const chunk = new ArrayBuffer(8)
parentPort.postMessage({ chunk, length: 8, bytesIn: 4 }, [chunk])
process.exit(0)`
    await expect(read(gunzipInWorker({ path }, streamingFallback(data), source))).rejects.toThrow(
      'the worker inflating it stopped: it exited early'
    )
  })

  it('falls back when it fails to start', async () => {
    const path = await place('fallback-b.gz', data)
    const inflow = gunzipInWorker(
      { path },
      streamingFallback(data),
      "throw new Error('no worker here')"
    )
    expect((await read(inflow)).equals(zlib.gunzipSync(data))).toBe(true)
  })

  it('says so when it stops after its first chunk, instead of passing a short read', async () => {
    const path = await place('fallback-c.gz', data)
    const source = `const { parentPort } = require('node:worker_threads')
const chunk = new ArrayBuffer(8)
parentPort.postMessage({ chunk, length: 8, bytesIn: 4 }, [chunk])
setTimeout(() => { throw new Error('lost') }, 10)`
    await expect(read(gunzipInWorker({ path }, streamingFallback(data), source))).rejects.toThrow(
      new InflateStopped('the worker inflating it stopped: lost')
    )
  })
})

describe('a reader that stops early', () => {
  /** How many descriptors this process holds open on `path` (Linux; elsewhere the count stays 0). */
  function openOn(path: string): number {
    if (!existsSync('/proc/self/fd')) return 0
    return readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path
      } catch {
        return false // closed while listed
      }
    }).length
  }

  it('stops the worker and closes the file', async () => {
    const path = await place('early.gz', zlib.gzipSync(noise(4 * 1024 * 1024, 12)))
    const inflow = gunzipInWorker({ path }, () => {
      throw new Error('no fallback expected')
    })
    try {
      const first = await inflow.chunks.next()
      expect(first.done).toBe(false)
      expect(openOn(path)).toBe(existsSync('/proc/self/fd') ? 1 : 0)
    } finally {
      await inflow.chunks.return(undefined)
    }
    expect(openOn(path)).toBe(0)
  })
})
