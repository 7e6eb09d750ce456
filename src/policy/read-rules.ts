import picomatch from 'picomatch'
import type { Node } from 'yaml'
import { SEVERITIES } from '../engine/finding.js'
import { parseCalendarDate } from './dates.js'
import type { PolicyReader } from './reader.js'
import { describeGot, joinKey } from './reader.js'
import { isRulePattern } from './rule-ids.js'
import type { IgnoreEntry, RuleLevel, RuleSetting } from './schema.js'

export const RULE_LEVELS: readonly RuleLevel[] = [...SEVERITIES, 'off']
export const IGNORE_KEYS = ['rule', 'path', 'artifact', 'reason', 'until'] as const

const RULE_ID_HINT = "a rule id such as 'sourcemap/file' or a family wildcard such as 'secret/*'"

/** `rules:` — rule id or family wildcard → severity or `off`. */
export function readRuleSettings(reader: PolicyReader, node: Node | null): RuleSetting[] {
  const entries = reader.readMap(node, 'rules')
  if (!entries) return []
  const settings: RuleSetting[] = []
  for (const { name, keyNode, value } of entries.values()) {
    const key = joinKey('rules', name)
    if (!isRulePattern(name)) {
      reader.report(keyNode, key, `rules: '${name}' is not ${RULE_ID_HINT}`)
      continue
    }
    const level = reader.readEnum(value, key, RULE_LEVELS)
    if (level) settings.push({ rule: name, level, at: reader.positionOf(keyNode) })
  }
  return settings
}

/** `ignore:` — each entry needs a rule, a path glob and a reason; artifact and until are optional. */
export function readIgnoreEntries(reader: PolicyReader, node: Node | null): IgnoreEntry[] {
  const items = reader.readList(node, 'ignore') ?? []
  const entries: IgnoreEntry[] = []
  items.forEach((item, index) => {
    const key = joinKey('ignore', index)
    const fields = reader.readMap(item, key, IGNORE_KEYS)
    if (!fields) return
    const need = (field: string, why: string) => {
      const entry = fields.get(field)
      if (entry && !reader.isEmpty(entry.value)) return entry.value
      reader.report(
        entry?.value ?? item,
        joinKey(key, field),
        `${joinKey(key, field)} is required: ${why}`
      )
      return undefined
    }
    const ruleNode = need(
      'rule',
      'name the rule id or family wildcard, e.g. private-file/agent or secret/*'
    )
    const pathNode = need(
      'path',
      "give a glob on the finding's path, e.g. 'package/docs/**' ('**' for all)"
    )
    const reasonNode = need('reason', 'say why this finding may ship')
    const rule = ruleNode && readRulePattern(reader, ruleNode, joinKey(key, 'rule'))
    const path = pathNode && readGlob(reader, pathNode, joinKey(key, 'path'))
    const reason = reasonNode && reader.readString(reasonNode, joinKey(key, 'reason'))
    const artifactField = fields.get('artifact')
    const artifact =
      artifactField && readGlob(reader, artifactField.value, joinKey(key, 'artifact'))
    const untilField = fields.get('until')
    const until = untilField && readDate(reader, untilField.value, joinKey(key, 'until'))
    if (!rule || !path || !reason || (artifactField && !artifact) || (untilField && !until)) return
    entries.push({
      index,
      rule,
      path,
      reason,
      ...(artifact ? { artifact } : {}),
      ...(until ? { until } : {}),
      at: reader.positionOf(item)
    })
  })
  return entries
}

/** `allow:` — globs of the files expected in every artifact; `!glob` excludes. */
export function readAllowList(reader: PolicyReader, node: Node | null): string[] | undefined {
  const items = reader.readList(node, 'allow')
  if (!items) return undefined
  if (items.length === 0) {
    reader.report(
      node,
      'allow',
      'allow is an empty list, which would flag every file; remove the key to allow everything'
    )
    return undefined
  }
  const globs = items.map((item, i) => readGlob(reader, item, joinKey('allow', i)))
  return globs.every((g) => g !== undefined) ? globs : undefined
}

export function readRulePattern(
  reader: PolicyReader,
  node: Node | null,
  key: string
): string | undefined {
  const value = reader.readScalar(node)
  if (typeof value === 'string' && isRulePattern(value)) return value
  reader.report(node, key, `${key} must be ${RULE_ID_HINT}${describeGot(value, node)}`)
  return undefined
}

/** A glob over paths inside an artifact, which never start with `/` or `./`. */
export function readGlob(reader: PolicyReader, node: Node | null, key: string): string | undefined {
  const glob = reader.readString(node, key)
  if (glob === undefined) return undefined
  const bare = glob.replace(/^!/, '')
  if (bare.startsWith('/') || bare.startsWith('./')) {
    const fixed = bare.replace(/^\.?\/+/, '')
    reader.report(
      node,
      key,
      `${key}: paths inside an artifact never start with '/' or './'; write '${fixed}'`
    )
    return undefined
  }
  try {
    picomatch.makeRe(glob, { dot: true })
  } catch (error) {
    reader.report(node, key, `${key} is not a valid glob: ${(error as Error).message}`)
    return undefined
  }
  return glob
}

function readDate(reader: PolicyReader, node: Node | null, key: string): string | undefined {
  const value = reader.readScalar(node)
  const date = parseCalendarDate(value)
  if (date === undefined) {
    reader.report(
      node,
      key,
      `${key} must be a date written YYYY-MM-DD, e.g. 2026-12-31${describeGot(value, node)}`
    )
  }
  return date
}
