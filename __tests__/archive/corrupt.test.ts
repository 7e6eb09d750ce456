import { Readable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import yazl from 'yazl'
import { buildGz, buildTar, buildTgz, buildZip } from '../../__fixtures__/archives.js'
import type { Tree } from '../../__fixtures__/archives.js'
import { contentOf, listing, problemList, walkBuffer } from './walk-helper.js'

/** Offsets of the central-directory records of a zip without a comment. */
function centralRecords(zip: Buffer): number[] {
  const eocd = zip.length - 22
  const offsets: number[] = []
  let at = zip.readUInt32LE(eocd + 16)
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    offsets.push(at)
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return offsets
}

/** Deterministic text that gzip cannot squeeze to nothing. */
function text(bytes: number, seed: number): string {
  let out = ''
  let state = seed
  while (out.length < bytes) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    out += `line ${state.toString(36)} ${(state >> 7).toString(16)}\n`
  }
  return out.slice(0, bytes)
}

/** The zip without the central-directory record at `index` (its member stays in place). */
function dropRecord(zip: Buffer, index: number): Buffer {
  const records = centralRecords(zip)
  const at = records[index]
  const next = index + 1 < records.length ? records[index + 1] : zip.length - 22
  const length = next - at
  const edited = Buffer.concat([zip.subarray(0, at), zip.subarray(at + length)])
  const end = edited.length - 22
  edited.writeUInt16LE(records.length - 1, end + 8)
  edited.writeUInt16LE(records.length - 1, end + 10)
  edited.writeUInt32LE(edited.readUInt32LE(end + 12) - length, end + 12)
  return edited
}

/** Offset of the local header of the member named `name` (first match of its name bytes). */
function localHeaderOf(zip: Buffer, name: string): number {
  return zip.indexOf(Buffer.from(name, 'latin1')) - 30
}

/** Rewrites the type flag of the tar header at `offset`, with its checksum. */
function setTypeFlag(tar: Buffer, offset: number, flag: string): void {
  tar.write(flag, offset + 156, 'latin1')
  tar.fill(0x20, offset + 148, offset + 156)
  let sum = 0
  for (let i = offset; i < offset + 512; i++) sum += tar[i]
  tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, offset + 148, 'latin1')
}

const THREE_FILES: Tree = {
  'a.txt': text(40_000, 1),
  'b.txt': text(40_000, 2),
  'c.txt': text(40_000, 3)
}

describe('corrupt gzip', () => {
  it('keeps what came before a cut in a tgz and says where the stream broke', async () => {
    const tgz = await buildTgz(THREE_FILES)
    const walked = await walkBuffer(tgz.subarray(0, Math.floor(tgz.length * 0.6)), 'cut.tgz')
    expect(listing(walked).slice(0, 1)).toEqual(['file a.txt'])
    expect(contentOf(walked, 'a.txt')).toBe(THREE_FILES['a.txt'])
    expect(problemList(walked)).toEqual(['archive/unreadable '])
    expect(walked.problems[0].message).toMatch(
      /^truncated gzip stream after \d+(\.\d)? KiB; only the first/
    )
    // the member the cut fell in is emitted with the bytes that were there
    const last = walked.entries.at(-1)
    expect(last && 'content' in last && last.content.length < last.size).toBe(true)
  })

  it('keeps the readable part of a cut lone .gz', async () => {
    const gz = buildGz(text(200_000, 4))
    const walked = await walkBuffer(gz.subarray(0, gz.length >> 1), 'log.txt.gz')
    expect(listing(walked)).toEqual(['file log.txt'])
    expect(problemList(walked)).toEqual(['archive/unreadable '])
    expect(walked.problems[0].message).toMatch(/truncated gzip stream/)
  })

  // zlib drops the output chunk (256 KiB) it was filling when it fails: big enough trees keep their head
  const LARGE: Tree = {
    'a.txt': text(600_000, 5),
    'b.txt': text(600_000, 6),
    'c.txt': text(600_000, 7)
  }

  it('reports a CRC failure of the gzip stream and keeps what reached the walker', async () => {
    const tgz = await buildTgz(LARGE)
    tgz[tgz.length - 6] ^= 0xff // inside the CRC-32 of the trailer
    const walked = await walkBuffer(tgz, 'crc.tgz')
    expect(listing(walked).slice(0, 2)).toEqual(['file a.txt', 'file b.txt'])
    expect(contentOf(walked, 'b.txt')).toBe(LARGE['b.txt'])
    expect(walked.problems).toEqual([
      expect.objectContaining({ rule: 'archive/unreadable', path: '' })
    ])
    expect(walked.problems[0].message).toMatch(
      /corrupt gzip stream \(incorrect data check\); only the first 1\.\d MiB/
    )
  })

  it('reports bytes after the end of the gzip stream, which could hide content', async () => {
    const walked = await walkBuffer(
      Buffer.concat([await buildTgz(LARGE), Buffer.from('PK\x03\x04 hidden zip')])
    )
    expect(listing(walked).slice(0, 2)).toEqual(['file a.txt', 'file b.txt'])
    expect(walked.problems[0].message).toMatch(/unexpected bytes after the end of the gzip stream/)
  })

  it('reports a corrupt nested tgz at its own path and goes on with the outer archive', async () => {
    const tgz = await buildTgz(THREE_FILES)
    const walked = await walkBuffer(
      await buildZip({ 'bad.tgz': tgz.subarray(0, 200), 'next.txt': 'n' }, { store: true })
    )
    expect(problemList(walked)).toEqual(['archive/unreadable bad.tgz'])
    expect(listing(walked).at(-1)).toBe('file next.txt')
  })
})

