import { describe, expect, it } from '@jest/globals'
import { buildZip, noise } from '../../__fixtures__/archives.js'
import type { Tree } from '../../__fixtures__/archives.js'
import { bufferSource } from '../../src/archive/byte-source.js'
import { InflateWorker, READ_HERE, toSharedBuffer } from '../../src/archive/inflate-worker.js'
import { DEFAULT_LIMITS } from '../../src/archive/limits.js'
import { openArchive } from '../../src/archive/open-archive.js'
import { WalkContext } from '../../src/archive/walk-context.js'
import type { ZipWalkOptions } from '../../src/archive/walk-zip.js'
import { walkZip } from '../../src/archive/walk-zip.js'

/** Every entry and problem, content included, as one comparable list. */
async function walkWith(
  zip: Buffer,
  worker: ZipWalkOptions['worker'],
  pauseMs = 0
): Promise<string[]> {
  const events: string[] = []
  const ctx = new WalkContext(
    'zip',
    DEFAULT_LIMITS,
    openArchive,
    (e) => {
      // a slow consumer: the worker runs ahead until it must wait for this thread
      if (events.length === 0 && pauseMs > 0) sleep(pauseMs)
      events.push(
        `${e.kind} ${e.path} ${e.size} ${e.linkTarget ?? ''} ${'content' in e ? e.content.toString('base64') : '-'}`
      )
    },
    (p) => events.push(`${p.rule} ${p.path} ${p.message}`)
  )
  await walkZip(
    bufferSource(zip),
    { ctx, prefix: '', depth: 0, where: '', name: 'x.zip' },
    { worker }
  )
  return events
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

describe('inflating on a worker thread', () => {
  it('yields exactly what inflating inline yields, failures included', async () => {
    const tree: Tree = { 'dir/': { dir: true }, link: { symlink: 'dir/f0.txt' } }
    for (let i = 0; i < 600; i++) tree[`dir/f${i}.txt`] = `file ${i} `.repeat(i % 50)
    tree['big.bin'] = noise(700_000, 1) // travels in a message of its own
    tree['crc.txt'] = 'checked'
    tree['lzma.bin'] = 'not really lzma'
    tree['secret.txt'] = 'encrypted'
    tree['inner.zip'] = { nested: { format: 'zip', tree: { 'deep.txt': 'deep' } } }
    const deflated = await buildZip(tree, {
      badCrc: ['crc.txt'],
      methods: { 'lzma.bin': 14 },
      encrypted: ['secret.txt']
    })
    const stored = await buildZip(tree, { store: true })
    for (const zip of [deflated, stored]) {
      const inline = await walkWith(zip, 'never')
      expect(await walkWith(zip, 'always')).toEqual(inline)
      // this thread stalls at once, so the worker, not this thread, reads nearly every member
      expect(await walkWith(zip, 'always', 300)).toEqual(inline)
      expect(inline.length).toBeGreaterThan(600)
    }
  })

  it('pauses when this thread falls behind and goes on when it catches up', async () => {
    // 24 MiB inflated, three times what may wait unread: large members travel alone, small ones in batches
    const tree: Tree = {}
    for (let i = 0; i < 40; i++) tree[`large/${i}.txt`] = `${i} large `.repeat(30_000)
    for (let i = 0; i < 2000; i++) tree[`small/${i}.txt`] = `${i} small `.repeat(700)
    const zip = await buildZip(tree)
    const inline = await walkWith(zip, 'never')
    expect(await walkWith(zip, 'always', 300)).toEqual(inline)
    expect(inline).toHaveLength(2040)
  }, 30_000)

  it('really inflates on the worker (not through the fallback)', async () => {
    const zip = toSharedBuffer(await buildZip({ 'a.txt': 'hello worker'.repeat(10) }))
    const nameLength = zip.readUInt16LE(26)
    const job = {
      localHeaderOffset: 0,
      compressedSize: zip.readUInt32LE(18),
      uncompressedSize: 120,
      method: 8,
      crc32: zip.readUInt32LE(14),
      limit: 30 + nameLength + zip.readUInt32LE(18),
      shared: false,
      fileSize: zip.length
    }
    const worker = new InflateWorker(zip, [job])
    await worker.settled() // else this thread may claim the job before the worker has started
    const result = await worker.result(0)
    await worker.close()
    expect(
      result !== READ_HERE && 'data' in result && [result.data.toString(), result.crcOk]
    ).toEqual(['hello worker'.repeat(10), true])
  })

  it('leaves the jobs to this thread when the worker fails', async () => {
    const zip = toSharedBuffer(await buildZip({ 'a.txt': 'a' }))
    const job = {
      localHeaderOffset: 0,
      compressedSize: 1,
      uncompressedSize: 1,
      method: 0,
      crc32: 0,
      limit: zip.length,
      shared: false,
      fileSize: zip.length
    }
    const worker = new InflateWorker(zip, [job], 'throw new Error("worker failed to start")')
    await worker.settled()
    await expect(worker.result(0)).resolves.toBe(READ_HERE)
    await worker.close()
  })

  it('shares a zip already in shared memory without copying it', () => {
    const shared = toSharedBuffer(Buffer.from('abc'))
    expect(toSharedBuffer(shared)).toBe(shared)
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer)
  })
})
