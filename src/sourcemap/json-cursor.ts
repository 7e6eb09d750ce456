import type { StringStats } from './json-string.js'
import {
  END_OF_INPUT,
  QUOTE,
  decodeJsonString,
  findStringEnd,
  jsonSyntaxError,
  measureString
} from './json-string.js'

/** Guards the explicit stack of `skipValue` against `[[[[…` bombs; real maps nest a few levels. */
const MAX_NESTING_DEPTH = 10_000

/**
 * A forward-only reader over JSON bytes that validates structure and skips values without
 * materialising them: strings are jumped over with `Buffer.indexOf`, so a 60 MB map costs a few
 * native scans instead of a 60 MB parse. Only the small strings a caller asks for are decoded.
 * String contents are not checked for raw control characters; everything else JSON.parse would
 * reject is reported as a `SourceMapSyntaxError` with its byte offset.
 */
export class JsonCursor {
  constructor(
    readonly buf: Buffer,
    public pos: number
  ) {}

  /** The byte at the cursor after skipping whitespace, or -1 at the end. */
  peek(): number {
    const { buf } = this
    let pos = this.pos
    for (let c = buf[pos]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = buf[++pos]);
    this.pos = pos
    return pos < buf.length ? buf[pos] : -1
  }

  /** Consumes `byte` (after whitespace) or fails naming what was expected. */
  expect(byte: number, what: string): void {
    const next = this.peek()
    if (next === -1) this.fail(END_OF_INPUT)
    if (next !== byte) this.fail(`expected ${what}`)
    this.pos++
  }

  /** Consumes `byte` if it comes next; reports whether it did. */
  accept(byte: number): boolean {
    if (this.peek() !== byte) return false
    this.pos++
    return true
  }

  /** Skips the string at the cursor; returns its start (the opening quote). */
  skipString(): number {
    const start = this.pos
    this.pos = findStringEnd(this.buf, start)
    return start
  }

  /** Skips the string at the cursor, returning its decoded line count and UTF-8 size. */
  scanString(): StringStats {
    const stats = measureString(this.buf, this.pos)
    this.pos = stats.end
    return stats
  }

  /** Decodes the (small) string at the cursor. */
  readString(): string {
    const start = this.skipString()
    return decodeJsonString(this.buf, start, this.pos)
  }

  /** Skips any JSON value, validating its structure, without recursion. */
  skipValue(): void {
    const stack: boolean[] = [] // true: inside an object, false: inside an array
    for (;;) {
      const c = this.peek()
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        this.pos++
        const object = c === 0x7b
        if (!this.accept(object ? 0x7d : 0x5d)) {
          if (stack.length >= MAX_NESTING_DEPTH)
            this.fail(`nested deeper than ${MAX_NESTING_DEPTH} levels`)
          stack.push(object)
          if (object) this.skipKey()
          continue
        }
      } else {
        this.skipScalar(c)
      }
      // A value ended: close containers until one continues with a comma.
      for (;;) {
        if (stack.length === 0) return
        const object = stack[stack.length - 1]
        const next = this.peek()
        this.pos++
        if (next === 0x2c /* , */) {
          if (object) this.skipKey()
          break
        }
        if (next !== (object ? 0x7d : 0x5d)) {
          this.pos--
          if (next === -1) this.fail(END_OF_INPUT)
          this.fail(object ? "expected ',' or '}'" : "expected ',' or ']'")
        }
        stack.pop()
      }
    }
  }

  /** Skips `"key":` inside an object. */
  skipKey(): void {
    if (this.peek() !== QUOTE) this.fail('expected a property name')
    this.skipString()
    this.expect(0x3a, "':'")
  }

  /** Reads a number at the cursor (validated like JSON.parse would). */
  readNumber(): number {
    const start = this.pos
    this.skipNumber()
    return Number(this.buf.toString('latin1', start, this.pos))
  }

  fail(problem: string, at = this.pos): never {
    throw jsonSyntaxError(this.buf, problem, at)
  }

  private skipScalar(c: number): void {
    if (c === QUOTE) this.skipString()
    else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) this.skipNumber()
    else if (c === 0x74 /* t */) this.skipLiteral('true')
    else if (c === 0x66 /* f */) this.skipLiteral('false')
    else if (c === 0x6e /* n */) this.skipLiteral('null')
    else this.fail(c === -1 ? END_OF_INPUT : 'expected a value')
  }

  private skipLiteral(word: string): void {
    for (let i = 0; i < word.length; i++) {
      if (this.buf[this.pos + i] !== word.charCodeAt(i)) this.fail(`expected '${word}'`)
    }
    this.pos += word.length
  }

  private skipNumber(): void {
    const { buf } = this
    let pos = this.pos
    if (buf[pos] === 0x2d) pos++
    if (buf[pos] === 0x30) pos++
    else if (isDigit(buf[pos])) while (isDigit(buf[pos])) pos++
    else this.fail('invalid number', pos)
    if (buf[pos] === 0x2e /* . */) {
      if (!isDigit(buf[++pos])) this.fail('invalid number', pos)
      while (isDigit(buf[pos])) pos++
    }
    if (buf[pos] === 0x65 || buf[pos] === 0x45 /* e E */) {
      pos++
      if (buf[pos] === 0x2b || buf[pos] === 0x2d) pos++
      if (!isDigit(buf[pos])) this.fail('invalid number', pos)
      while (isDigit(buf[pos])) pos++
    }
    this.pos = pos
  }
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39
}
