import type { Entry, FileEntry } from './entry.js'
import type { Severity } from './finding.js'

/** What a rule reports; the engine adds artifact, default severity and policy. */
export interface RuleReport {
  /** Full rule id; must be one of the ids the rule declares in `meta.rules`. */
  rule: string
  /** The entry the finding is about. */
  entry: Entry
  message: string
  line?: number
  /** Overrides the rule's default severity (e.g. a placeholder value lowers it). */
  severity?: Severity
  details?: Record<string, unknown>
}

export interface RuleMeta {
  /** Rule family, e.g. `sourcemap`. */
  family: string
  /** Every rule id this family can report, with its default severity and a one-line description. */
  rules: Record<string, { severity: Severity; description: string }>
}

/** Options the engine hands every rule (resolved policy). Families read what concerns them. */
export interface RuleOptions {
  /** Whether source embedded in maps is already public (`sources` input/policy). */
  sources: 'private' | 'public'
  /** Files tracked in the checkout, by path relative to the repository root → content sha256 (hex). */
  publicSources?: ReadonlyMap<string, string>
}

export interface RuleContext {
  options: RuleOptions
  report(report: RuleReport): void
}

/**
 * A rule instance lives for one top-level artifact. `entry` sees every entry in walk order
 * (content attached for regular files); `end` runs once after the whole artifact was walked,
 * with every entry path seen, for rules that relate entries to each other.
 */
export interface RuleVisitor {
  entry?(entry: Entry | FileEntry): void
  end?(paths: ReadonlySet<string>): void
}

export interface Rule {
  meta: RuleMeta
  create(context: RuleContext): RuleVisitor
}

export function isFileEntry(entry: Entry): entry is FileEntry {
  return entry.kind === 'file' && 'content' in entry
}
