export type BaselineSpec =
  | { kind: 'npm'; name: string; version: string }
  | { kind: 'auto' }
  | { kind: 'path'; path: string }
  | { kind: 'invalid'; reason: string }

// npm package names (legacy names may hold capitals); a scope is `@scope/`.
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i
// A version, a dist-tag or a semver range; never an option (`-…`), a URL, a path or a git spec.
const VERSION_OR_TAG = /^[\w.~^<>=|*+ -]+$/

/**
 * Reads a `baseline` input: `npm:<name>[@<version|dist-tag|range>]` (no version = `latest`),
 * `auto` (the `latest` release of the package in the working folder), or a path to an earlier
 * archive, folder or JSON report.
 */
export function parseBaselineSpec(spec: string): BaselineSpec {
  const text = spec.trim()
  if (text === '') return { kind: 'invalid', reason: 'the baseline spec is empty' }
  if (text === 'auto') return { kind: 'auto' }
  if (!text.startsWith('npm:')) return { kind: 'path', path: text }

  const body = text.slice('npm:'.length)
  const at = body.indexOf('@', 1)
  const name = at === -1 ? body : body.slice(0, at)
  const version = at === -1 ? 'latest' : body.slice(at + 1).trim()
  if (!PACKAGE_NAME.test(name) || name.length > 214) {
    return {
      kind: 'invalid',
      reason: `'${name}' is not an npm package name (expected npm:<name>@<version|tag>)`
    }
  }
  if (version === '' || version.startsWith('-') || !VERSION_OR_TAG.test(version)) {
    return {
      kind: 'invalid',
      reason: `'${version}' is not a version, range or dist-tag of ${name}`
    }
  }
  return { kind: 'npm', name, version }
}
