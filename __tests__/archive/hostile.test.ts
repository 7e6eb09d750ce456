import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { buildHostileSamples } from '../../__fixtures__/hostile/make.js'
import { contentOf, listing, problemList, walkBuffer, walkInput } from './walk-helper.js'

const HOSTILE = join(process.cwd(), '__fixtures__', 'hostile')
let built: Record<string, Buffer>

beforeAll(async () => {
  built = await buildHostileSamples()
  // the golden-file pattern: regenerate on request, never silently
  if (process.env.UPDATE_HOSTILE === '1') {
    for (const [name, bytes] of Object.entries(built)) await writeFile(join(HOSTILE, name), bytes)
  }
})

function walkSample(name: string) {
  return walkInput({ kind: 'file', path: join(HOSTILE, name) }, name)
}

describe('checked-in hostile samples', () => {
  it('zip-bomb.zip: the bomb is listed but not inflated; the README is read', async () => {
    const walked = await walkSample('zip-bomb.zip')
    expect(listing(walked)).toEqual(['file zeros.bin', 'file README.txt'])
    expect(problemList(walked)).toEqual(['archive/limit zeros.bin'])
    expect(walked.problems[0].details).toMatchObject({
      limit: 'maxRatio',
      uncompressed: 100 * 1024 * 1024
    })
    expect(walked.stats.bytes).toBe(100 * 1024 * 1024 + 'nothing to see'.length) // declared size, not read
    expect(contentOf(walked, 'README.txt')).toBe('nothing to see')
  })

  it('zip-slip.zip: every escaping name is reported and still audited', async () => {
    const walked = await walkSample('zip-slip.zip')
    expect(problemList(walked)).toEqual([
      'archive/unsafe-path ../evil.sh',
      'archive/unsafe-path ../../etc/cron.d/job',
      'archive/unsafe-path /etc/profile.d/abs.sh'
    ])
    expect(contentOf(walked, '../evil.sh')).toContain('pwned')
  })

  it('tar-absolute.tar: the absolute path and both escaping links are reported', async () => {
    const walked = await walkSample('tar-absolute.tar')
    expect(problemList(walked)).toEqual([
      'archive/unsafe-path /etc/profile.d/evil.sh',
      'archive/unsafe-link package/passwd',
      'archive/unsafe-link package/escape'
    ])
    expect(walked.entries.find((e) => e.path === 'package/passwd')).toMatchObject({
      kind: 'symlink',
      linkTarget: '/etc/passwd'
    })
  })

  it('truncated.tgz: the cut is reported with how far it got; what came before is kept', async () => {
    const walked = await walkSample('truncated.tgz')
    expect(listing(walked)[0]).toBe('file package/package.json')
    expect(problemList(walked)).toEqual(['archive/unreadable '])
    expect(walked.problems[0].message).toMatch(/^truncated gzip stream after \d/)
  })

  it('encrypted.zip: the encrypted entry is reported and skipped, the other one read', async () => {
    const walked = await walkSample('encrypted.zip')
    expect(problemList(walked)).toEqual(['archive/encrypted secret.env'])
    expect(walked.entries[0]).not.toHaveProperty('content')
    expect(contentOf(walked, 'README.txt')).toBe('readable')
  })

  it('make.ts builds exactly these samples: each walks like its checked-in file', async () => {
    const files = (await readdir(HOSTILE)).filter((f) => !/\.(ts|md)$/.test(f)).sort()
    expect(Object.keys(built).sort()).toEqual(files)
    for (const name of files) {
      const [fromFile, fromMake] = [await walkSample(name), await walkBuffer(built[name], name)]
      expect({ name, events: fromMake.events }).toEqual({ name, events: fromFile.events })
    }
  })
})
