import zlib from 'node:zlib'
import { Header, Pax } from 'tar'
import yazl from 'yazl'

/**
 * Real archives built in memory from an object tree, for tests. Keys are entry names exactly as they
 * will be stored (unsafe ones such as `../x`, `/etc/x` or `C:\x` included), in insertion order.
 */
export type Tree = Record<string, TreeNode>
export type TreeNode =
  | string
  | Buffer
  | { dir: true }
  | { symlink: string }
  /** tar only: a hard link to another member, named from the archive root. */
  | { hardlink: string }
  | { nested: NestedArchive }
  /** A device file, FIFO or socket (sockets: zip only; tar has no such type). */
  | { special: SpecialType }

export type SpecialType = 'char' | 'block' | 'fifo' | 'socket'

const TAR_SPECIAL_TYPES = { char: 'CharacterDevice', block: 'BlockDevice', fifo: 'FIFO' } as const
const ZIP_SPECIAL_MODES: Record<SpecialType, number> = {
  char: 0o020644,
  block: 0o060644,
  fifo: 0o010644,
  socket: 0o140644
}

export type NestedArchive =
  | { format: 'zip'; tree: Tree; options?: ZipOptions }
  | { format: 'tar' | 'tgz'; tree: Tree }
  | { format: 'gz'; content: string | Buffer }

export interface ZipOptions {
  /** Store every file instead of deflating it. */
  store?: boolean
  /** Entries whose general-purpose bit 0 (encrypted) is set; their data stays readable deflate. */
  encrypted?: string[]
  /** Entries stored under these raw name bytes with the UTF-8 flag cleared (CP437 names). */
  rawNames?: Record<string, Buffer>
  /** Compression method written for an entry (e.g. 14 = LZMA), data unchanged. */
  methods?: Record<string, number>
  /** Entries whose CRC-32 is written wrong. */
  badCrc?: string[]
  /** Write zip64 records even though nothing needs them (cannot combine with the patches above). */
  zip64?: boolean
}

const MTIME = new Date('2024-01-02T03:04:05Z')
const TAR_BLOCK = 512

export async function buildZip(tree: Tree, options: ZipOptions = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  const patches = new Map<string, Patch>()
  const taken = new Set(Object.keys(tree))
  for (const [name, node] of Object.entries(tree)) {
    const raw = options.rawNames?.[name] ?? Buffer.from(name, 'utf8')
    const patch: Patch = {
      raw,
      utf8: !options.rawNames?.[name],
      encrypted: options.encrypted?.includes(name) ?? false,
      method: options.methods?.[name],
      badCrc: options.badCrc?.includes(name) ?? false
    }
    const needsPatch =
      !isYazlSafe(name) ||
      !patch.utf8 ||
      patch.encrypted ||
      patch.method !== undefined ||
      patch.badCrc
    const stored = needsPatch ? placeholder(raw.length, taken, isDir(node)) : name
    if (needsPatch) patches.set(stored, patch)
    await addZipNode(zip, stored, node, options)
  }
  zip.end({ forceZip64Format: options.zip64 ?? false, comment: '' })
  const bytes = await collect(zip.outputStream)
  if (patches.size > 0 && options.zip64)
    throw new Error('buildZip: zip64 cannot be combined with name or flag patches')
  return applyPatches(bytes, patches)
}

export async function buildTar(tree: Tree): Promise<Buffer> {
  const blocks: Buffer[] = []
  for (const [path, node] of Object.entries(tree)) {
    const data = await contentOf(node)
    const link = typeof node === 'object' && !Buffer.isBuffer(node) ? node : undefined
    const linkpath =
      link && 'symlink' in link
        ? link.symlink
        : link && 'hardlink' in link
          ? link.hardlink
          : undefined
    const type =
      link && 'dir' in link
        ? 'Directory'
        : link && 'symlink' in link
          ? 'SymbolicLink'
          : link && 'hardlink' in link
            ? 'Link'
            : link && 'special' in link
              ? tarSpecialType(link.special)
              : 'File'
    if (needsPax(path) || (linkpath !== undefined && needsPax(linkpath))) {
      blocks.push(new Pax({ path, linkpath, mtime: MTIME }, false).encode())
    }
    const header = new Header({
      path: safeHeaderString(path),
      type,
      size: data.length,
      mode: type === 'Directory' ? 0o755 : 0o644,
      uid: 0,
      gid: 0,
      mtime: MTIME,
      linkpath: linkpath === undefined ? undefined : safeHeaderString(linkpath)
    })
    const block = Buffer.alloc(TAR_BLOCK)
    header.encode(block, 0)
    blocks.push(block, data, Buffer.alloc((TAR_BLOCK - (data.length % TAR_BLOCK)) % TAR_BLOCK))
  }
  blocks.push(Buffer.alloc(2 * TAR_BLOCK))
  return Buffer.concat(blocks)
}

export async function buildTgz(tree: Tree): Promise<Buffer> {
  return zlib.gzipSync(await buildTar(tree))
}

/**
 * Deterministic bytes that deflate and gzip cannot shrink (a linear congruential sequence, in 32-bit
 * integer arithmetic: in doubles the product loses its low bits and the sequence falls into a short
 * cycle that gzip squeezes 170-fold).
 */
