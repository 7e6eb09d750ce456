import { isPlaceholder } from '../../rules/placeholder.js'
import { looksRandom, shannonEntropy } from '../entropy.js'
import { isNonSecretAssignment } from '../generic-filters.js'
import type { Candidate, Detector } from '../types.js'
import { caseless } from './token-detector.js'

const KEN_OR_KEY = `${caseless('ke')}[NnYy]`
const ORD_OR_D = `(?:${caseless('ord')}|${caseless('d')})`
/** Blanks allowed between a name and its `=`/`:` (aligned columns in config files). */
const MAX_PADDING = 64

/**
 * Names whose assigned value is a credential (password, passwd, secret, token, api_key, apikey),
 * shared by the AWS-secret and generic detectors. Each is anchored on a rare letter of the word
 * (`k`, `cr`, `w`) and checked backwards, which keeps the prefilter several times faster than
 * starting on `t`, `s` or `p`; the letters after the anchor are matched before the lookbehind,
 * which V8 tests several at a time. A hit starts at the anchor and ends where the keyword ends.
 */
const KEYWORDS = [
  `${KEN_OR_KEY}(?<=(?:${caseless('to')}|${caseless('api')}[_-]?)${KEN_OR_KEY})`,
  `${caseless('cret')}(?<=${caseless('secret')})`,
  `${caseless('w')}${ORD_OR_D}(?<=${caseless('passw')}${ORD_OR_D})`
].join('|')
/**
 * What `NAME_AND_OPERATOR` needs after the keyword, looked for ahead: most mentions of a keyword
 * in code assign nothing (`token?: string` passes, `getToken()` does not), and ruling them out in
 * the prefilter is far cheaper than confirming each. It also accepts the raw JSON spelling of
 * the same text (`\"` for a quote, `\t` for a tab), so it holds on a map's undecoded sources.
 */
const ASSIGNMENT_AHEAD = `(?=[A-Za-z0-9_.-]{0,24}(?:\\\\?["']\\]?|\\])?(?:[ \\t]|\\\\t){0,${MAX_PADDING}}[=:])`
const KEYWORD_TRIGGER = `(?:${KEYWORDS})${ASSIGNMENT_AHEAD}`

/**
 * The rest of the name after the keyword, then an assignment: `…_KEY = `, `Token": `, `secret:`,
 * `headers["x-api-key"] = `.
 */
