import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildTgz } from '../../__fixtures__/archives.js'
import { audit } from '../../src/engine/audit.js'
import type { Finding } from '../../src/engine/finding.js'
import { applyPolicy } from '../../src/policy/apply.js'
import { loadPolicy } from '../../src/policy/load.js'
import { createPolicyRule } from '../../src/policy/rule.js'

const CODENAME = ['Project', 'Falcon'].join(' ')

const POLICY = `# yaml-language-server: $schema=../schema/release-audit.schema.json
allow:
  - "package/dist/**"
  - "package/package.json"
forbid:
  - name: codename
    literal: "${CODENAME}"
  - name: internal-host
    pattern: "\\\\b[a-z0-9-]+\\\\.corp\\\\.example\\\\.com\\\\b"
    paths: ["**/*.js"]
budgets:
  file-bytes: 2 KiB
ignore:
  - rule: policy/unexpected-file
    path: "package/README.md"
    reason: the readme ships
  - rule: policy/forbidden-content
    path: "**/legacy.js"
    artifact: "web-*"
    reason: never matches this artifact
rules:
  policy/budget: warning
`

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'policy-audit-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a policy file through the engine', () => {
  it('turns a real package into policy findings, suppressions and notices', async () => {
    await mkdir(path.join(dir, '.github'))
    const policyPath = path.join(dir, '.github/release-audit.yml')
    await writeFile(policyPath, POLICY)
    const cwd = process.cwd()
    process.chdir(dir)
    const policy = await loadPolicy(policyPath).finally(() => process.chdir(cwd))

    const tgz = await buildTgz({
      'package/package.json': '{"name":"pkg"}',
      'package/README.md': `# pkg\nFormerly ${CODENAME}.\n`,
      'package/dist/cli.js': `fetch('https://ci.corp.example.com/x')\n`,
      'package/dist/legacy.js': `// ${CODENAME}\n`,
      'package/dist/big.bin': Buffer.alloc(4096, 1),
      'package/dist/docs.zip': {
        nested: { format: 'zip', tree: { 'guide.md': `${CODENAME} guide` } }
      },
      'package/src/cli.ts': 'export {}\n'
    })
    let notices: Finding[] = []
    const report = await audit(
      [{ name: 'pkg.tgz', source: 'test', input: { kind: 'buffer', data: tgz } }],
      {
        rules: [createPolicyRule(policy)],
        failOn: 'error',
        postprocess: (findings) => {
          const outcome = applyPolicy(findings, policy, new Date('2026-01-01T00:00:00Z'))
          notices = outcome.notices
          return outcome
        }
      }
    )

    expect(report.findings.map((f) => `${f.severity} ${f.rule} ${f.path}:${f.line ?? ''}`)).toEqual(
      [
        'error policy/forbidden-content package/README.md:2',
        'error policy/forbidden-content package/dist/cli.js:1',
        'error policy/forbidden-content package/dist/docs.zip!/guide.md:1',
        'error policy/forbidden-content package/dist/legacy.js:1',
        'error policy/unexpected-file package/src/cli.ts:',
        'warning policy/budget package/dist/big.bin:'
      ]
    )
    expect(report.conclusion).toBe('failure')
    expect(report.suppressed).toEqual([
      {
        rule: 'policy/unexpected-file',
        path: 'package/README.md',
        reason: 'the readme ships',
        count: 1
      }
    ])
    expect(notices.map((n) => `${n.rule} ${n.path}:${n.line}`)).toEqual([
      'policy/unused-ignore .github/release-audit.yml:17'
    ])
    expect(JSON.stringify(report)).not.toContain('Falcon')
  })
})
