import { PolicyError } from '../../src/policy/errors.js'
import type { Policy } from '../../src/policy/schema.js'
import { parsePolicy } from '../../src/policy/schema.js'

export const POLICY_FILE = '.github/release-audit.yml'

/** Lines joined with newlines, so positions in a test read off the array index + 1. */
export function yamlOf(...lines: string[]): string {
  return `${lines.join('\n')}\n`
}

export function parse(text: string): Policy {
  return parsePolicy(text, POLICY_FILE)
}

/** The PolicyError a text must raise; fails the test when it parses. */
export function parseError(text: string): PolicyError {
  try {
    parse(text)
  } catch (error) {
    if (error instanceof PolicyError) return error
    throw error
  }
  throw new Error(`expected a PolicyError for:\n${text}`)
}