describe('corrupt tar', () => {
  it('skips garbage header blocks with one problem and reads the entries after them', async () => {
    const tar = await buildTar({ 'a.txt': 'a', 'b.txt': 'x'.repeat(600), 'c.txt': 'c' })
    tar.fill(0x41, 1024, 1024 + 512) // the header of b.txt
    const walked = await walkBuffer(tar, 'garbage.tar')
    expect(listing(walked)).toEqual(['file a.txt', 'file c.txt'])
    expect(problemList(walked)).toEqual(['archive/unreadable '])
    expect(walked.problems[0].message).toMatch(
      /3 corrupt tar header blocks skipped \(checksum failure\)/
    )
  })

  it('reports an entry of an unknown type that holds data: tar would extract it unread by us', async () => {
    const tar = await buildTar({ 'hidden.env': 'SECRET=1\n', 'after.txt': 'ok', label: '' })
    setTypeFlag(tar, 0, 'Z') // GNU tar: "unknown file type 'Z', extracted as normal file"
    setTypeFlag(tar, 2048, 'V') // a volume label without data: nothing is hidden there
    const walked = await walkBuffer(tar, 'odd.tar')
    expect(listing(walked)).toEqual(['other hidden.env', 'file after.txt', 'other label'])
    expect(problemList(walked)).toEqual(['archive/unreadable hidden.env'])
    expect(walked.problems[0].message).toBe(
      "entry 'hidden.env' has an unknown entry type, which tar may still extract as a regular file; its 9 bytes were not inspected"
    )
  })

  it('emits the entry a truncated tar ends in, with the bytes present', async () => {
    const tar = await buildTar({ 'a.txt': 'a', 'big.txt': 'y'.repeat(5000) })
    const walked = await walkBuffer(tar.subarray(0, 1024 + 512 + 2048), 'cut.tar')
    expect(listing(walked)).toEqual(['file a.txt', 'file big.txt'])
    expect(contentOf(walked, 'big.txt')).toBe('y'.repeat(2048))
    expect(walked.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/'cut.tar' is truncated: entry 'big.txt' is cut short/)
    ])
  })

  it('reports a tar-looking file with no readable entry', async () => {
    const block = Buffer.alloc(1024, 0x20)
    block.write('ustar', 257, 'latin1')
    const walked = await walkBuffer(block, 'fake.tar')
    expect(walked.entries).toEqual([])
    expect(problemList(walked)).toEqual(['archive/unreadable '])
  })
})