export function noise(bytes: number, seed: number): Buffer {
  const out = Buffer.alloc(bytes)
  let state = seed
  for (let i = 0; i < bytes; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    out[i] = state >>> 24
  }
  return out
}

export function buildGz(content: string | Buffer): Buffer {
  return zlib.gzipSync(typeof content === 'string' ? Buffer.from(content) : content)
}

export function buildNested(nested: NestedArchive): Promise<Buffer> {
  switch (nested.format) {
    case 'zip':
      return buildZip(nested.tree, nested.options)
    case 'tar':
      return buildTar(nested.tree)
    case 'tgz':
      return buildTgz(nested.tree)
    case 'gz':
      return Promise.resolve(buildGz(nested.content))
  }
}

async function contentOf(node: TreeNode): Promise<Buffer> {
  if (typeof node === 'string') return Buffer.from(node)
  if (Buffer.isBuffer(node)) return node
  if ('nested' in node) return buildNested(node.nested)
  return Buffer.alloc(0)
}

function tarSpecialType(special: SpecialType): 'CharacterDevice' | 'BlockDevice' | 'FIFO' {
  if (special === 'socket') throw new Error('buildTar: tar has no socket entries')
  return TAR_SPECIAL_TYPES[special]
}

function isDir(node: TreeNode): boolean {
  return typeof node === 'object' && !Buffer.isBuffer(node) && 'dir' in node
}

async function addZipNode(
  zip: yazl.ZipFile,
  name: string,
  node: TreeNode,
  options: ZipOptions
): Promise<void> {
  const common = { mtime: MTIME, forceZip64Format: options.zip64 ?? false }
  if (isDir(node)) return zip.addEmptyDirectory(name.replace(/\/$/, ''), common)
  if (typeof node === 'object' && !Buffer.isBuffer(node) && 'symlink' in node) {
    return zip.addBuffer(Buffer.from(node.symlink), name, {
      ...common,
      mode: 0o120777,
      compress: false
    })
  }
  if (typeof node === 'object' && !Buffer.isBuffer(node) && 'hardlink' in node) {
    throw new Error('buildZip: zips have no hard links')
  }
  if (typeof node === 'object' && !Buffer.isBuffer(node) && 'special' in node) {
    return zip.addBuffer(Buffer.alloc(0), name, {
      ...common,
      mode: ZIP_SPECIAL_MODES[node.special]
    })
  }
  zip.addBuffer(await contentOf(node), name, { ...common, compress: !options.store })
}

/** yazl refuses absolute names, `..` segments and rewrites backslashes; those get patched in after. */
function isYazlSafe(name: string): boolean {
  return !/^[a-zA-Z]:|^\/|\\|\0/.test(name) && !name.split('/').includes('..') && name.length > 0
}

interface Patch {
  raw: Buffer
  utf8: boolean
  encrypted: boolean
  method?: number
  badCrc: boolean
}

/** A yazl-valid stand-in of the same byte length, swapped for the real bytes once the zip is built. */
function placeholder(length: number, taken: Set<string>, dir: boolean): string {
  const body = dir ? length - 1 : length
  for (let i = 0; i < 10_000; i++) {
    const candidate = `p${i.toString(36)}${'x'.repeat(length)}`.slice(0, body) + (dir ? '/' : '')
    if (body > 0 && !taken.has(candidate)) {
      taken.add(candidate)
      return candidate
    }
  }
  throw new Error(`buildZip: no placeholder of ${length} bytes left`)
}

/** Rewrites names and flags in both the central directory and the local headers, by offset. */
function applyPatches(zip: Buffer, patches: Map<string, Patch>): Buffer {
  if (patches.size === 0) return zip
  const eocd = zip.length - 22
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    const local = zip.readUInt32LE(at + 42)
    const patch = patches.get(name)
    if (patch) {
      patch.raw.copy(zip, at + 46)
      patch.raw.copy(zip, local + 30)
      let flags = zip.readUInt16LE(at + 8)
      if (!patch.utf8) flags &= ~0x0800
      if (patch.encrypted) flags |= 0x0001
      zip.writeUInt16LE(flags, at + 8)
      zip.writeUInt16LE(flags, local + 6)
      if (patch.method !== undefined) {
        zip.writeUInt16LE(patch.method, at + 10)
        zip.writeUInt16LE(patch.method, local + 8)
      }
      if (patch.badCrc) {
        const crc = zip.readUInt32LE(at + 16) ^ 0xffffffff
        zip.writeUInt32LE(crc >>> 0, at + 16)
        zip.writeUInt32LE(crc >>> 0, local + 14)
      }
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return zip
}

function needsPax(value: string): boolean {
  return Buffer.byteLength(value) > 99 || value.includes('\0') || /[^\x20-\x7e]/.test(value)
}

/** The plain header keeps a readable stand-in; the pax record before it holds the real value. */
function safeHeaderString(value: string): string {
  return needsPax(value) ? value.replace(/[^\x20-\x7e]/g, '_').slice(0, 99) : value
}

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}
