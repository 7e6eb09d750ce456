const MAYBE_UNSAFE = /^[\\/]|^[a-zA-Z]:|\.\.|\0/

/** Why an entry name is unsafe to extract, or undefined: absolute, drive or UNC paths, `..` segments, NUL bytes. */
export function describeUnsafePath(name: string): string | undefined {
  if (!MAYBE_UNSAFE.test(name)) return undefined // the common case, once per entry
  if (name.includes('\0')) return 'the path contains a NUL byte'
  if (/^[\\/]/.test(name)) return 'the path is absolute'
  if (/^[a-zA-Z]:/.test(name)) return 'the path starts with a drive letter'
  if (name.split(/[\\/]/).includes('..')) return "the path contains a '..' segment"
  return undefined
}

/**
 * Why a link target escapes the archive root, or undefined. Symlink targets resolve from the link's
 * own folder; tar hard-link targets name another member, so they resolve from the root.
 */
export function describeUnsafeLink(
  name: string,
  target: string,
  from: 'link' | 'root'
): string | undefined {
  if (target.includes('\0')) return 'the target contains a NUL byte'
  if (/^[\\/]/.test(target) || /^[a-zA-Z]:/.test(target)) return 'the target is an absolute path'
  const folder = from === 'link' ? splitSegments(name).slice(0, -1) : []
  let depth = 0
  for (const segment of folder) depth = segment === '..' ? Math.max(0, depth - 1) : depth + 1
  for (const segment of splitSegments(target)) {
    if (segment !== '..') depth++
    else if (--depth < 0) return 'the target leaves the archive root'
  }
  return undefined
}

function splitSegments(path: string): string[] {
  return path.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.')
}

/** `a/b.tgz` → `b.tgz`, for either separator. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || trimmed
}
