import { describe, expect, it } from '@jest/globals'
import type { Severity } from '../../src/engine/finding.js'
import { privateFileRule } from '../../src/rules/private-file.js'
import type { EntrySpec } from '../support/run-rule.js'
import { runRule } from '../support/run-rule.js'
import { createFakes, generatePrivateKeyPem } from '../secrets/support/fake-secrets.js'

const fake = createFakes(21)
const realEnv = `DATABASE_URL=postgres://app:${fake.generic(16)}@db.internal:5432/app\nSESSION_SECRET=${fake.generic(32)}\nPORT=3000\n`
const placeholderEnv = 'API_KEY=${API_KEY}\nDB_PASSWORD=changeme\nPORT=3000\n'
const pgpSecretKey = [
  '-----BEGIN PGP ' + 'PRIVATE KEY BLOCK-----',
  '',
  Buffer.concat([Buffer.from([0x95, 0x03, 0xc6]), Buffer.alloc(90, 9)]).toString('base64'),
  '-----END PGP PRIVATE KEY BLOCK-----'
].join('\n')

type Expected = [rule: string, severity: Severity] | null

/** One file per row: its path, its content, and the one finding expected (or none). */
const FILES: Array<[path: string, content: EntrySpec, expected: Expected]> = [
  // env files
  ['.env', realEnv, ['private-file/env', 'error']],
  ['package/.env.production', realEnv, ['private-file/env', 'error']],
  ['deploy/prod.env', realEnv, ['private-file/env', 'error']],
  // PowerShell 5's `>` writes UTF-16LE with a BOM; editors may add a UTF-8 BOM
  [
    'ops/.env',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(realEnv, 'utf16le')]),
    ['private-file/env', 'error']
  ],
  ['ops/.env.production', `\uFEFF${realEnv}`, ['private-file/env', 'error']],
  ['.envrc', `export GITHUB_TOKEN=${fake.github()}\n`, ['private-file/env', 'error']],
  ['.env', placeholderEnv, ['private-file/env', 'warning']],
  ['.env.local', 'PORT=3000\nDEBUG=true\n', ['private-file/env', 'warning']],
  ['.env.example', placeholderEnv, ['private-file/env', 'notice']],
  [
    '.env.sample',
    'DATABASE_URL=postgres://postgres:postgres@localhost/app\n',
    ['private-file/env', 'notice']
  ],
  ['.env.example', `STRIPE_SECRET_KEY=${fake.generic(32)}\n`, ['private-file/env', 'error']],
  ['example.env', `NPM_TOKEN=${fake.npm()}\n`, ['private-file/env', 'error']],
  ['.env.vault', 'DOTENV_VAULT_PRODUCTION="encrypted:abc"\n', ['private-file/env', 'notice']],
  ['inner.tgz!/package/.env', realEnv, ['private-file/env', 'error']],
  ['package/test/fixtures/.env', realEnv, ['private-file/env', 'warning']],
  ['src/.env.ts', 'export const env = {}', null],
  ['types/.env.d.ts', 'declare const env: {}', null],
  ['lib/env.js', 'module.exports = process.env', null],
  ['environment.json', '{"token":"x"}', null],

  // keys
  ['id_rsa', generatePrivateKeyPem('pkcs1'), ['private-file/key', 'error']],
  ['home/.ssh/id_ed25519', generatePrivateKeyPem('openssh'), ['private-file/key', 'error']],
  [
    'id_rsa',
    '-----BEGIN RSA ' + 'PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----\n',
    ['private-file/key', 'warning']
  ],
  ['id_ed25519', '', ['private-file/key', 'warning']],
  ['id_rsa.pub', 'ssh-rsa AAAAB3NzaC1yc2E user@host', null],
  ['certs/server.key', generatePrivateKeyPem('pkcs8'), ['private-file/key', 'error']],
  ['certs/server.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', null],
  ['tls/key.pem', generatePrivateKeyPem('encrypted-pkcs8'), ['private-file/key', 'warning']],
  [
    'tls/ec.pem',
    `-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n${generatePrivateKeyPem('sec1')}`,
    ['private-file/key', 'error']
  ],
  ['deploy_key', generatePrivateKeyPem('pkcs1'), ['private-file/key', 'error']],
  // by content alone: only whitespace (as \s reads latin1, NBSP included) may come before the block
  ['keys/deploy', `\n\t \r\n${generatePrivateKeyPem('pkcs1')}`, ['private-file/key', 'error']],
  ['keys/signing', `\uFEFF${generatePrivateKeyPem('pkcs8')}`, ['private-file/key', 'error']], // UTF-8 BOM
  ['keys/notes', '\uFEFF-----BEGIN PUBLIC KEY-----\nMIIB\n', null],
  [
    'keys/deploy-nbsp',
    Buffer.concat([Buffer.from([0xa0, 0x0b, 0x0c]), Buffer.from(generatePrivateKeyPem('pkcs8'))]),
    ['private-file/key', 'error']
  ],
  ['keys/deploy-far', `${' '.repeat(1024)}${generatePrivateKeyPem('pkcs1')}`, null],
  ['keys/quoted', `"${generatePrivateKeyPem('pkcs1')}`, null],
  ['keys/dashes', '--- a YAML document\n', null],
  ['notes.txt', '-----BEGIN RSA ' + 'PRIVATE KEY-----\n...\n', null],
  ['release.jks', Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]), ['private-file/key', 'error']],
  [
    'signing/upload.keystore',
    Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]),
    ['private-file/key', 'error']
  ],
  [
    'android/debug.keystore',
    Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]),
    ['private-file/key', 'warning']
  ],
  ['client.p12', Buffer.from([0x30, 0x82, 0x0a, 0x01]), ['private-file/key', 'error']],
  [
    'ops/Passwords.kdbx',
    Buffer.from([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5]),
    ['private-file/key', 'error']
  ],
  ['old/vault.kdb', Buffer.from([0x03, 0xd9, 0xa2, 0x9a]), ['private-file/key', 'error']],
  ['docs/kdbx-format.md', '# KeePass format notes', null],
  ['empty.pfx', '', ['private-file/key', 'warning']],
  [
    'putty.ppk',
    'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAA\n',
    ['private-file/key', 'error']
  ],
  [
    'putty.ppk',
    'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nPrivate-Lines: 1\nAAAA\n',
    ['private-file/key', 'warning']
  ],
  ['keys/secret.asc', pgpSecretKey, ['private-file/key', 'error']],
  [
    'keys/public.asc',
    '-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQ\n-----END PGP PUBLIC KEY BLOCK-----\n',
    null
  ],
  ['keys/secring.gpg', Buffer.from([0x95, 0x01, 0xd8, 0x04]), ['private-file/key', 'error']],
  ['test/fixtures/server.key', generatePrivateKeyPem('pkcs8'), ['private-file/key', 'warning']],

  // credential files
  [
    '.npmrc',
    `//registry.npmjs.org/:_authToken=${fake.npm()}\n`,
    ['private-file/credentials', 'error']
  ],
  [
    '.npmrc',
    '//registry.npmjs.org/:_authToken=${' + 'NPM_TOKEN}\n',
    ['private-file/credentials', 'warning']
  ],
  ['.npmrc', 'registry=https://registry.npmjs.org/\nsave-exact=true\n', null],
  ['.yarnrc.yml', 'npmAuthToken: "${' + 'NPM_TOKEN}"\n', ['private-file/credentials', 'warning']],
  [
    '.pypirc',
    `[pypi]\nusername = __token__\npassword = ${fake.pypi()}\n`,
    ['private-file/credentials', 'error']
  ],
  [
    '.netrc',
    `machine api.example.com login ci password ${fake.generic()}\n`,
    ['private-file/credentials', 'error']
  ],
  [
    '.git-credentials',
    `https://ci:${fake.github()}@github.com\n`,
    ['private-file/credentials', 'error']
  ],
  [
    'home/.aws/credentials',
    `[default]\naws_access_key_id = ${fake.awsKeyId()}\naws_secret_access_key = ${fake.awsSecret()}\n`,
    ['private-file/credentials', 'error']
  ],
  [
    'HOME/.AWS/Credentials',
    `[default]\naws_secret_access_key = ${fake.awsSecret()}\n`,
    ['private-file/credentials', 'error']
  ],
  ['home/aws/credentials', `[default]\naws_secret_access_key = ${fake.awsSecret()}\n`, null],
  [
    'c:\\users\\ci\\.cargo\\credentials.toml',
    `[registry]\ntoken = "${fake.generic(32)}"\n`,
    ['private-file/credentials', 'error']
  ],
  [
    'gcp/deployer.json',
    JSON.stringify({ type: 'service_account', private_key: generatePrivateKeyPem('pkcs8') }),
    ['private-file/credentials', 'error']
  ],
  [
    'client_secret_1234.json',
    JSON.stringify({ installed: { client_id: 'x', client_secret: fake.generic() } }),
    ['private-file/credentials', 'error']
  ],
  ['package.json', '{"name":"x","scripts":{"build":"tsc"}}', null],
  [
    '.docker/config.json',
    JSON.stringify({
      auths: { 'ghcr.io': { auth: Buffer.from(`u:${fake.github()}`).toString('base64') } }
    }),
    ['private-file/credentials', 'error']
  ],
  [
    '.docker/config.json',
    JSON.stringify({ auths: { 'ghcr.io': {} }, credsStore: 'desktop' }),
    null
  ],
  [
    '.kube/config',
    `users:\n- name: ci\n  user:\n    token: ${fake.generic(40)}\n`,
    ['private-file/credentials', 'error']
  ],
  ['deploy/kubeconfig', 'users:\n- name: ci\n  user:\n    exec:\n      command: aws\n', null],
  [
    'infra/terraform.tfstate',
    '{"version":4,"resources":[]}',
    ['private-file/credentials', 'error']
  ],
  [
    'public/.htpasswd',
    'admin:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/\n',
    ['private-file/credentials', 'error']
  ],
  [
    '.pgpass',
    `db.internal:5432:app:app:${fake.generic()}\n`,
    ['private-file/credentials', 'error']
  ],
  ['.vault-token', `hvs.${fake.generic(24)}`, ['private-file/credentials', 'error']],
  [
    'Properties/app.PublishSettings',
    `<publishProfile userName="$app" userPWD="${fake.generic()}" />`,
    ['private-file/credentials', 'error']
  ],

  // litter and agent files
  ['.git', 'gitdir: /home/dev/repo/.git/worktrees/x\n', ['private-file/vcs', 'notice']],
  [
    '.DS_Store',
    Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]),
    ['private-file/editor', 'warning']
  ],
  ['assets/Thumbs.db', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), ['private-file/editor', 'warning']],
  [
    'src/.main.ts.swp',
    Buffer.from([0x62, 0x30, 0x56, 0x49, 0x4d, 0]),
    ['private-file/editor', 'warning']
  ],
  ['src/index.js~', 'old', ['private-file/editor', 'warning']],
  [
    'home/dev/.bash_history',
    `export GH_TOKEN=xyz\nnpm publish\n`,
    ['private-file/history', 'warning']
  ],
  ['.zsh_history', ': 1700000000:0;git push\n', ['private-file/history', 'warning']],
  ['root/.psql_history', 'select * from users;\n', ['private-file/history', 'warning']],
  ['.node_repl_history', 'process.env\n', ['private-file/history', 'warning']],
  ['home/me/.local/share/fish/fish_history', '- cmd: ls\n', ['private-file/history', 'warning']],
  ['.viminfo', '# This viminfo file was generated by Vim\n', ['private-file/history', 'warning']],
  ['.python_history', '', ['private-file/history', 'notice']],
  ['node_modules/x/.bash_history', 'ls\n', ['private-file/history', 'notice']],
  ['src/history.ts', 'export const history = []', null],
  ['docs/INTERNAL.md', '# Release checklist', ['private-file/internal-doc', 'warning']],
  [
    'package/roadmap.confidential.pdf',
    Buffer.from('%PDF-1.7'),
    ['private-file/internal-doc', 'warning']
  ],
  ['internal-docs/oncall.md', '# Paging', ['private-file/internal-doc', 'warning']],
  [
    'docs/q3-plan.md',
    '**Company Confidential**\n\n# Q3 plan\n',
    ['private-file/internal-doc', 'warning']
  ],
  [
    'notes/pricing.txt',
    'DO NOT DISTRIBUTE\nDiscounts for...',
    ['private-file/internal-doc', 'warning']
  ],
  ['node_modules/x/INTERNAL.md', '# notes', ['private-file/internal-doc', 'notice']],
  ['README.md', '# helper\n\n- For internal use only.\n', null],
  ['LICENSE.txt', 'CONFIDENTIAL. Do not distribute without a written agreement.', null],
  [
    'docs/banner.md',
    '> CONFIDENTIAL - DO NOT DISTRIBUTE\n\n# Plan',
    ['private-file/internal-doc', 'warning']
  ],
  ['docs/keys.md', '# Keys\n\nYour key is secret: do not distribute it.\n', null],
  ['docs/usage.md', 'This build is not for release to app stores until QA signs off.\n', null],
  ['dist/internal/index.js', '// internal helpers', null],
  ['docs/internals.md', '# How the parser works', null],
  ['docs/api-internal.md', '# Internal API (public docs of it)', null],
  ['src/confidential.ts', 'export const x = 1', null],
  ['docs/.history.md', '# History', null],
  ['node_modules/left-pad/.DS_Store', Buffer.from([0, 0, 0, 1]), ['private-file/editor', 'notice']],
  ['CLAUDE.md', '# Project notes for Claude', ['private-file/agent', 'warning']],
  ['package/AGENTS.md', '# Agents', ['private-file/agent', 'warning']],
  ['GEMINI.md', '# Gemini', ['private-file/agent', 'warning']],
  ['.cursorrules', 'always use tabs', ['private-file/agent', 'warning']],
  ['.windsurfrules', 'rules', ['private-file/agent', 'warning']],
  ['.github/copilot-instructions.md', 'instructions', ['private-file/agent', 'warning']],
  ['docs/agents.md', '# How our agents work', null],
  [
    '.mcp.json',
    JSON.stringify({
      mcpServers: { gh: { command: 'gh-mcp', env: { GITHUB_TOKEN: fake.github() } } }
    }),
    ['private-file/agent', 'error']
  ],
  [
    '.mcp.json',
    JSON.stringify({
      mcpServers: { gh: { command: 'gh-mcp', env: { GITHUB_TOKEN: '${' + 'GITHUB_TOKEN}' } } }
    }),
    ['private-file/agent', 'warning']
  ],
  [
    '.mcp.json',
    JSON.stringify({ mcpServers: { fs: { command: 'mcp-fs' } } }),
    ['private-file/agent', 'warning']
  ],
  ['mcp.json', JSON.stringify({ mcpServers: { fs: { command: 'mcp-fs' } } }), null],
  [
    'mcp.json',
    JSON.stringify({
      servers: { api: { url: 'https://x', headers: { Authorization: `Bearer ${fake.generic()}` } } }
    }),
    ['private-file/agent', 'error']
  ],
  ['src/index.js', 'console.log(1)', null],
  ['build/type/constructor/index.js', 'x', null],
  ['lib/__proto__/toString', 'x', null],
  ['hasOwnProperty', 'x', null],
  ['README.md', '# Readme', null]
]