describe('corrupt zip', () => {
  it('reports a zip whose central directory is gone and lists nothing from it', async () => {
    const zip = await buildZip(THREE_FILES)
    const walked = await walkBuffer(zip.subarray(0, zip.length - 30), 'cut.zip')
    expect(walked.entries).toEqual([])
    expect(problemList(walked)).toEqual(['archive/unreadable '])
    expect(walked.problems[0].message).toMatch(
      /zip 'cut.zip' cannot be read: no end-of-central-directory record/
    )
  })

  it('keeps the records before a corrupt central-directory record', async () => {
    const zip = await buildZip(THREE_FILES)
    zip.writeUInt32LE(0xdeadbeef, centralRecords(zip)[1])
    const walked = await walkBuffer(zip, 'half.zip')
    expect(listing(walked)).toEqual(['file a.txt'])
    expect(walked.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/record 2 of 3 is corrupt/)
    ])
  })

  it.each([
    ['a CRC mismatch', { badCrc: ['b.txt'] }, /fails its CRC-32 check/, true],
    [
      'an unsupported compression method',
      { methods: { 'b.txt': 14 } },
      /unsupported compression method 14 \(LZMA\)/,
      false
    ]
  ])('reports %s on that entry and reads the others', async (_, options, message, hasContent) => {
    const walked = await walkBuffer(await buildZip(THREE_FILES, options))
    expect(listing(walked)).toEqual(['file a.txt', 'file b.txt', 'file c.txt'])
    expect(problemList(walked)).toEqual(['archive/unreadable b.txt'])
    expect(walked.problems[0].message).toMatch(message)
    expect('content' in walked.entries[1]).toBe(hasContent)
    expect(contentOf(walked, 'c.txt')).toBe(THREE_FILES['c.txt'])
  })

  it('reports an encrypted entry, lists it without content, and goes on', async () => {
    const walked = await walkBuffer(await buildZip(THREE_FILES, { encrypted: ['a.txt'] }))
    expect(listing(walked)).toEqual(['file a.txt', 'file b.txt', 'file c.txt'])
    expect(problemList(walked)).toEqual(['archive/encrypted a.txt'])
    expect('content' in walked.entries[0]).toBe(false)
    expect(walked.entries[0].size).toBe(40_000)
  })

  it.each([
    [
      'a missing local header',
      (zip: Buffer) => zip.writeUInt32LE(0, zip.readUInt32LE(centralRecords(zip)[1] + 42)),
      /no local header at offset/
    ],
    [
      'deflate data that does not inflate',
      (zip: Buffer) => {
        const local = zip.readUInt32LE(centralRecords(zip)[1] + 42)
        zip.fill(0xff, local + 30 + 5, local + 30 + 5 + 64)
      },
      /corrupt deflate data/
    ],
    [
      'an entry that inflates past its declared size',
      (zip: Buffer) => zip.writeUInt32LE(100, centralRecords(zip)[1] + 24),
      /inflates to more than its declared 100 B/
    ],
    [
      "an entry whose data overlaps the next one's",
      (zip: Buffer) =>
        zip.writeUInt32LE(
          zip.readUInt32LE(centralRecords(zip)[1] + 20) + 500,
          centralRecords(zip)[1] + 20
        ),
      /overlaps another entry/
    ]
  ])('reports %s on that entry', async (_, patch, message) => {
    const zip = await buildZip(THREE_FILES)
    patch(zip)
    const walked = await walkBuffer(zip)
    expect(problemList(walked)).toEqual(['archive/unreadable b.txt'])
    expect(walked.problems[0].message).toMatch(message)
    expect(contentOf(walked, 'c.txt')).toBe(THREE_FILES['c.txt'])
  })

  it('reports a member that its local header names differently (a zip-parser differential)', async () => {
    const zip = await buildZip({ 'README.md': 'API_KEY=1\n', 'ok.txt': 'ok', 'notes.txt': 'n' })
    zip.write('evil/.env', 30, 'latin1') // the first local header: 'README.md' has 9 bytes too
    const at = localHeaderOf(zip, 'notes.txt')
    zip.write('../x.txt!', at + 30, 'latin1')
    const walked = await walkBuffer(zip, 'odd.zip')
    expect(problemList(walked)).toEqual([
      'archive/unreadable README.md',
      'archive/unsafe-path notes.txt'
    ])
    expect(walked.problems[0]).toMatchObject({
      message:
        "entry 'README.md' is named 'evil/.env' in its local header: extractors that read local headers write it under that name, which was not audited as a path; its content was audited as 'README.md'",
      details: { localName: 'evil/.env' }
    })
    expect(walked.problems[1].message).toMatch(
      /named '\.\.\/x\.txt!' in its local header, an unsafe path/
    )
    expect(contentOf(walked, 'README.md')).toBe('API_KEY=1\n')
  })

  it('reports two records sharing one local header (the overlapping zip-bomb trick)', async () => {
    const zip = await buildZip(THREE_FILES)
    const [first, second] = centralRecords(zip)
    zip.writeUInt32LE(zip.readUInt32LE(first + 42), second + 42)
    const walked = await walkBuffer(zip)
    // b.txt's own local header is now listed by no record: a streaming extractor still finds it,
    // so it is read from there as well
    expect(problemList(walked)).toEqual([
      'archive/unreadable a.txt',
      'archive/unreadable b.txt',
      'archive/unreadable b.txt'
    ])
    expect(walked.problems[2].message).toMatch(
      /^entry 'b.txt' \(local header at byte \d+\) is not listed/
    )
  })

  it('reports a local header that names another compression method than the directory', async () => {
    const zip = await buildZip({ 'a.txt': 'hello hello hello hello' })
    expect(zip.readUInt16LE(8)).toBe(8)
    zip.writeUInt16LE(0, 8) // the local header now says "stored"
    const walked = await walkBuffer(zip, 'methods.zip')
    expect(problemList(walked)).toEqual(['archive/unreadable a.txt'])
    expect(walked.problems[0].message).toBe(
      "entry 'a.txt' has compression method 0 in its local header and 8 in the central directory: extractors that read local headers decode other bytes than the ones audited"
    )
    expect(contentOf(walked, 'a.txt')).toBe('hello hello hello hello')
  })

  it('reports a local entry that the central directory does not list (hidden from unzip)', async () => {
    const zip = await buildZip({ 'a.txt': 'hello', '.env': 'SECRET=1\n', 'b.txt': 'bye' })
    const edited = dropRecord(zip, 1)
    const walked = await walkBuffer(edited, 'hidden.zip')
    // listed entries first, then the hidden one, read from its local header and audited
    expect(listing(walked)).toEqual(['file a.txt', 'file b.txt', 'file .env'])
    expect(contentOf(walked, '.env')).toBe('SECRET=1\n')
    expect(problemList(walked)).toEqual(['archive/unreadable .env'])
    expect(walked.problems[0]).toMatchObject({
      message: expect.stringMatching(
        /^entry '.env' \(local header at byte \d+\) is not listed in the zip's central directory: unzip skips it, extractors that stream through local headers extract it; it was audited as found there$/
      ),
      details: { unlisted: true }
    })
  })

  it('lists but does not read a hidden entry whose sizes only its data descriptor holds', async () => {
    const zip = new yazl.ZipFile()
    for (const [name, body] of [
      ['a.txt', 'a'],
      ['.env', 'SECRET=1\n'],
      ['b.txt', 'b']
    ]) {
      zip.addReadStream(Readable.from([Buffer.from(body)]), name, { mtime: new Date(0) })
    }
    zip.end()
    const chunks: Buffer[] = []
    for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk)
    const bytes = Buffer.concat(chunks)
    expect(bytes.readUInt16LE(6) & 0x08).toBe(0x08) // streamed: sizes follow the data
    const walked = await walkBuffer(dropRecord(bytes, 1), 'streamed.zip')
    expect(listing(walked)).toEqual(['file a.txt', 'file b.txt', 'file .env'])
    expect(contentOf(walked, '.env')).toBeUndefined()
    expect(walked.problems[0].message).toMatch(/not listed .*; its content was not audited$/)
  })

  it('finds nothing unlisted in an ordinary zip, data descriptors included', async () => {
    const walked = await walkBuffer(await buildZip(THREE_FILES))
    expect(walked.problems).toEqual([])
  })
})
