import type { Document, LineCounter, Node } from 'yaml'
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { PolicyIssue } from './errors.js'
import { describeSuggestion } from './suggest.js'

/** 1-based line and column of a key or value in the policy file. */
export interface Position {
  line: number
  column: number
}

export interface MapEntry {
  name: string
  keyNode: Node
  /** The value node; null for `key:` with nothing after it. */
  value: Node | null
}

/** Anchors and aliases are resolved, but a file expanding into more than this is rejected. */
const MAX_ALIAS_USES = 100

/** `ignore` + 1 → `ignore[1]`, `ignore[1]` + `reason` → `ignore[1].reason`. */
export function joinKey(parent: string, child: string | number): string {
  if (typeof child === 'number') return `${parent}[${child}]`
  return parent === '' ? child : `${parent}.${child}`
}

/**
 * Walks the parsed YAML with positions: every read either returns a typed value or records an
 * issue at the offending node and returns undefined, so one pass collects every problem.
 */
export class PolicyReader {
  readonly issues: PolicyIssue[] = []
  private aliasUses = 0

  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter
  ) {}

  positionOf(node: Node | null | undefined): Position {
    const offset = node?.range?.[0] ?? 0
    const { line, col } = this.lines.linePos(offset)
    return { line: Math.max(line, 1), column: Math.max(col, 1) }
  }

  report(node: Node | null | undefined, key: string, message: string): void {
    this.issues.push({ file: this.file, ...this.positionOf(node), key, message })
  }

  /** Follows an alias to its anchored node. */
  resolve(node: Node | null | undefined): Node | null {
    if (!node || !isAlias(node)) return node ?? null
    if (++this.aliasUses > MAX_ALIAS_USES) {
      this.report(node, '', `more than ${MAX_ALIAS_USES} alias uses (*name); write the values out`)
      return null
    }
    return (node.resolve(this.doc) as Node | undefined) ?? null
  }

  /** True for `key:` with no value (or an explicit `~`/`null`). */
  isEmpty(node: Node | null): boolean {
    const resolved = this.resolve(node)
    return resolved === null || (isScalar(resolved) && resolved.value === null)
  }

  /**
   * A mapping's entries by key. With `allowed`, any other key is reported (with the closest
   * allowed key as a suggestion); without it, any text key is accepted (rule ids).
   */
  readMap(
    node: Node | null,
    key: string,
    allowed?: readonly string[]
  ): Map<string, MapEntry> | undefined {
    const resolved = this.resolve(node)
    if (!isMap(resolved)) {
      this.report(node, key, `${describeKey(key)} must be a mapping (key: value lines)`)
      return undefined
    }
    const entries = new Map<string, MapEntry>()
    for (const pair of resolved.items) {
      const keyNode = pair.key as Node
      const name = isScalar(keyNode) ? keyNode.value : undefined
      if (typeof name !== 'string') {
        this.report(keyNode, key, `${describeKey(key)} has a key that is not text`)
        continue
      }
      if (allowed && !allowed.includes(name)) {
        const where = key === '' ? '' : ` in ${key}`
        const options = `valid keys: ${allowed.join(', ')}`
        const hint = describeSuggestion(name, allowed) || ` (${options})`
        this.report(keyNode, joinKey(key, name), `unknown key '${name}'${where}${hint}`)
        continue
      }
      entries.set(name, { name, keyNode, value: (pair.value as Node | null) ?? null })
    }
    return entries
  }

  readList(node: Node | null, key: string): (Node | null)[] | undefined {
    const resolved = this.resolve(node)
    if (!isSeq(resolved)) {
      this.report(node, key, `${key} must be a list (lines starting with '- ')`)
      return undefined
    }
    return resolved.items.map((item) => (item as Node | null) ?? null)
  }

  /** A scalar's value (strings, numbers, booleans), aliases resolved; undefined for collections. */
  readScalar(node: Node | null): unknown {
    const resolved = this.resolve(node)
    return isScalar(resolved) ? resolved.value : undefined
  }

  readString(node: Node | null, key: string): string | undefined {
    const value = this.readScalar(node)
    if (typeof value === 'string' && value.trim() !== '') return value
    this.report(node, key, `${key} must be non-empty text${describeGot(value, node)}`)
    return undefined
  }

  readEnum<T extends string>(node: Node | null, key: string, values: readonly T[]): T | undefined {
    const value = this.readScalar(node)
    if (typeof value === 'string' && (values as readonly string[]).includes(value))
      return value as T
    const hint = typeof value === 'string' ? describeSuggestion(value, values) : ''
    this.report(
      node,
      key,
      `${key} must be one of ${values.join(', ')}${describeGot(value, node)}${hint}`
    )
    return undefined
  }

  readNumber(
    node: Node | null,
    key: string,
    options: { integer?: boolean } = {}
  ): number | undefined {
    const value = this.readScalar(node)
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0
    if (ok && (!options.integer || Number.isInteger(value))) return value
    const kind = options.integer ? 'a whole number' : 'a number'
    this.report(node, key, `${key} must be ${kind}, 0 or more${describeGot(value, node)}`)
    return undefined
  }

  readBoolean(node: Node | null, key: string): boolean | undefined {
    const value = this.readScalar(node)
    if (typeof value === 'boolean') return value
    this.report(node, key, `${key} must be true or false${describeGot(value, node)}`)
    return undefined
  }
}

function describeKey(key: string): string {
  return key === '' ? 'the policy file' : key
}

/** `, not 'x'` / `, not a list` — what was found instead, kept short. */
export function describeGot(value: unknown, node: Node | null): string {
  if (value === undefined) {
    if (isSeq(node)) return ', not a list'
    if (isMap(node)) return ', not a mapping'
    return ''
  }
  if (value === null) return ' (it is empty)'
  const text = describeValue(value)
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
  return typeof value === 'string' ? `, not '${shown}'` : `, not ${shown}`
}

function describeValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${value}`
    default:
      return JSON.stringify(value) ?? typeof value
  }
}
