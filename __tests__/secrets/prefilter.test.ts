import { describe, expect, it } from '@jest/globals'
import { DETECTORS } from '../../src/secrets/detectors/index.js'
import { buildPrefilter } from '../../src/secrets/prefilter.js'
import type { Detector } from '../../src/secrets/types.js'

const detector = (rule: string, trigger: string): Detector => ({
  rule,
  trigger,
  priority: 3,
  confirm: () => undefined
})

describe('buildPrefilter', () => {
  it('merges triggers that open with the same plain character into one group', () => {
    const a = detector('a', '_(?<=ab_)')
    const b = detector('b', '_(?=cd)')
    const c = detector('c', '[Xx]y')
    const d = detector('d', '[Xx]y')
    const { regex, groups } = buildPrefilter([a, b, c, d])
    expect(regex.source).toBe('(_(?:(?<=ab_)|(?=cd)))|([Xx]y)')
    expect(groups).toEqual([
      [a, b],
      [c, d]
    ])
    const hits = [...'ab_cd xy'.matchAll(regex)].map((m) => [
      m.index,
      m.findIndex((v, i) => i > 0 && v)
    ])
    expect(hits).toEqual([
      [2, 1],
      [6, 2]
    ])
  })

  it.each([
    ['a capturing group', '_(a)'],
    ['a top-level alternation', '_a|b']
  ])('rejects a trigger with %s', (_name, trigger) => {
    expect(() => buildPrefilter([detector('x', trigger)])).toThrow(/secret trigger/)
  })
})

describe('the keyword trigger', () => {
  const { regex } = buildPrefilter(DETECTORS)
  const hits = (text: string) => [...text.matchAll(regex)].map((m) => m.index)

  it.each([
    ['a call', 'const value = getToken(request)'],
    ['a longer word', 'tokenizer.next(); apiKeyring.open(); passwordless()'],
    ['prose', 'Enter your password below, then press the token button'],
    ['a name more than 24 characters past the keyword', 'secret_value_with_a_very_long_suffix = x']
  ])('has no hit on a keyword that assigns nothing: %s', (_name, text) => {
    expect(hits(text)).toEqual([])
  })

  it.each([
    ['code', 'const token = x', 8],
    ['a type annotation', '  apiKey: string', 5],
    ['JSON', '{"client_secret": 1}', 11],
    ['an index', 'h["x-api-key"] = 1', 9],
    ['raw JSON of a JSON string', String.raw`{\"password\"\t: 1}`, 7],
    ['a comparison', 'if (token === x)', 6]
  ])('hits where an assignment follows: %s', (_name, text, at) => {
    expect(hits(text)).toEqual([at])
  })
})
