import type { Entry, EntryKind, FileEntry } from '../engine/entry.js'
import { formatBytes } from '../util/format.js'
import type { ByteSource } from './byte-source.js'
import { bufferSource, readHead } from './byte-source.js'
import type { ArchiveFormat } from './detect-format.js'
import { detectFormat, HEAD_BYTES } from './detect-format.js'
import { baseName, describeUnsafeLink, describeUnsafePath } from './entry-paths.js'
import type { ArchiveRule, Scope } from './walk-context.js'

/** One member of a container, as its walker read it. */
export interface Member {
  /** Name as stored in the container. */
  name: string
  kind: EntryKind
  /** Declared uncompressed size. */
  size: number
  /** Regular files only; absent when the content was not read (over a limit, encrypted…). */
  content?: Buffer
  linkTarget?: string
  /** Symlinks resolve from their folder; tar hard links name another member from the root. */
  linkFrom?: 'link' | 'root'
  /** The walker already judged the link target (a folder's links are resolved on disk). */
  linkChecked?: boolean
  /** Where to open a nested archive whose content was not read into memory (a large file in a folder). */
  source?: ByteSource
  /** The container's own wording of why the name is unsafe, if it has one (zip). */
  unsafeReason?: string
  /** Problems about this member found while reading it, reported right after it is emitted. */
  problems?: MemberProblem[]
}

export interface MemberProblem {
  rule: ArchiveRule
  message: string
  details?: Record<string, unknown>
}

/** Most members have no problem: the list is made only for those that do. */
export function addProblem(member: Member, problem: MemberProblem): void {
  if (member.problems) member.problems.push(problem)
  else member.problems = [problem]
}

/**
 * Emits a member through `onEntry`, reports an unsafe name or link, then walks it as a nested
 * archive if its first bytes say it is one.
 */
export async function emitMember(scope: Scope, member: Member): Promise<void> {
  await startMember(scope, member)
}

/**
 * `emitMember` for hot loops: answers a promise only when there is something to wait for (a
 * nested archive), not one per entry.
 */
export function startMember(scope: Scope, member: Member): Promise<void> | undefined {
  const { ctx } = scope
  const path = scope.prefix + member.name
  if (!ctx.admitEntry(path)) return undefined
  ctx.emit(toEntry(ctx.artifact, path, scope.depth, member))
  for (const problem of member.problems ?? [])
    ctx.report(problem.rule, path, problem.message, problem.details)
  reportUnsafeName(scope, path, member)
  return member.kind === 'file' ? walkNested(scope, path, member) : undefined
}

function toEntry(artifact: string, path: string, depth: number, member: Member): Entry | FileEntry {
  const { size, kind, content, linkTarget } = member
  if (kind === 'file' && content) return { artifact, path, depth, size, kind, content }
  return linkTarget === undefined
    ? { artifact, path, depth, size, kind }
    : { artifact, path, depth, size, kind, linkTarget }
}

function reportUnsafeName(scope: Scope, path: string, member: Member): void {
  const pathReason = describeUnsafePath(member.name)
  if (pathReason) {
    scope.ctx.report(
      'archive/unsafe-path',
      path,
      `entry '${member.name}' has an unsafe path: ${member.unsafeReason ?? pathReason}; extracting it could write outside the target folder`
    )
  }
  if (member.linkTarget === undefined || member.linkChecked) return
  const linkReason = describeUnsafeLink(member.name, member.linkTarget, member.linkFrom ?? 'link')
  if (linkReason) {
    scope.ctx.report(
      'archive/unsafe-link',
      path,
      `${member.kind === 'hardlink' ? 'hard link' : 'symlink'} '${member.name}' → '${member.linkTarget}': ${linkReason}; extracting it could expose or overwrite files outside the target folder`,
      { target: member.linkTarget }
    )
  }
}

function walkNested(scope: Scope, path: string, member: Member): Promise<void> | undefined {
  if (scope.ctx.stopped) return undefined
  const { content, source } = member
  if (content) {
    const format = detectFormat(content)
    return format ? openNested(scope, path, member, bufferSource(content), format) : undefined
  }
  if (!source) return undefined
  return readHead(source, HEAD_BYTES).then((head) => {
    const format = detectFormat(head)
    return format ? openNested(scope, path, member, source, format) : undefined
  })
}

async function openNested(
  scope: Scope,
  path: string,
  member: Member,
  source: ByteSource,
  format: ArchiveFormat
): Promise<void> {
  const { ctx } = scope
  if (scope.depth + 1 > ctx.limits.maxDepth) {
    ctx.report(
      'archive/limit',
      path,
      `${format} archive nested more than ${ctx.limits.maxDepth} levels deep; its content was not audited`,
      { limit: 'maxDepth', max: ctx.limits.maxDepth }
    )
    return
  }
  await ctx.openArchive(source, format, {
    ctx,
    prefix: `${path}!/`,
    depth: scope.depth + 1,
    where: path,
    name: baseName(member.name)
  })
}

export type SpecialKind = 'character device' | 'block device' | 'FIFO' | 'socket'

/**
 * A device file, FIFO or socket. No build output is one; extracting a device entry as root
 * creates the device node (raw access to a disk or to memory, at the archive's chosen path).
 */
export function specialFileProblem(
  name: string,
  special: SpecialKind,
  inFolder = false
): MemberProblem {
  return {
    rule: 'archive/special-file',
    message: `entry '${name}' is a ${special}: ${inFolder ? 'it was not opened, and no release needs one' : `no release needs one${EXTRACTED[special]}`}`,
    details: { special }
  }
}

const EXTRACTED: Record<SpecialKind, string> = {
  'character device': ', and extracting it as root creates the device node',
  'block device': ', and extracting it as root creates the device node',
  FIFO: ', and extracting it creates a named pipe that blocks whatever opens it',
  socket: ''
}

/** The per-entry limit, shared by every walker: the entry is listed, its content is not read. */
export function tooLargeProblem(scope: Scope, name: string, size: number): MemberProblem {
  const max = scope.ctx.limits.maxEntryBytes
  return {
    rule: 'archive/limit',
    message: `entry '${name}' is ${formatBytes(size)}, over the per-entry limit of ${formatBytes(max)}; its content was not inspected`,
    details: { limit: 'maxEntryBytes', size, max }
  }
}
