import { randomBytes } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { buildTgz } from '../../__fixtures__/archives.js'
import { DEFAULT_LIMITS } from '../../src/archive/limits.js'
import { walkArtifact } from '../../src/archive/walk.js'
import { scanSecrets } from '../../src/secrets/scan.js'
import { collectGarbage } from '../../src/util/collect-garbage.js'

const MiB = 1024 * 1024

describe('memory held after a large entry', () => {
  it('a large tar entry is freed once the rules have read it, not at some later collection', async () => {
    const tgz = await buildTgz({
      // random text: a run of one byte would trip the compression-ratio limit
      'package/bundle.js': Buffer.from(randomBytes(8 * MiB).toString('base64')),
      'package/after.txt': 'next'
    })
    collectGarbage('major')
    const before = process.memoryUsage().arrayBuffers
    let heldAtNextEntry = Infinity
    let sawBundle = false
    await walkArtifact(
      { name: 'app.tgz', source: 'test', input: { kind: 'buffer', data: tgz } },
      DEFAULT_LIMITS,
      (entry) => {
        if (entry.path === 'package/bundle.js') sawBundle = 'content' in entry
        if (entry.path === 'package/after.txt') {
          heldAtNextEntry = process.memoryUsage().arrayBuffers - before
        }
      },
      (problem) => {
        throw new Error(problem.message)
      }
    )
    expect(sawBundle).toBe(true)
    expect(heldAtNextEntry).toBeLessThan(4 * MiB)
  })

  it('a large scanned text does not stay reachable as the last regex subject', () => {
    const text = `${'x'.repeat(2 * MiB)}\napi_key = "unused"\n`
    scanSecrets(text)
    // the legacy static V8 keeps for the last successful match
    expect((RegExp as unknown as { input: string }).input).not.toBe(text)
  })
})
