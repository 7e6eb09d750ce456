import { describe, expect, it } from '@jest/globals'
import { buildTar, buildTgz, buildZip } from '../../__fixtures__/archives.js'
import type { Tree } from '../../__fixtures__/archives.js'
import { walkBuffer } from './walk-helper.js'

const RULES = new Set([
  'archive/unsafe-path',
  'archive/unsafe-link',
  'archive/unreadable',
  'archive/encrypted',
  'archive/limit',
  'archive/unsupported',
  'archive/special-file'
])

const TREE: Tree = {
  'package/': { dir: true },
  'package/package.json': '{"name":"fuzz","version":"1.0.0"}',
  'package/index.js': 'export const answer = 42\n'.repeat(200),
  'package/link': { symlink: 'index.js' },
  'package/inner.tgz': {
    nested: { format: 'tgz', tree: { 'a.txt': 'a'.repeat(3000), 'b.txt': 'b' } }
  },
  'package/inner.zip': { nested: { format: 'zip', tree: { 'c.txt': 'c'.repeat(2000) } } }
}

/** A seeded generator, so a failing case can be replayed. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % n
  }
}

/** Flips a few bytes, or cuts the archive short, or both. */
function damage(original: Buffer, next: (n: number) => number): Buffer {
  const bytes = Buffer.from(
    original.subarray(0, next(3) === 0 ? next(original.length) : original.length)
  )
  for (let flips = 1 + next(8); flips > 0 && bytes.length > 0; flips--)
    bytes[next(bytes.length)] = next(256)
  return bytes
}

describe('damaged archives never crash the walker', () => {
  it.each([
    ['zip', () => buildZip(TREE)],
    ['stored zip', () => buildZip(TREE, { store: true })],
    ['tar', () => buildTar(TREE)],
    ['tgz', () => buildTgz(TREE)]
  ])('%s: 150 random damages all end in entries and known problems', async (_, build) => {
    const original = await build()
    const next = random(original.length)
    for (let round = 0; round < 150; round++) {
      const walked = await walkBuffer(damage(original, next), `round-${round}`, {
        maxEntries: 1000
      })
      // 'could not be read (…)' is the catch-all for exceptions no reader anticipated
      const unknown = walked.problems.filter(
        (p) => !RULES.has(p.rule) || p.message.includes('could not be read (')
      )
      expect({ round, unknown }).toEqual({ round, unknown: [] })
    }
  })
})
