// Deterministic pseudo-random input for the benchmark: the same seed gives the same bytes on every
// machine, so runs compare like with like. mulberry32: tiny, fast, and good enough for test data.

/** @param {number} seed */
export function createRandom(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  /** @param {number} n */
  const int = (n) => Math.floor(next() * n)
  /** @template T @param {readonly T[]} items @returns {T} */
  const pick = (items) => items[int(items.length)]
  return { next, int, pick }
}

const WORDS = (
  'account agent archive audit batch buffer cache channel client config context cursor delta ' +
  'digest entry event field filter frame handle header index issue item job key layer limit ' +
  'loader message model node offset option owner packet page parser path policy queue record ' +
  'release report request result route rule schema scope session signal source state stream ' +
  'summary table target task token tree user value version worker'
).split(' ')
const VERBS =
  'build check collect create decode encode fetch find format load merge parse read render resolve run scan update write'.split(
    ' '
  )
const TYPES = [
  'string',
  'number',
  'boolean',
  'Buffer',
  'Date',
  'unknown',
  'string[]',
  'Map<string, number>'
]
const PHRASES = [
  'keep the order stable so reports diff cleanly',
  'the server may answer with a partial page; retry once',
  'callers pass ownership of the buffer here',
  'this runs once per entry, so keep it cheap',
  'TODO: remove after the migration → v2',
  'an empty value means "use the default"',
  'see the design notes — section «limits»'
]

const capitalise = (/** @type {string} */ word) => word[0].toUpperCase() + word.slice(1)

/**
 * Code-like TypeScript text (imports, interfaces, functions, quotes, regexes with backslashes,
 * a little non-ASCII), about `targetBytes` long: what real `sourcesContent` looks like to a scanner.
 * @param {ReturnType<typeof createRandom>} random
 * @param {number} targetBytes
 */
export function generateTypeScript(random, targetBytes) {
  const { int, pick } = random
  const id = () => pick(WORDS) + (int(3) === 0 ? capitalise(pick(WORDS)) : '')
  const type = () => capitalise(pick(WORDS)) + capitalise(pick(WORDS))
  const lines = [`import { ${type()}, ${type()} } from '../${pick(WORDS)}/${pick(WORDS)}.js'`, '']
  let size = 0
  while (size < targetBytes) {
    const block = int(4) === 0 ? interfaceBlock(random, type, id) : functionBlock(random, type, id)
    for (const line of block) size += line.length + 1
    lines.push(...block, '')
  }
  return lines.join('\n')
}

/** @param {ReturnType<typeof createRandom>} random @param {() => string} type @param {() => string} id */
function interfaceBlock(random, type, id) {
  const lines = [`/** ${random.pick(PHRASES)} */`, `export interface ${type()} {`]
  for (let i = 2 + random.int(6); i > 0; i--)
    lines.push(`  ${id()}${random.int(3) ? '' : '?'}: ${random.pick(TYPES)}`)
  lines.push('}')
  return lines
}

/** @param {ReturnType<typeof createRandom>} random @param {() => string} type @param {() => string} id */
function functionBlock(random, type, id) {
  const { int, pick } = random
  const name = pick(VERBS) + capitalise(pick(WORDS))
  const lines = [`export function ${name}(${id()}: ${type()}, ${id()}?: number): ${type()} {`]
  for (let i = 3 + int(10); i > 0; i--) {
    switch (int(7)) {
      case 0:
        lines.push(`  // ${pick(PHRASES)}`)
        break
      case 1:
        lines.push(`  if (${id()} === "${pick(WORDS)}") return ${id()}.${pick(VERBS)}()`)
        break
      case 2:
        lines.push(`  const ${id()} = /^[a-z]+\\d*\\.${pick(WORDS)}$/i.test(${id()})`)
        break
      case 3:
        lines.push(`  throw new Error(\`cannot ${pick(VERBS)} ${pick(WORDS)} '\${${id()}}'\\n\`)`)
        break
      default:
        lines.push(
          `  const ${id()} = await ${pick(VERBS)}${capitalise(pick(WORDS))}(${id()}, ${int(1000)})`
        )
    }
  }
  lines.push(`  return ${id()}`, '}')
  return lines
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** A `mappings`-like VLQ string of about `targetBytes`. @param {ReturnType<typeof createRandom>} random @param {number} targetBytes */
export function generateMappings(random, targetBytes) {
  const parts = []
  let size = 0
  while (size < targetBytes) {
    let segment = ''
    for (let i = 4 + random.int(3); i > 0; i--) segment += BASE64[random.int(i === 4 ? 64 : 16)]
    parts.push(segment, random.int(12) === 0 ? ';' : ',')
    size += segment.length + 1
  }
  return parts.join('')
}

/** A short identifier, for `names` and file names. @param {ReturnType<typeof createRandom>} random */
export function generateName(random) {
  return random.pick(WORDS) + capitalise(random.pick(WORDS))
}

export { WORDS, VERBS }
