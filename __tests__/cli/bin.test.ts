import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'

const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url))

describe('the bundled CLI', () => {
  it('keeps its verdict and prints no stack trace when its reader closes the pipe early', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-pipe-'))
    try {
      await writeFile(join(dir, '.env'), 'DATABASE_PASSWORD=Kq8vT2mWx9LpR4sZ\n')
      // `release-audit --format json … | head -c 1`: the reader is gone before the report is written
      const child = spawn(process.execPath, [CLI, '--format', 'json', dir], {
        stdio: ['ignore', 'pipe', 'pipe']
      })
      child.stdout.destroy()
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).toBe('')
      expect(code).toBe(1) // the env file is an error, which reaches the default --fail-on
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
