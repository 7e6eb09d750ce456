import { describe, expect, it } from '@jest/globals'
import zlib from 'node:zlib'
import { Header, Pax } from 'tar'
import { buildTar } from '../../__fixtures__/archives.js'
import type { Entry, FileEntry } from '../../src/engine/entry.js'
import { DEFAULT_LIMITS } from '../../src/archive/limits.js'
import { openArchive } from '../../src/archive/open-archive.js'
import { TarTrailingData } from '../../src/archive/tar-trailing-data.js'
import { WalkContext } from '../../src/archive/walk-context.js'
import { walkTar } from '../../src/archive/walk-tar.js'
import { contentOf, listing, problemList, walkBuffer } from './walk-helper.js'

/** Walks a tar handed over in exactly these chunks (the file walk reads 256 KiB at a time). */
async function walkChunks(
  parts: Buffer[],
  name: string
): Promise<{ entries: Array<Entry | FileEntry> }> {
  const entries: Array<Entry | FileEntry> = []
  const ctx = new WalkContext(
    name,
    DEFAULT_LIMITS,
    openArchive,
    (e) => entries.push(e),
    () => undefined
  )
  // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as the walker gets
  async function* chunks(): AsyncGenerator<Buffer> {
    yield* parts
  }
  await walkTar(chunks(), { ctx, prefix: '', depth: 0, where: '', name })
  return { entries }
}

/** Pads a tar to whole 10 KiB records with zeros, as `tar` writes them. */
function padToRecord(tar: Buffer): Buffer {
  return Buffer.concat([tar, Buffer.alloc((10240 - (tar.length % 10240)) % 10240)])
}

/** One entry whose size only a pax `size` record gives (the ustar field says 0). */
function paxSizedTar(body: string): Buffer {
  const pax = new Pax({ path: 'big.txt', size: body.length, mtime: new Date(0) }, false).encode()
  const header = Buffer.alloc(512)
  new Header({ path: 'big.txt', type: 'File', size: 0, mode: 0o644, mtime: new Date(0) }).encode(
    header,
    0
  )
  const data = Buffer.alloc(Math.ceil(body.length / 512) * 512)
  data.write(body)
  return Buffer.concat([pax, header, data, Buffer.alloc(1024)])
}

describe('data after the end-of-archive marker', () => {
  it('is reported and read on, in a tar and in a tgz, as tar --ignore-zeros would extract it', async () => {
    const first = padToRecord(await buildTar({ 'a.txt': 'hello' }))
    const hidden = await buildTar({ '.env': 'SECRET_KEY=1\n' })
    const joined = Buffer.concat([first, hidden])
    for (const [name, data] of [
      ['joined.tar', joined],
      ['joined.tgz', zlib.gzipSync(joined)]
    ] as const) {
      const walked = await walkBuffer(data, name)
      // read on as tar --ignore-zeros does: the hidden entry is listed after the others, audited
      expect(listing(walked)).toEqual(['file a.txt', 'file .env'])
      expect(contentOf(walked, '.env')).toBe('SECRET_KEY=1\n')
      expect(problemList(walked)).toEqual(['archive/unreadable .env', 'archive/unreadable '])
      expect(walked.problems[0].message).toBe(
        "entry '.env' comes after the end-of-archive marker: `tar --ignore-zeros` and tools that join archives extract it, plain `tar -x` does not; it was audited as found there"
      )
      expect(walked.problems[1].message).toBe(
        `'${name}' has data after its end-of-archive marker (2 non-zero blocks from byte 10240): \`tar --ignore-zeros\` and tools that join archives read on and would extract what is there; it was read on as tar (1 entry, listed after the others) and audited`
      )
      expect(walked.problems[1].details).toMatchObject({
        firstTrailingByte: 10240,
        entriesAfterEnd: 1
      })
    }
  })

  it('says so when what follows the marker is not tar', async () => {
    const tar = Buffer.concat([
      await buildTar({ 'a.txt': 'x' }),
      Buffer.from('not a tar header at all')
    ])
    const walked = await walkBuffer(tar, 'junk.tar')
    expect(listing(walked)).toEqual(['file a.txt'])
    expect(walked.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/it holds no tar entry this reader can read, so it was not audited$/)
    ])
  })

  it('reads on across a chunk edge inside the hidden header', async () => {
    const first = padToRecord(await buildTar({ 'a.txt': 'hello' }))
    const joined = Buffer.concat([first, await buildTar({ 'b.txt': 'hidden' })])
    // a chunk edge 100 bytes into the hidden header block: the rest comes with the next write
    const cut = first.length + 100
    const split = await walkChunks([joined.subarray(0, cut), joined.subarray(cut)], 'split.tar')
    expect(split.entries.map((e) => `${e.kind} ${e.path}`)).toEqual(['file a.txt', 'file b.txt'])
  })

  it('is not reported for zero padding, however long', async () => {
    const tar = Buffer.concat([await buildTar({ 'a.txt': 'x' }), Buffer.alloc(64 * 1024)])
    expect((await walkBuffer(tar, 'padded.tar')).problems).toEqual([])
  })

  it('follows a pax size record past a body that would read as headers', async () => {
    // the body holds two zero blocks and then text: read as headers, that would look trailing
    const body = `${'\0'.repeat(1024)}this is file content, not a header\n`
    const walked = await walkBuffer(paxSizedTar(body), 'pax.tar')
    expect(listing(walked)).toEqual(['file big.txt'])
    expect(walked.problems).toEqual([])
  })

  it('finds the marker across chunks of any size', () => {
    const tar = Buffer.concat([Buffer.alloc(512, 0), Buffer.alloc(512, 0), Buffer.from('junk')])
    for (const size of [1, 7, 511, 512, 513, 4096]) {
      const tracker = new TarTrailingData()
      for (let at = 0; at < tar.length; at += size) tracker.push(tar.subarray(at, at + size))
      expect([tracker.end, tracker.firstTrailing, tracker.trailingBlocks]).toEqual([1024, 1024, 1])
    }
  })
})
