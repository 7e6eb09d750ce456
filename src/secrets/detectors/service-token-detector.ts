import { createHash } from 'node:crypto'
import type { Severity } from '../../engine/finding.js'
import type { Detector } from '../types.js'
import type { TokenSpec } from './token-detector.js'
import { createTokenDetector } from './token-detector.js'

export const SERVICE_TOKEN_RULE = 'secret/service-token'

export interface ServiceTokenSpec extends Omit<TokenSpec, 'rule' | 'judge'> {
  /** The service and kind of credential, e.g. `Hugging Face access token`. */
  type: string | ((token: string) => string)
  /** A further check of the token's shape, beyond its length and alphabet. */
  accept?: (token: string) => boolean
  /**
   * SHA-256 (hex) of a secret part (`secretOf`, else the token) that is public by design, such
   * as an emulator's documented key: matched by hash so the key itself is not in our code.
   */
  publicKeySha256?: string
  /** Lower than the rule's `error` where the shape is not unique to the service. */
  severity?: Severity
  note?: string
}

/**
 * A `secret/service-token` detector: a fixed-prefix token of one service. Line-local: its
 * patterns hold no line break and it reads one character either side of the token at most.
 */
export function createServiceTokenDetector(spec: ServiceTokenSpec): Detector {
  const { type, accept, publicKeySha256, severity = 'error', note, ...token } = spec
  const isPublic = (value: string): boolean =>
    publicKeySha256 !== undefined &&
    createHash('sha256')
      .update(token.secretOf?.(value) ?? value)
      .digest('hex') === publicKeySha256
  const detector = createTokenDetector({
    rule: SERVICE_TOKEN_RULE,
    ...token,
    judge: (value) => {
      if (accept !== undefined && !accept(value)) return undefined
      if (isPublic(value)) return undefined
      return { type: typeof type === 'string' ? type : type(value), severity, note }
    }
  })
  return { ...detector, lineLocal: true }
}

export interface SeparatedTokenSpec extends Omit<ServiceTokenSpec, 'trigger' | 'offset'> {
  /** The text just before the separator where the token is found, e.g. `hf` of `hf_…`. */
  prefixes: readonly string[]
}

/**
 * Detectors that all share ONE trigger at the separator, so the prefilter tries one lookbehind
 * per `_` rather than one per service: on 40 MB of node_modules, 25 prefixes as separate
 * lookbehinds slow it by ~57 %, as this trigger by ~5 %. Each detector checks its own shape.
 */
export function createSeparatedTokenDetectors(
  separator: '_' | '-',
  specs: readonly SeparatedTokenSpec[]
): Detector[] {
  const trigger = buildSeparatorTrigger(
    separator,
    specs.flatMap((spec) => spec.prefixes)
  )
  return specs.map(({ prefixes, ...spec }) => {
    const offset = prefixes[0].length
    if (prefixes.some((prefix) => prefix.length !== offset)) {
      throw new Error(`prefixes ${prefixes.join(', ')} must have one length`)
    }
    return createServiceTokenDetector({ ...spec, trigger, offset })
  })
}

/**
 * `_(?<=[fp]_)(?<=(?:h|nf)p…_)`-style: a class of the prefixes' last characters turns most
 * separators away at once, then the prefixes grouped by that last character are tried.
 */
export function buildSeparatorTrigger(separator: '_' | '-', prefixes: readonly string[]): string {
  const byLast = new Map<string, string[]>()
  for (const prefix of new Set(prefixes)) {
    if (!/^[A-Za-z0-9_]{2,}$/.test(prefix)) throw new Error(`bad token prefix ${prefix}`)
    const heads = byLast.get(prefix.at(-1) ?? '') ?? []
    heads.push(prefix.slice(0, -1))
    byLast.set(prefix.at(-1) ?? '', heads)
  }
  const branches = [...byLast].map(([last, heads]) =>
    heads.length === 1 ? heads[0] + last : `(?:${heads.join('|')})${last}`
  )
  const lasts = [...byLast.keys()].join('')
  return `${separator}(?<=[${lasts}]${separator})(?<=(?:${branches.join('|')})${separator})`
}

/** Names a token by the first prefix of `types` it starts with. */
export function nameByPrefix(types: Record<string, string>): (token: string) => string {
  const prefixes = Object.keys(types).sort((a, b) => b.length - a.length)
  return (token) => types[prefixes.find((prefix) => token.startsWith(prefix)) ?? '']
}
