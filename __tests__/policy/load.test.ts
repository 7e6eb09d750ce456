import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PolicyError } from '../../src/policy/errors.js'
import { findDefaultPolicy, loadPolicy, MAX_POLICY_BYTES } from '../../src/policy/load.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'policy-load-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function write(relative: string, text: string | Buffer): Promise<string> {
  const file = path.join(dir, relative)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, text)
  return file
}

async function loadError(file: string): Promise<PolicyError> {
  const error = await loadPolicy(file).then(
    () => undefined,
    (e: unknown) => e
  )
  if (error instanceof PolicyError) return error
  throw new Error(`expected a PolicyError, got ${String(error)}`)
}

describe('findDefaultPolicy', () => {
  it.each([['.github/release-audit.yml'], ['.github/release-audit.yaml']])(
    'finds %s',
    async (name) => {
      const file = await write(name, 'fail-on: never\n')
      await expect(findDefaultPolicy(dir)).resolves.toBe(file)
    }
  )

  it('finds nothing when neither exists (or one is a folder)', async () => {
    await mkdir(path.join(dir, '.github/release-audit.yml'), { recursive: true })
    await expect(findDefaultPolicy(dir)).resolves.toBeUndefined()
  })

  it('refuses to choose between both spellings', async () => {
    await write('.github/release-audit.yml', '')
    await write('.github/release-audit.yaml', '')
    await expect(findDefaultPolicy(dir)).rejects.toThrow(
      '.github/release-audit.yml: both .github/release-audit.yml and .github/release-audit.yaml exist; keep one'
    )
  })
})

describe('loadPolicy', () => {
  it('reads and validates a file, naming it as given when outside the working directory', async () => {
    const file = await write('policy.yml', '\uFEFFfail-on: warning\nbudgets: { files: 3 }\n')
    const policy = await loadPolicy(file)
    expect(policy).toMatchObject({ file, failOn: 'warning', budgets: { files: 3 } })
  })

  it('names a file inside the working directory relative to it', async () => {
    const file = await write('.github/release-audit.yml', 'alow: []\n')
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      const error = await loadError(file)
      expect(error.message).toBe(
        ".github/release-audit.yml:1:1: unknown key 'alow'; did you mean 'allow'?"
      )
      expect(error.file).toBe('.github/release-audit.yml')
    } finally {
      process.chdir(cwd)
    }
  })

  it('names an explicit file that does not exist', async () => {
    const missing = path.join(dir, 'nope.yml')
    const error = await loadError(missing)
    expect(error.message).toBe(
      `${missing}: policy file not found; check the config input / --config, or remove it to run without a policy`
    )
  })

  it('rejects a folder and an oversized file', async () => {
    expect((await loadError(dir)).message).toBe(`${dir}: policy file is not a regular file`)
    const big = await write('big.yml', Buffer.alloc(MAX_POLICY_BYTES + 1, 0x23))
    expect((await loadError(big)).message).toMatch(
      /policy file is 1048577 bytes, over 1048576; is this the right file\?$/
    )
  })
})
