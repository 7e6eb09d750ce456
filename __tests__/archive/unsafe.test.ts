import { spawnSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { buildTar, buildTgz, buildZip } from '../../__fixtures__/archives.js'
import { describeUnsafeLink, describeUnsafePath } from '../../src/archive/entry-paths.js'
import { listing, problemList, walkBuffer, walkInput, withTempDir } from './walk-helper.js'

describe('describeUnsafePath', () => {
  it.each([
    ['package/dist/a.js', undefined],
    ['a..b/c..d.txt', undefined],
    ['.hidden/..config', undefined],
    ['../x', "the path contains a '..' segment"],
    ['a/../../x', "the path contains a '..' segment"],
    ['a\\..\\x', "the path contains a '..' segment"],
    ['/etc/passwd', 'the path is absolute'],
    ['\\\\server\\share\\x', 'the path is absolute'],
    ['\\windows\\x', 'the path is absolute'],
    ['C:\\x', 'the path starts with a drive letter'],
    ['c:/x', 'the path starts with a drive letter'],
    ['a\0b', 'the path contains a NUL byte']
  ])('%j → %s', (name, reason) => {
    expect(describeUnsafePath(name)).toBe(reason)
  })
})

describe('describeUnsafeLink', () => {
  it.each([
    ['pkg/link', 'target.js', 'link', undefined],
    ['pkg/sub/link', '../target.js', 'link', undefined],
    ['pkg/link', '../outside', 'link', undefined],
    ['pkg/link', '../../outside', 'link', 'the target leaves the archive root'],
    ['link', 'a/../../x', 'link', 'the target leaves the archive root'],
    ['pkg/link', '/etc/passwd', 'link', 'the target is an absolute path'],
    ['pkg/link', 'C:\\Windows', 'link', 'the target is an absolute path'],
    ['pkg/deep/hard', 'pkg/a.js', 'root', undefined],
    ['pkg/deep/hard', '../x', 'root', 'the target leaves the archive root']
  ] as const)('%s → %s (from %s): %s', (name, target, from, reason) => {
    expect(describeUnsafeLink(name, target, from)).toBe(reason)
  })
})

describe('unsafe entries in archives', () => {
  const UNSAFE = [
    '../evil.sh',
    'ok/../../evil2.sh',
    '/etc/cron.d/job',
    'C:\\Windows\\x.dll',
    '\\\\server\\share\\y'
  ]
  // a NUL survives only in zip names: tar readers cut C strings at the first NUL
  const UNSAFE_ZIP = [...UNSAFE, 'nul\0byte.txt']

  it.each([
    [
      'zip',
      UNSAFE_ZIP,
      () => buildZip(Object.fromEntries([...UNSAFE_ZIP, 'safe.txt'].map((n) => [n, 'x'])))
    ],
    [
      'tar',
      UNSAFE,
      () => buildTar(Object.fromEntries([...UNSAFE, 'safe.txt'].map((n) => [n, 'x'])))
    ]
  ])(
    '%s: every unsafe name is emitted raw, audited, and reported once',
    async (_, names, build) => {
      const walked = await walkBuffer(await build(), 'evil')
      expect(listing(walked)).toEqual([...names, 'safe.txt'].map((n) => `file ${n}`))
      expect(problemList(walked)).toEqual(names.map((n) => `archive/unsafe-path ${n}`))
      expect(walked.entries.every((e) => 'content' in e)).toBe(true)
    }
  )

  it('reports the problem right after its entry', async () => {
    const walked = await walkBuffer(await buildZip({ 'a.txt': 'a', '../b.txt': 'b', 'c.txt': 'c' }))
    expect(walked.events).toEqual([
      'file a.txt',
      'file ../b.txt',
      'archive/unsafe-path ../b.txt',
      'file c.txt'
    ])
  })

  it("uses yauzl's wording for an unsafe zip name", async () => {
    const walked = await walkBuffer(await buildZip({ '../x.txt': 'x' }))
    expect(walked.problems[0].message).toContain('invalid relative path: ../x.txt')
  })

  it('prefixes the path of an unsafe member of a nested archive', async () => {
    const walked = await walkBuffer(
      await buildZip({ 'inner.tar': { nested: { format: 'tar', tree: { '/abs.txt': 'x' } } } })
    )
    expect(problemList(walked)).toEqual(['archive/unsafe-path inner.tar!//abs.txt'])
  })

  it('reports symlinks and hard links that leave the archive, and not those that stay inside', async () => {
    const walked = await walkBuffer(
      await buildTgz({
        'pkg/a.js': 'a',
        'pkg/ok': { symlink: 'a.js' },
        'pkg/up-ok': { symlink: '../pkg/a.js' },
        'pkg/passwd': { symlink: '/etc/passwd' },
        'pkg/escape': { symlink: '../../home' },
        'pkg/hard-ok': { hardlink: 'pkg/a.js' },
        'pkg/hard-bad': { hardlink: '../../x' }
      })
    )
    expect(problemList(walked)).toEqual([
      'archive/unsafe-link pkg/passwd',
      'archive/unsafe-link pkg/escape',
      'archive/unsafe-link pkg/hard-bad'
    ])
    expect(walked.problems[0].message).toContain("'/etc/passwd'")
    expect(walked.problems[0].details).toEqual({ target: '/etc/passwd' })
  })

  it('reports a zip symlink that points outside', async () => {
    const walked = await walkBuffer(await buildZip({ link: { symlink: '../../../etc/shadow' } }))
    expect(problemList(walked)).toEqual(['archive/unsafe-link link'])
  })

  it('reports a folder symlink that resolves outside the folder, not one that stays inside', async () => {
    await withTempDir(async (dir) => {
      const root = join(dir, 'dist')
      await mkdir(join(root, 'sub'), { recursive: true })
      await writeFile(join(root, 'a.txt'), 'a')
      await writeFile(join(dir, 'secret.txt'), 'outside')
      await symlink('../a.txt', join(root, 'sub/inside'))
      await symlink('../../secret.txt', join(root, 'sub/outside'))
      await symlink('/etc/hostname', join(root, 'absolute'))
      const walked = await walkInput({ kind: 'dir', path: root })
      expect(problemList(walked)).toEqual([
        'archive/unsafe-link absolute',
        'archive/unsafe-link sub/outside'
      ])
      expect(walked.entries.find((e) => e.path === 'sub/outside')).toMatchObject({
        kind: 'symlink',
        linkTarget: '../../secret.txt'
      })
      expect(walked.entries.some((e) => 'content' in e && e.content.toString() === 'outside')).toBe(
        false
      )
    })
  })
})

describe('device files, FIFOs and sockets', () => {
  it('tar: each is listed without content and reported once, by type', async () => {
    const walked = await walkBuffer(
      await buildTgz({
        'root/dev/mem': { special: 'char' },
        'root/dev/sda': { special: 'block' },
        'root/run/pipe': { special: 'fifo' },
        'root/etc/hostname': 'box\n'
      })
    )
    expect(listing(walked)).toEqual([
      'other root/dev/mem',
      'other root/dev/sda',
      'other root/run/pipe',
      'file root/etc/hostname'
    ])
    expect(problemList(walked)).toEqual([
      'archive/special-file root/dev/mem',
      'archive/special-file root/dev/sda',
      'archive/special-file root/run/pipe'
    ])
    expect(walked.problems.map((p) => p.message)).toEqual([
      "entry 'root/dev/mem' is a character device: no release needs one, and extracting it as root creates the device node",
      "entry 'root/dev/sda' is a block device: no release needs one, and extracting it as root creates the device node",
      "entry 'root/run/pipe' is a FIFO: no release needs one, and extracting it creates a named pipe that blocks whatever opens it"
    ])
    expect(walked.problems[0].details).toEqual({ special: 'character device' })
  })

  it('zip: the Unix mode of the entry says so, whatever bytes it stores', async () => {
    const walked = await walkBuffer(
      await buildZip({
        fifo: { special: 'fifo' },
        tty: { special: 'char' },
        'agent.sock': { special: 'socket' },
        'ok.txt': 'ok'
      })
    )
    expect(problemList(walked)).toEqual([
      'archive/special-file fifo',
      'archive/special-file tty',
      'archive/special-file agent.sock'
    ])
    expect(walked.problems[2].message).toContain('is a socket')
    expect(listing(walked)).toContain('file ok.txt')
  })

  it('folder: a FIFO is reported and never opened (opening one would block the walk)', async () => {
    await withTempDir(async (dir) => {
      const root = join(dir, 'dist')
      await mkdir(root)
      await writeFile(join(root, 'a.txt'), 'a')
      // Node cannot make a FIFO; the mkfifo of coreutils stands in (Linux and macOS runners have it)
      expect(spawnSync('mkfifo', [join(root, 'pipe')]).status).toBe(0)
      const walked = await walkInput({ kind: 'dir', path: root })
      expect(problemList(walked)).toEqual(['archive/special-file pipe'])
      expect(walked.problems[0].message).toBe(
        "entry 'pipe' is a FIFO: it was not opened, and no release needs one"
      )
    })
  })
})
