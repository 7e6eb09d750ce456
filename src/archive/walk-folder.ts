import type { Dirent } from 'node:fs'
import { open, readdir, readlink } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { ByteSource } from './byte-source.js'
import type { Member, SpecialKind } from './emit-member.js'
import { emitMember, specialFileProblem, tooLargeProblem } from './emit-member.js'
import type { Scope } from './walk-context.js'

/**
 * Walks a folder depth-first in sorted name order without following symlinks: links are listed
 * with their target; files that are archives are walked like nested archives.
 */
export async function walkFolder(root: string, scope: Scope): Promise<void> {
  await readdir(root) // the input itself missing or unreadable is a usage error: let it throw
  await walkDirectory(resolve(root), '', scope)
}

async function walkDirectory(root: string, folder: string, scope: Scope): Promise<void> {
  let children: Dirent[]
  try {
    children = await readdir(join(root, folder), { withFileTypes: true })
  } catch (error) {
    scope.ctx.report(
      'archive/unreadable',
      folder,
      `folder '${folder}' cannot be read (${describe(error)}); its content was not audited`
    )
    return
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const child of children) {
    if (scope.ctx.stopped) return
    const name = folder + child.name
    if (child.isDirectory()) {
      await emitMember(scope, { name: `${name}/`, kind: 'directory', size: 0 })
      await walkDirectory(root, `${name}/`, scope)
    } else if (child.isSymbolicLink()) {
      await emitLink(root, name, scope)
    } else if (child.isFile()) {
      const member = await readFileMember(root, name, scope)
      if (member) await emitMember(scope, member)
    } else {
      // FIFOs, sockets, devices: never opened (a FIFO would block the walk)
      const problems = [specialFileProblem(name, specialKindOf(child), true)]
      await emitMember(scope, { name, kind: 'other', size: 0, problems })
    }
  }
}

async function emitLink(root: string, name: string, scope: Scope): Promise<void> {
  let target: string
  try {
    target = await readlink(join(root, name))
  } catch (error) {
    scope.ctx.report(
      'archive/unreadable',
      name,
      `symlink '${name}' cannot be read (${describe(error)})`
    )
    return
  }
  // the folder is real: resolve the target on disk rather than lexically as inside an archive
  const member: Member = { name, kind: 'symlink', size: 0, linkTarget: target, linkChecked: true }
  const landing = relative(root, resolve(dirname(join(root, name)), target))
  if (landing === '..' || landing.startsWith(`..${sep}`) || isAbsolute(landing)) {
    member.problems = [
      {
        rule: 'archive/unsafe-link',
        message: `symlink '${name}' → '${target}' points outside the folder; what it points to was not audited`,
        details: { target }
      }
    ]
  }
  await emitMember(scope, member)
}

/** undefined when the walk has to stop (total-bytes limit, already reported). */
async function readFileMember(
  root: string,
  name: string,
  scope: Scope
): Promise<Member | undefined> {
  const path = join(root, name)
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    return { name, kind: 'file', size: 0, problems: [unreadable(name, error)] }
  }
  try {
    const { size } = await handle.stat()
    const source: ByteSource = { kind: 'file', path, size }
    if (size > scope.ctx.limits.maxEntryBytes) {
      return { name, kind: 'file', size, source, problems: [tooLargeProblem(scope, name, size)] }
    }
    if (!scope.ctx.admitBytes(scope.prefix + name, size)) return undefined
    const content = Buffer.allocUnsafe(size)
    let filled = 0
    while (filled < size) {
      const { bytesRead } = await handle.read(content, filled, size - filled, filled)
      if (bytesRead === 0) break // the file shrank while we read it
      filled += bytesRead
    }
    return {
      name,
      kind: 'file',
      size,
      content: filled === size ? content : content.subarray(0, filled)
    }
  } catch (error) {
    return { name, kind: 'file', size: 0, problems: [unreadable(name, error)] }
  } finally {
    await handle.close()
  }
}

function unreadable(name: string, error: unknown) {
  return {
    rule: 'archive/unreadable' as const,
    message: `file '${name}' cannot be read (${describe(error)}); its content was not audited`
  }
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}

function specialKindOf(child: Dirent): SpecialKind {
  if (child.isFIFO()) return 'FIFO'
  if (child.isSocket()) return 'socket'
  return child.isBlockDevice() ? 'block device' : 'character device'
}
