import { describe, expect, it } from '@jest/globals'
import { collectGarbage } from '../../src/util/collect-garbage.js'

const MiB = 1024 * 1024

/** Allocates `count` one-MiB buffers and drops them: small dead objects owning memory outside the heap. */
function leaveDeadBuffers(count: number): void {
  const chunks = Array.from({ length: count }, () => Buffer.alloc(MiB, 1))
  expect(chunks).toHaveLength(count)
}

describe('collectGarbage', () => {
  it.each(['minor', 'major'] as const)(
    'a %s collection frees dead stream-sized buffers',
    (type) => {
      collectGarbage('major')
      const before = process.memoryUsage().arrayBuffers
      leaveDeadBuffers(32)
      const withGarbage = process.memoryUsage().arrayBuffers
      expect(withGarbage - before).toBeGreaterThanOrEqual(32 * MiB)
      collectGarbage(type)
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * MiB)
    }
  )

  it('does not add gc to the global object', () => {
    // contexts made after the flag is set (jest makes one per test file) do get it: compare
    const before = 'gc' in globalThis
    collectGarbage('minor')
    expect('gc' in globalThis).toBe(before)
  })
})
