import type { Node } from 'yaml'
import { SEVERITIES } from '../engine/finding.js'
import type { PolicyReader } from './reader.js'
import { joinKey } from './reader.js'
import { readGlob } from './read-rules.js'
import type { ForbidEntry } from './schema.js'
import { guardAgainstBacktracking } from './backtracking-guard.js'

export const FORBID_KEYS = [
  'name',
  'pattern',
  'literal',
  'ignore-case',
  'paths',
  'severity'
] as const

/** `forbid:` — named patterns (JS regular expressions) or literals that must not ship. */
export function readForbidEntries(reader: PolicyReader, node: Node | null): ForbidEntry[] {
  const items = reader.readList(node, 'forbid') ?? []
  const entries: ForbidEntry[] = []
  const names = new Map<string, string>()
  items.forEach((item, index) => {
    const key = joinKey('forbid', index)
    const fields = reader.readMap(item, key, FORBID_KEYS)
    if (!fields) return
    const field = (name: string) => fields.get(name)?.value ?? null
    const name = fields.has('name')
      ? reader.readString(field('name'), joinKey(key, 'name'))
      : reader.report(
          item,
          joinKey(key, 'name'),
          `${joinKey(key, 'name')} is required: findings report the name, never the text matched`
        )
    if (name !== undefined && names.has(name)) {
      reader.report(
        field('name'),
        joinKey(key, 'name'),
        `${joinKey(key, 'name')} '${name}' is already used by ${names.get(name)}; names tell findings apart`
      )
    } else if (name !== undefined) {
      names.set(name, key)
    }
    const ignoreCase = fields.has('ignore-case')
      ? reader.readBoolean(field('ignore-case'), joinKey(key, 'ignore-case'))
      : false
    const regex = readMatcher(
      reader,
      item,
      key,
      fields.has('pattern'),
      fields.has('literal'),
      field,
      ignoreCase ?? false
    )
    const paths = fields.has('paths')
      ? readPathFilter(reader, field('paths'), joinKey(key, 'paths'))
      : []
    const severity = fields.has('severity')
      ? reader.readEnum(field('severity'), joinKey(key, 'severity'), SEVERITIES)
      : undefined
    if (name === undefined || !regex || !paths || ignoreCase === undefined) return
    if (fields.has('severity') && !severity) return
    entries.push({
      name,
      regex,
      ...(paths.length > 0 ? { paths } : {}),
      ...(severity ? { severity } : {}),
      at: reader.positionOf(item)
    })
  })
  return entries
}

function readMatcher(
  reader: PolicyReader,
  item: Node | null,
  key: string,
  hasPattern: boolean,
  hasLiteral: boolean,
  field: (name: string) => Node | null,
  ignoreCase: boolean
): RegExp | undefined {
  const flags = ignoreCase ? 'gmi' : 'gm'
  if (hasPattern === hasLiteral) {
    const problem = hasPattern
      ? 'has both pattern and literal; keep one'
      : "needs 'pattern' (a regular expression) or 'literal' (exact text)"
    reader.report(item, key, `${key} ${problem}`)
    return undefined
  }
  if (hasLiteral) {
    const literal = reader.readString(field('literal'), joinKey(key, 'literal'))
    return literal === undefined ? undefined : new RegExp(escapeRegExp(literal), flags)
  }
  const patternKey = joinKey(key, 'pattern')
  const source = reader.readString(field('pattern'), patternKey)
  if (source === undefined) return undefined
  let regex: RegExp
  guardAgainstBacktracking()
  try {
    regex = new RegExp(source, flags)
  } catch (error) {
    reader.report(
      field('pattern'),
      patternKey,
      `${patternKey} is not a valid regular expression: ${describeRegExpError(error)}`
    )
    return undefined
  }
  if (regex.exec('') !== null) {
    reader.report(
      field('pattern'),
      patternKey,
      `${patternKey} matches empty text, so it would match everywhere; make it match at least one character`
    )
    return undefined
  }
  regex.lastIndex = 0
  return regex
}

function readPathFilter(
  reader: PolicyReader,
  node: Node | null,
  key: string
): string[] | undefined {
  if (typeof reader.readScalar(node) === 'string') {
    const glob = readGlob(reader, node, key)
    return glob === undefined ? undefined : [glob]
  }
  const items = reader.readList(node, key)
  if (!items) return undefined
  if (items.length === 0) {
    reader.report(
      node,
      key,
      `${key} is an empty list, so the pattern would check nothing; remove it to check every text file`
    )
    return undefined
  }
  const globs = items.map((item, i) => readGlob(reader, item, joinKey(key, i)))
  return globs.every((g) => g !== undefined) ? globs : undefined
}

/** V8 says `Invalid regular expression: /<source>/gm: Unterminated group`; keep only the reason. */
function describeRegExpError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const reason = /\/[a-z]*: ([^:]+)$/.exec(message)
  return reason ? reason[1] : message
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
