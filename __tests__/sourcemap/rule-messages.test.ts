import { describe, expect, it } from '@jest/globals'
import type { Entry } from '../../src/engine/entry.js'
import type { RuleReport } from '../../src/engine/rule.js'
import { sourcemapRule } from '../../src/rules/sourcemap.js'
import { runRule } from '../support/run-rule.js'
import {
  LEAKY_MAP,
  NAMES_ONLY_MAP,
  base64DataUrl,
  firstPartySources,
  mapBuffer,
  mapJson
} from './support/maps.js'

const SMU = 'sourceMappingURL'
const leaky = LEAKY_MAP
const namesOnly = NAMES_ONLY_MAP

describe('sourcemap rule: what the findings say', () => {
  it('counts what an embedding map leaks', () => {
    const [report] = runRule(sourcemapRule, { 'dist/cli.js.map': leaky })
    expect(report?.details).toEqual({
      firstPartyFiles: 2,
      firstPartyLines: 5,
      firstPartyBytes: Buffer.byteLength(
        'const a = "\\"quoted\\""\nconst b = \'\\u00e9\'\nexport function loop() {}\n'
      ),
      thirdPartyFiles: 1,
      samplePaths: ['src/cli.ts', 'src/agent/loop.ts'],
      topDirectories: [
        { directory: 'src', files: 1 },
        { directory: 'src/agent', files: 1 }
      ],
      inline: false
    })
    expect(report?.message).toBe(
      'source map embeds 2 first-party files (5 lines, 68 B) in sourcesContent; anyone can rebuild them: src/cli.ts, src/agent/loop.ts'
    )
  })

  it('states large leaks at a glance', () => {
    const { sources, sourcesContent } = firstPartySources(1912, 40)
    const [report] = runRule(sourcemapRule, {
      'main.js.map': mapBuffer({ sources, sourcesContent })
    })
    expect(report?.message).toMatch(
      /^source map embeds 1,912 first-party files \(76,480 lines, 1\.\d MiB\) in sourcesContent; anyone can rebuild them: src\/file0\.ts, src\/file1\.ts, src\/file2\.ts and 1,909 more$/
    )
    expect(report?.details).toMatchObject({
      samplePaths: sources.slice(0, 5).map((s) => s.slice(3)),
      topDirectories: [{ directory: 'src', files: 1912 }]
    })
  })

  it('marks inline maps and normalises webpack paths', () => {
    const json = mapJson({
      sources: [
        'webpack://shop/./src/pages/cart.tsx',
        'webpack://shop/webpack/runtime/jsonp',
        'webpack://shop/external "react"'
      ],
      sourcesContent: ['export default function Cart() {}', 'rt', 'ext']
    })
    const [report] = runRule(sourcemapRule, {
      'static/app.js': `x()\n//# ${SMU}=${base64DataUrl(json)}`
    })
    expect(report?.message).toMatch(/^inline source map embeds 1 first-party file \(1 line, 33 B\)/)
    expect(report?.details).toMatchObject({
      inline: true,
      thirdPartyFiles: 2,
      samplePaths: ['src/pages/cart.tsx']
    })
  })

  it('says why a map could not be parsed', () => {
    const [report] = runRule(sourcemapRule, { 'lib.map': 'Archive member included\n' })
    expect(report?.message).toBe(
      "source map could not be parsed, so its sources were not audited: not JSON: it starts with 'Archive member included?'"
    )
  })

  it('names the host of a remote map', () => {
    const [report] = runRule(sourcemapRule, {
      'app.js': `//# ${SMU}=//cdn.internal.example/app.js.map`
    })
    expect(report?.details).toEqual({
      url: '//cdn.internal.example/app.js.map',
      host: 'cdn.internal.example',
      remote: true
    })
    expect(report?.message).toContain('host cdn.internal.example')
  })

  it('lists the files of a map without content', () => {
    const [report] = runRule(sourcemapRule, { 'a.js.map': namesOnly })
    expect(report?.message).toBe(
      "source map names 2 sources without first-party sourcesContent (2 first-party: src/cli.ts, src/config.ts); it exposes the project's file layout"
    )
  })

  it('leaves entries it could not read to the walker', () => {
    const reports: RuleReport[] = []
    const visitor = sourcemapRule.create({
      options: { sources: 'private' },
      report: (r) => reports.push(r)
    })
    const big: Entry = { artifact: 'a', path: 'huge.js.map', depth: 0, size: 1e10, kind: 'file' }
    visitor.entry?.({
      artifact: 'a',
      path: 'app.js',
      depth: 0,
      kind: 'file',
      size: 30,
      content: Buffer.from(`//# ${SMU}=huge.js.map`)
    })
    visitor.entry?.(big)
    visitor.end?.(new Set(['app.js', 'huge.js.map']))
    expect(reports).toEqual([])
  })
})
