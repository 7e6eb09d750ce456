import { constants, PerformanceObserver } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from '@jest/globals'
import { collectGarbage } from '../../src/util/collect-garbage.js'

const KiB = 1024

/** Allocates `count` stream-sized buffers and drops them: small dead objects owning memory outside the heap. */
function leaveDeadBuffers(count: number): void {
  const chunks = Array.from({ length: count }, () => Buffer.alloc(256 * KiB, 1))
  expect(chunks).toHaveLength(count)
}

/** The kinds of the collections V8 reports while `run` runs (entries arrive asynchronously). */
async function collectionsDuring(run: () => void): Promise<number[]> {
  const kinds: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      kinds.push((entry as unknown as { detail: { kind: number } }).detail.kind)
    }
  })
  observer.observe({ entryTypes: ['gc'] })
  run()
  await sleep(50)
  observer.disconnect()
  return kinds
}

describe('collectGarbage', () => {
  it.each([
    ['minor', constants.NODE_PERFORMANCE_GC_MINOR],
    ['major', constants.NODE_PERFORMANCE_GC_MAJOR]
  ] as const)('a %s collection runs one of that kind now', async (type, kind) => {
    expect(await collectionsDuring(() => collectGarbage(type))).toContain(kind)
  })

  it('a major collection frees dead stream-sized buffers', async () => {
    // Twice: the first may only finish a cycle V8 had begun, and that keeps what was made meanwhile.
    collectGarbage('major')
    collectGarbage('major')
    const before = process.memoryUsage().arrayBuffers
    leaveDeadBuffers(16)
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThanOrEqual(4096 * KiB)
    collectGarbage('major')
    // Backing stores are freed by a sweeper thread, which lags on a loaded machine: give it a
    // moment (far less than the ~8 s of idleness before V8 would collect on its own).
    const freed = async (): Promise<number> => {
      for (let waited = 0; waited < 500; waited += 10) {
        if (process.memoryUsage().arrayBuffers - before < 1024 * KiB) break
        await sleep(10)
      }
      return process.memoryUsage().arrayBuffers - before
    }
    expect(await freed()).toBeLessThan(1024 * KiB)
  })

  it('does not add gc to the global object', () => {
    // contexts made after the flag is set (jest makes one per test file) do get it: compare
    const before = 'gc' in globalThis
    collectGarbage('minor')
    expect('gc' in globalThis).toBe(before)
  })
})
