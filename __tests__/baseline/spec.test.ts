import { describe, expect, it } from '@jest/globals'
import { parseBaselineSpec } from '../../src/baseline/spec.js'

describe('parseBaselineSpec', () => {
  it.each([
    ['npm:left-pad@1.3.0', { kind: 'npm', name: 'left-pad', version: '1.3.0' }],
    ['npm:left-pad', { kind: 'npm', name: 'left-pad', version: 'latest' }],
    ['npm:left-pad@next', { kind: 'npm', name: 'left-pad', version: 'next' }],
    ['npm:left-pad@^1.2', { kind: 'npm', name: 'left-pad', version: '^1.2' }],
    ['npm:@scope/pkg@2.0.0-rc.1', { kind: 'npm', name: '@scope/pkg', version: '2.0.0-rc.1' }],
    ['npm:@scope/pkg', { kind: 'npm', name: '@scope/pkg', version: 'latest' }],
    [' npm:JSONStream@1.3.5 ', { kind: 'npm', name: 'JSONStream', version: '1.3.5' }],
    ['auto', { kind: 'auto' }],
    ['previous/pkg-1.2.0.tgz', { kind: 'path', path: 'previous/pkg-1.2.0.tgz' }],
    ['./last-report.json', { kind: 'path', path: './last-report.json' }]
  ])('%s', (spec, expected) => {
    expect(parseBaselineSpec(spec)).toEqual(expected)
  })

  it.each([
    ['', /empty/],
    ['npm:', /'' is not an npm package name/],
    ['npm:../evil', /not an npm package name/],
    ['npm:git+ssh://git@host/x.git', /not an npm package name/],
    ['npm:https://example.test/x.tgz', /not an npm package name/],
    ['npm:pkg@--registry=http://evil', /not a version, range or dist-tag of pkg/],
    ['npm:pkg@', /not a version/],
    ['npm:pkg@file:../x', /not a version/]
  ])('rejects %j', (spec, reason) => {
    const parsed = parseBaselineSpec(spec)
    expect(parsed.kind).toBe('invalid')
    expect(parsed.kind === 'invalid' && parsed.reason).toMatch(reason)
  })
})
