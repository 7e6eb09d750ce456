import type { Entry, FileEntry } from '../../src/engine/entry.js'
import type { Rule, RuleOptions, RuleReport } from '../../src/engine/rule.js'

export type EntrySpec =
  string | Buffer | { kind: 'directory' } | { kind: 'symlink'; target: string }

/**
 * Runs one rule family over an artifact described as `{ path: content }`, the way the engine
 * would (walk order = key order, then `end` with every path), and returns what it reported.
 */
export function runRule(
  rule: Rule,
  tree: Record<string, EntrySpec>,
  options: Partial<RuleOptions> = {}
): RuleReport[] {
  const reports: RuleReport[] = []
  const visitor = rule.create({
    options: { sources: 'private', ...options },
    report: (r) => reports.push(r)
  })
  const paths = new Set<string>()
  for (const [path, spec] of Object.entries(tree)) {
    paths.add(path)
    visitor.entry?.(toEntry(path, spec))
  }
  visitor.end?.(paths)
  return reports
}

export function toEntry(
  path: string,
  spec: EntrySpec,
  artifact = 'test-artifact'
): Entry | FileEntry {
  const base = { artifact, path, depth: path.split('!/').length - 1 }
  if (typeof spec === 'string' || Buffer.isBuffer(spec)) {
    const content = Buffer.isBuffer(spec) ? spec : Buffer.from(spec)
    return { ...base, kind: 'file', size: content.length, content }
  }
  if (spec.kind === 'directory') return { ...base, kind: 'directory', size: 0 }
  return { ...base, kind: 'symlink', size: 0, linkTarget: spec.target }
}
