import { describe, expect, it } from '@jest/globals'
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