const NAME_AND_OPERATOR = new RegExp(
  `([A-Za-z0-9_.-]{0,24})(?:["']\\]?|\\])?[ \\t]{0,${MAX_PADDING}}(===?|=>|:=|=|:)[ \\t]*`,
  'y'
)
const QUOTED_VALUE = /(["'`])([^\s"'`\\]{1,200})\1/y
/** Unquoted values run to the end of the line (or a comment, or the next `&` parameter). */
const BARE_VALUE = /[^\s"'`\\;,&<>(){}[\]]{1,200}(?=[ \t]*(?:$|#)|&)/my
const NAME_CHAR = /[A-Za-z0-9_.-]/
/** How far back a name or a line start is looked for (minified lines run to megabytes). */
const MAX_LOOKBACK_CHARS = 64

/** Whether only indentation (and `export `/`set `) stands between the line start and `index`. */
function isAtLineStart(text: string, index: number): boolean {
  const from = Math.max(0, index - MAX_LOOKBACK_CHARS)
  const before = text.slice(from, index)
  return (
    from === 0 ? /(?:^|\n)[ \t]*(?:(?:export|set)[ \t]+)?$/ : /\n[ \t]*(?:(?:export|set)[ \t]+)?$/
  ).test(before)
}

interface Assignment {
  name: string
  value: string
  valueStart: number
}

/**
 * Reads `name = value` around a keyword ending at `keywordEnd`, in code, JSON, YAML, env or
 * query-string form.
 */
function readAssignment(text: string, keywordEnd: number): Assignment | undefined {
  NAME_AND_OPERATOR.lastIndex = keywordEnd
  const head = NAME_AND_OPERATOR.exec(text)
  if (head === null) return undefined
  let nameStart = keywordEnd
  const nameLimit = Math.max(0, keywordEnd - MAX_LOOKBACK_CHARS)
  while (nameStart > nameLimit && NAME_CHAR.test(text[nameStart - 1])) nameStart--
  const name = text.slice(nameStart, keywordEnd) + head[1]
  const valueAt = keywordEnd + head[0].length
  QUOTED_VALUE.lastIndex = valueAt
  const quoted = QUOTED_VALUE.exec(text)
  if (quoted !== null) return { name, value: quoted[2], valueStart: valueAt + 1 }
  // Unquoted values only where code cannot be: `KEY=value` lines (env, ini, YAML) and `?token=…`.
  const inQuery =
    head[2] === '=' && /[?&]/.test(text[nameStart - 1] ?? '') && text[nameStart - 2] !== '&'
  if (!inQuery && !isAtLineStart(text, nameStart)) return undefined
  BARE_VALUE.lastIndex = valueAt
  const bare = BARE_VALUE.exec(text)
  return bare === null ? undefined : { name, value: bare[0], valueStart: valueAt }
}

const MIN_AWS_SECRET_ENTROPY_BITS = 4

export const awsSecretKey: Detector = {
  rule: 'secret/aws-secret-key',
  trigger: KEYWORD_TRIGGER,
  priority: 2,
  lineLocal: true,
  confirm(text: string, _at: number, end: number): Candidate | undefined {
    if (!/^secret$/i.test(text.slice(end - 6, end))) return undefined
    const assignment = readAssignment(text, end)
    if (assignment === undefined || !/^[A-Za-z0-9/+]{40}$/.test(assignment.value)) return undefined
    const { name, value, valueStart } = assignment
    if (!/aws|secret[_.-]?access[_.-]?key/i.test(name)) return undefined
    if (isPlaceholder(value) || shannonEntropy(value) < MIN_AWS_SECRET_ENTROPY_BITS)
      return undefined
    return {
      start: valueStart,
      end: valueStart + 40,
      value,
      type: 'AWS secret access key',
      severity: 'error'
    }
  }
}

export const genericSecret: Detector = {
  rule: 'secret/generic',
  trigger: KEYWORD_TRIGGER,
  priority: 1,
  lineLocal: true,
  confirm(text: string, _at: number, end: number): Candidate | undefined {
    const assignment = readAssignment(text, end)
    if (assignment === undefined) return undefined
    const { name, value, valueStart } = assignment
    if (isPlaceholder(value) || !looksRandom(value) || isNonSecretAssignment(name, value)) {
      return undefined
    }
    return {
      start: valueStart,
      end: valueStart + value.length,
      value,
      type: `random-looking value assigned to ${name}`,
      severity: 'warning'
    }
  }
}

const NPMRC_AUTH = /_(authToken|auth|password)[ \t]*=[ \t]*([^\s#;]+)/y
const MIN_NPMRC_VALUE_CHARS = 8
/** Drops words such as `MYTOKEN1`; a legacy UUID token scores ~3.7, base64 of `user:pass` over 3. */
const MIN_NPMRC_ENTROPY_BITS = 3

/** `//registry.npmjs.org/:_authToken=…`, `_auth=…`, `_password=…` in .npmrc syntax, anywhere. */
export const npmrcAuth: Detector = {
  rule: 'secret/npmrc-auth',
  trigger: '_(?=auth|password)',
  priority: 2,
  confirm(text: string, at: number): Candidate | undefined {
    if (text[at - 1] !== ':' && !isAtLineStart(text, at)) return undefined
    NPMRC_AUTH.lastIndex = at
    const match = NPMRC_AUTH.exec(text)
    if (match === null) return undefined
    const raw = match[2]
    const value = raw.replace(/^["']|["']$/g, '')
    if (value.length < MIN_NPMRC_VALUE_CHARS || isPlaceholder(value)) return undefined
    if (shannonEntropy(value) < MIN_NPMRC_ENTROPY_BITS) return undefined
    const start = at + match[0].length - raw.length
    return {
      start,
      end: start + raw.length,
      value,
      type: `registry credential in .npmrc syntax (_${match[1]})`,
      severity: 'error'
    }
  }
}
