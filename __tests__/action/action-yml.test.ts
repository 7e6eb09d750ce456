import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { TOOL_VERSION } from '../../src/version.js'

const root = new URL('../../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const inputsSource = readFileSync(new URL('src/action/inputs.ts', root), 'utf8')

describe('action.yml, the user-facing contract', () => {
  it('runs the committed bundle on a runtime GitHub supports for new actions', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the action reads, each described', () => {
    const read = [
      ...inputsSource.matchAll(
        /\b(?:optional|list|choice|boolean|withOptional|getInput)\('([a-z-]+)'/g
      )
    ]
      .concat([...inputsSource.matchAll(/optionalChoice\('\w+', '([a-z-]+)'/g)])
      .map((m) => m[1])
    expect(new Set(read)).toEqual(new Set(Object.keys(action.inputs)))
    for (const [name, input] of Object.entries(action.inputs)) {
      expect([name, input.description.length > 10]).toEqual([name, true])
    }
  })

  it('declares the outputs of design.md', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'check-run-id',
        'check-run-url',
        'conclusion',
        'errors',
        'notices',
        'report',
        'sarif',
        'warnings'
      ].sort()
    )
  })

  it('has no default for settings the policy file can also set', () => {
    expect(action.inputs['fail-on']?.default).toBeUndefined()
    expect(action.inputs.sources?.default).toBeUndefined()
  })

  it('lists every input in .env.example for local runs', () => {
    const example = readFileSync(new URL('.env.example', root), 'utf8')
    const listed = [...example.matchAll(/^INPUT_([A-Z-]+)=/gm)].map((m) => m[1]?.toLowerCase())
    expect(new Set(listed)).toEqual(new Set(Object.keys(action.inputs)))
  })

  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      version: string
    }
    expect(TOOL_VERSION).toBe(pkg.version)
  })
})