describe('private-file: one file at a time', () => {
  it.each(FILES)('%s', (path, content, expected) => {
    const reports = runRule(privateFileRule, { [path]: content })
    expect(
      reports.map((r) => [r.rule, r.severity ?? privateFileRule.meta.rules[r.rule].severity])
    ).toEqual(expected === null ? [] : [expected])
    for (const report of reports) expect(report.entry.path).toBe(path)
  })
})

describe('private-file: folders', () => {
  it('reports a .git folder once, from file paths alone, with its file count', () => {
    const reports = runRule(privateFileRule, {
      'app/.git/HEAD': 'ref: refs/heads/main\n',
      'app/.git/config': '[core]\n\tbare = false\n',
      'app/.git/objects/ab/cdef': Buffer.from([0x78, 0x01]),
      'app/index.js': 'x'
    })
    expect(reports).toMatchObject([
      { rule: 'private-file/vcs', details: { folder: 'app/.git/', files: 3 } }
    ])
    expect(reports[0].entry.path).toBe('app/.git/')
    expect(reports[0].severity).toBeUndefined()
  })

  it('reports folders seen only as directory entries, and folders inside nested archives', () => {
    const reports = runRule(privateFileRule, {
      '.svn/': { kind: 'directory' },
      'site.zip!/www/.hg/store/data': 'x',
      'site.zip!/www/.hg/hgrc': 'x',
      'site.zip!/www/.idea/workspace.xml': '<project/>',
      'site.zip!/www/.idea/modules.xml': '<project/>'
    })
    expect(reports.map((r) => [r.rule, r.entry.path])).toEqual([
      ['private-file/vcs', '.svn/'],
      ['private-file/vcs', 'site.zip!/www/.hg/'],
      ['private-file/editor', 'site.zip!/www/.idea/']
    ])
  })

  it('says when a .git/config holds the token actions/checkout persists, redacted', () => {
    const header = Buffer.from(`x-access-token:${fake.github()}`).toString('base64')
    const reports = runRule(privateFileRule, {
      '.git/config': `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${header}\n`
    })
    expect(reports).toMatchObject([
      { rule: 'private-file/vcs', details: { credential: `${header.slice(0, 4)}…` } }
    ])
    expect(reports[0].message).toMatch(/its config holds a credential/)
    expect(JSON.stringify(reports.map((r) => [r.message, r.details]))).not.toContain(
      header.slice(0, 12)
    )
  })

  it('reports agent and editor folders once each; lower inside node_modules', () => {
    const reports = runRule(privateFileRule, {
      '.claude/settings.json': '{}',
      '.claude/commands/release.md': 'x',
      '.cursor/rules/style.mdc': 'x',
      '.vscode/settings.json': '{}',
      '.history/src/index_20240102103000.ts': 'export const old = 1',
      'node_modules/some-lib/.vscode/launch.json': '{}',
      '__MACOSX/dist/._index.js': Buffer.from([0, 5, 0x16, 7])
    })
    expect(reports.map((r) => [r.rule, r.entry.path, r.severity ?? 'default'])).toEqual([
      ['private-file/agent', '.claude/', 'default'],
      ['private-file/agent', '.cursor/', 'default'],
      ['private-file/editor', '.vscode/', 'default'],
      ['private-file/editor', '.history/', 'default'],
      ['private-file/editor', 'node_modules/some-lib/.vscode/', 'notice'],
      ['private-file/editor', '__MACOSX/', 'default']
    ])
  })

  it('reports a GnuPG home once as a key folder, even inside node_modules', () => {
    const reports = runRule(privateFileRule, {
      'home/dev/.gnupg/private-keys-v1.d/0A1B2C.key': '(protected-private-key (rsa (n #00#)))',
      'home/dev/.gnupg/pubring.kbx': Buffer.from([0, 0, 0, 32, 1, 1]),
      'node_modules/bad/.gnupg/secring.gpg': Buffer.from([0x95, 1])
    })
    // a binary secret key is also reported as a file of its own
    expect(reports.map((r) => [r.rule, r.entry.path, r.severity ?? 'default'])).toEqual([
      ['private-file/key', 'node_modules/bad/.gnupg/secring.gpg', 'error'],
      ['private-file/key', 'home/dev/.gnupg/', 'default'],
      ['private-file/key', 'node_modules/bad/.gnupg/', 'default']
    ])
    expect(reports[1].message).toBe(
      'GnuPG home folder home/dev/.gnupg/ (2 files): it holds secret keys (private-keys-v1.d, secring.gpg) and the keyrings'
    )
  })
})
