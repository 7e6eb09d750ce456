import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildTgz } from '../../__fixtures__/archives.js'
import type { Rule } from '../../src/engine/rule.js'
import { activeRules } from '../../src/policy/active-rules.js'
import { loadPolicy } from '../../src/policy/load.js'
import { BUILTIN_RULES } from '../../src/rules/index.js'
import { runAudit } from '../../src/setup/run-audit.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'active-rules-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function policyWith(rules: string) {
  const file = path.join(dir, 'release-audit.yml')
  await writeFile(file, `rules:\n${rules}`)
  return { file, policy: await loadPolicy(file) }
}

const families = (rules: readonly Rule[]) => rules.map((rule) => rule.meta.family)

describe('rule families a policy turns off', () => {
  it('are not run when every id of the family is off', async () => {
    const { policy } = await policyWith('  secret/*: off\n')
    expect(families(activeRules(BUILTIN_RULES, policy))).toEqual(['sourcemap', 'private-file'])
  })

  it('still run when one id of the family stays on (an exact id beats the wildcard)', async () => {
    const { policy } = await policyWith('  secret/*: off\n  secret/npm-token: warning\n')
    expect(families(activeRules(BUILTIN_RULES, policy))).toContain('secret')
  })

  it('still run when only some of their ids are off, or the family is only lowered', async () => {
    const { policy } = await policyWith('  sourcemap/file: off\n  secret/*: notice\n')
    expect(families(activeRules(BUILTIN_RULES, policy))).toEqual(families(BUILTIN_RULES))
  })

  it('all run without a policy', () => {
    expect(activeRules(BUILTIN_RULES, undefined)).toEqual(BUILTIN_RULES)
  })

  it('leave the other families reporting in a real audit', async () => {
    const token = ['npm_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('')
    const tgz = path.join(dir, 'pkg.tgz')
    await writeFile(
      tgz,
      await buildTgz({
        'package/package.json': '{"name":"pkg"}',
        'package/.env': `NPM_TOKEN=${token}\n`,
        'package/dist/index.js': `const t = "${token}"\n`
      })
    )
    const artifacts = [
      { name: 'pkg.tgz', source: 'path', input: { kind: 'file' as const, path: tgz } }
    ]
    const withSecrets = await runAudit(artifacts, {
      cwd: dir,
      config: (await policyWith('  sourcemap/file: notice\n')).file
    })
    expect(withSecrets.report.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['private-file/env', 'secret/npm-token'])
    )
    const { file } = await policyWith('  secret/*: off\n')
    const { report } = await runAudit(artifacts, { cwd: dir, config: file })
    const rules = report.findings.map((f) => f.rule)
    expect(rules).toContain('private-file/env')
    expect(rules.filter((rule) => rule.startsWith('secret/'))).toEqual([])
  })
})
