import type { Node, YAMLError } from 'yaml'
import { LineCounter, parseDocument } from 'yaml'
import type { Severity } from '../engine/finding.js'
import type { FailOn } from '../engine/report.js'
import { FAIL_ON_VALUES } from '../engine/report.js'
import type { PolicyIssue } from './errors.js'
import { PolicyError } from './errors.js'
import type { Position } from './reader.js'
import { PolicyReader } from './reader.js'
import { readForbidEntries } from './read-forbid.js'
import { readBaselineSettings, readBudgets } from './read-limits.js'
import { readAllowList, readIgnoreEntries, readRuleSettings } from './read-rules.js'

export type { Position } from './reader.js'
export type RuleLevel = Severity | 'off'
export type SourcesSetting = 'private' | 'public' | 'auto'

export interface RuleSetting {
  /** A rule id (`sourcemap/file`) or a family wildcard (`secret/*`). */
  rule: string
  level: RuleLevel
  at: Position
}

export interface IgnoreEntry {
  /** Position in the `ignore` list (0-based), for messages: `ignore[2]`. */
  index: number
  rule: string
  /** Glob on the finding's path (picomatch, `dot: true`). */
  path: string
  /** Glob on the artifact name; absent means every artifact. */
  artifact?: string
  reason: string
  /** `YYYY-MM-DD`: the entry applies through this day (UTC) and not after. */
  until?: string
  at: Position
}

export interface ForbidEntry {
  name: string
  /** Compiled with `g` and `m` (and `i` for `ignore-case`); a `literal` is escaped. */
  regex: RegExp
  /** Globs on the entry path; absent means every text file. */
  paths?: string[]
  severity?: Severity
  at: Position
}

export interface ByteSize {
  bytes: number
  /** As written in the policy (`20 MB`), for messages. */
  text: string
}

export interface Budgets {
  totalBytes?: ByteSize
  fileBytes?: ByteSize
  files?: number
}

/** The `baseline:` key in its YAML spelling, which src/baseline/thresholds.ts reads as is. */
export interface BaselineSettings {
  'max-growth-percent'?: { total?: number; file?: number; files?: number }
  'min-file-bytes'?: number
}

/** A validated policy file. Every key is optional in the file; lists default to empty. */
export interface Policy {
  /** The file it came from, as shown in messages and notices. */
  file: string
  rules: RuleSetting[]
  ignore: IgnoreEntry[]
  /** Absent: every file is expected. */
  allow?: string[]
  forbid: ForbidEntry[]
  budgets: Budgets
  sources?: SourcesSetting
  baseline?: BaselineSettings
  failOn?: FailOn
}

export const POLICY_KEYS = [
  'rules',
  'ignore',
  'allow',
  'forbid',
  'budgets',
  'sources',
  'baseline',
  'fail-on'
] as const
export const SOURCES_VALUES: readonly SourcesSetting[] = ['private', 'public', 'auto']

/** Past this many problems the rest are not listed; fixing these first usually fixes many. */
const MAX_ISSUES = 20

/** A policy with nothing set, for callers that run without a policy file. */
export function createEmptyPolicy(file = '(no policy file)'): Policy {
  return { file, rules: [], ignore: [], forbid: [], budgets: {} }
}

/**
 * Parses and validates a policy file's text. Throws PolicyError listing every problem as
 * `file:line:col: key message`; YAML syntax errors come the same way.
 */
export function parsePolicy(text: string, file: string): Policy {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const syntax = [...doc.errors, ...doc.warnings]
  if (syntax.length > 0) {
    throw new PolicyError(
      file,
      limitIssues(
        syntax.map((e) => describeSyntaxError(e, file, lines)),
        file
      )
    )
  }
  const reader = new PolicyReader(file, doc, lines)
  const policy = readPolicy(reader, doc.contents)
  if (reader.issues.length > 0) {
    const issues = [...reader.issues].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
    )
    throw new PolicyError(file, limitIssues(issues, file))
  }
  return policy
}

function readPolicy(reader: PolicyReader, root: Node | null): Policy {
  const policy = createEmptyPolicy(reader.file)
  if (reader.isEmpty(root)) return policy
  const fields = reader.readMap(root, '', POLICY_KEYS)
  if (!fields) return policy
  /** A collection key written with nothing under it (all entries commented out) is just unset. */
  const present = (key: (typeof POLICY_KEYS)[number]) => {
    const field = fields.get(key)
    return field && !reader.isEmpty(field.value) ? field.value : undefined
  }
  const value = (key: (typeof POLICY_KEYS)[number]) => fields.get(key)?.value ?? null
  const rules = present('rules')
  const ignore = present('ignore')
  const allow = present('allow')
  const forbid = present('forbid')
  const budgets = present('budgets')
  const baseline = present('baseline')
  if (rules) policy.rules = readRuleSettings(reader, rules)
  if (ignore) policy.ignore = readIgnoreEntries(reader, ignore)
  if (allow) {
    const globs = readAllowList(reader, allow)
    if (globs) policy.allow = globs
  }
  if (forbid) policy.forbid = readForbidEntries(reader, forbid)
  if (budgets) policy.budgets = readBudgets(reader, budgets)
  if (baseline) policy.baseline = readBaselineSettings(reader, baseline)
  if (fields.has('sources')) {
    const sources = reader.readEnum(value('sources'), 'sources', SOURCES_VALUES)
    if (sources) policy.sources = sources
  }
  if (fields.has('fail-on')) {
    const failOn = reader.readEnum(value('fail-on'), 'fail-on', FAIL_ON_VALUES)
    if (failOn) policy.failOn = failOn
  }
  return policy
}

function limitIssues(issues: PolicyIssue[], file: string): PolicyIssue[] {
  if (issues.length <= MAX_ISSUES) return issues
  const rest = issues.length - MAX_ISSUES
  return [
    ...issues.slice(0, MAX_ISSUES),
    { file, key: '', message: `${rest} more problems not listed` }
  ]
}

function describeSyntaxError(error: YAMLError, file: string, lines: LineCounter): PolicyIssue {
  const { line, col } = lines.linePos(error.pos[0])
  const message =
    error.code === 'MULTIPLE_DOCS'
      ? "the policy file must hold one YAML document; remove the '---' separator"
      : error.message
  return {
    file,
    line: Math.max(line, 1),
    column: Math.max(col, 1),
    key: '',
    message: `YAML syntax error: ${message}`
  }
}
