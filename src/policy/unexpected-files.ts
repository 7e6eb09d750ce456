import type { Entry } from '../engine/entry.js'
import type { RuleReport } from '../engine/rule.js'
import { plural } from '../util/format.js'
import { compileAllowList } from './globs.js'
import { UNEXPECTED_FILE } from './meta.js'

/** A folder holding more unexpected files than this (and nothing expected) is one finding. */
export const COLLAPSE_OVER_FILES = 20
/** Paths named in a collapsed finding's message; details carry a few more. */
export const SAMPLES_IN_MESSAGE = 3
export const SAMPLES_IN_DETAILS = 10
/** Past this many one-file findings in an artifact, the rest become one summary finding. */
export const MAX_FILE_FINDINGS = 200

interface FolderCount {
  files: number
  unexpected: number
}

type LightEntry = Omit<Entry, 'linkTarget'>

/**
 * `policy/unexpected-file` for one artifact: every non-directory entry that no `allow` glob
 * expects. A folder whose files are all unexpected and more than COLLAPSE_OVER_FILES is reported
 * once (the shallowest such folder), with a count and samples, instead of file by file.
 */
export function createUnexpectedFileCheck(allow: readonly string[], policyFile: string) {
  const isAllowed = compileAllowList(allow)
  const folders = new Map<string, FolderCount>()
  const unexpected: LightEntry[] = []
  const advice = `no glob in allow (${policyFile}) matches it; add one or keep the file out of the release`

  return {
    add(entry: Entry): void {
      if (entry.kind === 'directory') return
      const allowed = isAllowed(entry.path)
      for (const folder of foldersOf(entry.path)) {
        const count = folders.get(folder) ?? { files: 0, unexpected: 0 }
        count.files++
        if (!allowed) count.unexpected++
        folders.set(folder, count)
      }
      if (!allowed) {
        const { artifact, path, depth, size, kind } = entry
        unexpected.push({ artifact, path, depth, size, kind })
      }
    },

    finish(report: (r: RuleReport) => void): void {
      const groups = new Map<string, LightEntry[]>()
      const single: LightEntry[] = []
      for (const entry of unexpected) {
        const folder = foldersOf(entry.path).find((f) => isCollapsible(folders.get(f)))
        if (folder === undefined) single.push(entry)
        else if (groups.has(folder)) groups.get(folder)?.push(entry)
        else groups.set(folder, [entry])
      }
      for (const [folder, entries] of groups) report(describeFolder(folder, entries, policyFile))
      for (const entry of single.slice(0, MAX_FILE_FINDINGS)) {
        report({ rule: UNEXPECTED_FILE, entry, message: `unexpected file: ${advice}` })
      }
      const rest = single.slice(MAX_FILE_FINDINGS)
      if (rest.length > 0) report(describeRest(rest, policyFile))
    }
  }
}

function isCollapsible(count: FolderCount | undefined): boolean {
  return (
    count !== undefined && count.unexpected === count.files && count.files > COLLAPSE_OVER_FILES
  )
}

/** `a/b/c.js` → `''`, `a/`, `a/b/` (the artifact root first); `!/` stays inside a segment name. */
function foldersOf(path: string): string[] {
  const segments = path.split('/').slice(0, -1)
  return ['', ...segments.map((_, i) => `${segments.slice(0, i + 1).join('/')}/`)]
}

function describeFolder(folder: string, entries: LightEntry[], policyFile: string): RuleReport {
  const samples = entries.map((e) => e.path).slice(0, SAMPLES_IN_DETAILS)
  const where = folder === '' ? 'this artifact' : folder
  const eg = samples.slice(0, SAMPLES_IN_MESSAGE).join(', ')
  const first = entries[0]
  return {
    rule: UNEXPECTED_FILE,
    entry: {
      artifact: first.artifact,
      path: folder,
      depth: first.depth,
      size: sumSizes(entries),
      kind: 'directory'
    },
    message: `${plural(entries.length, 'unexpected file')} in ${where} and nothing expected there: no glob in allow (${policyFile}) matches them (e.g. ${eg})`,
    details: { folder, count: entries.length, samples }
  }
}

function describeRest(rest: LightEntry[], policyFile: string): RuleReport {
  const first = rest[0]
  const samples = rest.map((e) => e.path).slice(0, SAMPLES_IN_DETAILS)
  return {
    rule: UNEXPECTED_FILE,
    entry: { artifact: first.artifact, path: '', depth: 0, size: sumSizes(rest), kind: 'other' },
    message: `${plural(rest.length, 'more unexpected file')} not listed one by one: no glob in allow (${policyFile}) matches them (e.g. ${samples.slice(0, SAMPLES_IN_MESSAGE).join(', ')})`,
    details: { count: rest.length, samples }
  }
}

function sumSizes(entries: readonly LightEntry[]): number {
  return entries.reduce((total, e) => total + e.size, 0)
}
