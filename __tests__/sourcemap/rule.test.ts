import { describe, expect, it } from '@jest/globals'
import type { RuleReport } from '../../src/engine/rule.js'
import { sourcemapRule } from '../../src/rules/sourcemap.js'
import type { EntrySpec } from '../support/run-rule.js'
import { runRule } from '../support/run-rule.js'
import {
  LEAKY_MAP,
  NAMES_ONLY_MAP,
  base64DataUrl,
  indexMapBuffer,
  mapBuffer,
  percentDataUrl
} from './support/maps.js'

const SMU = 'sourceMappingURL'

/** The parts of a report a case pins down: rule, path, severity override, line. */
function brief(report: RuleReport) {
  return {
    rule: report.rule,
    path: report.entry.path,
    ...(report.severity ? { severity: report.severity } : {}),
    ...(report.line !== undefined ? { line: report.line } : {})
  }
}

const leaky = LEAKY_MAP
const namesOnly = NAMES_ONLY_MAP

describe('sourcemap rule: which finding for which file', () => {
  it.each<[string, Record<string, EntrySpec>, ReturnType<typeof brief>[]]>([
    [
      'a map embedding first-party source',
      { 'dist/cli.js.map': leaky },
      [{ rule: 'sourcemap/embedded-source', path: 'dist/cli.js.map' }]
    ],
    [
      'a map without sourcesContent',
      { 'dist/cli.js.map': namesOnly },
      [{ rule: 'sourcemap/file', path: 'dist/cli.js.map' }]
    ],
    [
      'a map whose sourcesContent is all null',
      { 'a.js.map': mapBuffer({ sources: ['src/a.ts'], sourcesContent: [null] }) },
      [{ rule: 'sourcemap/file', path: 'a.js.map' }]
    ],
    [
      'a map embedding only third-party and runtime sources',
      {
        'a.js.map': mapBuffer({
          sources: [
            'webpack://app/webpack/bootstrap',
            'webpack://app/./node_modules/react/index.js'
          ],
          sourcesContent: ['boot', 'react']
        })
      },
      [{ rule: 'sourcemap/file', path: 'a.js.map' }]
    ],
    [
      'an index map',
      {
        'a.js.map': indexMapBuffer([
          { sources: ['x.ts'] },
          { sources: ['y.ts'], sourcesContent: ['y'] }
        ])
      },
      [{ rule: 'sourcemap/embedded-source', path: 'a.js.map' }]
    ],
    [
      'a map named .json, recognised by content',
      { 'maps/foo.json': leaky },
      [{ rule: 'sourcemap/embedded-source', path: 'maps/foo.json' }]
    ],
    [
      'a map with no extension at all',
      { 'bundle-map': leaky },
      [{ rule: 'sourcemap/embedded-source', path: 'bundle-map' }]
    ],
    [
      'a .map that is not JSON',
      { 'lib.map': 'Archive member included to satisfy reference\n' },
      [{ rule: 'sourcemap/file', path: 'lib.map' }]
    ],
    [
      'a truncated .map',
      { 'a.js.map': leaky.subarray(0, 60) },
      [{ rule: 'sourcemap/file', path: 'a.js.map' }]
    ],
    [
      'JSON that is not a map, even when it mentions map keys',
      {
        'package.json': '{"name":"x","version":"1.0.0"}',
        'data.json': '{"a":{"version":3,"sources":[],"mappings":""}}'
      },
      []
    ],
    [
      'broken JSON that has the keys of a map',
      { 'data.json': '{"version":3,"sources":[],"mappings":"AAAA' },
      [{ rule: 'sourcemap/file', path: 'data.json' }]
    ],
    [
      'an inline base64 map in JS',
      { 'dist/app.js': `a()\n//# ${SMU}=${base64DataUrl(leaky.toString())}\n` },
      [{ rule: 'sourcemap/embedded-source', path: 'dist/app.js', line: 2 }]
    ],
    [
      'an inline URL-encoded map in CSS',
      { 'dist/app.css': `a{}\n\n/*# ${SMU}=${percentDataUrl(leaky.toString())} */` },
      [{ rule: 'sourcemap/embedded-source', path: 'dist/app.css', line: 3 }]
    ],
    [
      'an inline map without content',
      { 'app.js': `a()\n//# ${SMU}=${base64DataUrl(namesOnly.toString())}` },
      [{ rule: 'sourcemap/file', path: 'app.js', line: 2 }]
    ],
    [
      'an inline map that is not a map',
      {
        'app.js': `a()\n//# ${SMU}=data:application/json;base64,${Buffer.from('<html>').toString('base64')}`
      },
      [{ rule: 'sourcemap/file', path: 'app.js', line: 2 }]
    ],
    [
      'a reference to a map in the artifact',
      { 'dist/app.js': `//# ${SMU}=app.js.map`, 'dist/app.js.map': namesOnly },
      [{ rule: 'sourcemap/file', path: 'dist/app.js.map' }]
    ],
    [
      'a reference to a map that is missing',
      { 'dist/app.js': `a()\n//# ${SMU}=app.js.map\n` },
      [{ rule: 'sourcemap/reference', path: 'dist/app.js', line: 2 }]
    ],
    [
      'a reference resolved inside a nested archive',
      {
        'pkg.tgz!/package/dist/app.js': `//# ${SMU}=../maps/app.js.map?v=3`,
        'pkg.tgz!/package/maps/app.js.map': namesOnly,
        'pkg.tgz!/package/dist/lost.js': `//# ${SMU}=lost.js.map`
      },
      [
        { rule: 'sourcemap/file', path: 'pkg.tgz!/package/maps/app.js.map' },
        { rule: 'sourcemap/reference', path: 'pkg.tgz!/package/dist/lost.js', line: 1 }
      ]
    ],
    [
      'a root-relative reference matched by suffix',
      {
        'build/static/js/main.js': `//# ${SMU}=/static/js/main.js.map`,
        'build/static/js/main.js.map': namesOnly
      },
      [{ rule: 'sourcemap/file', path: 'build/static/js/main.js.map' }]
    ],
    [
      'a percent-encoded file name',
      { 'my app.js': `//# ${SMU}=my%20app.js.map`, 'my app.js.map': namesOnly },
      [{ rule: 'sourcemap/file', path: 'my app.js.map' }]
    ],
    [
      'a remote map',
      { 'app.js': `//# ${SMU}=https://maps.corp.example:8443/app.js.map` },
      [{ rule: 'sourcemap/reference', path: 'app.js', severity: 'warning', line: 1 }]
    ],
    [
      'a referenced file that is not a map',
      { 'app.js': `//# ${SMU}=app.js.txt`, 'app.js.txt': 'hello' },
      [{ rule: 'sourcemap/file', path: 'app.js.txt' }]
    ],
    [
      'a d.ts with its declaration map missing',
      { 'index.d.ts': `export {}\n//# ${SMU}=index.d.ts.map` },
      [{ rule: 'sourcemap/reference', path: 'index.d.ts', line: 2 }]
    ],
    [
      'a JS file that only builds a comment',
      { 'tool.js': `emit('//# ${SMU}=' + name + '.map')` },
      []
    ]
  ])('%s', (_name, tree, expected) => {
    expect(runRule(sourcemapRule, tree).map(brief)).toEqual(expected)
  })
})

describe('declaration maps', () => {
  it('reports a .d.ts.map without sourcesContent as a notice, a .js.map as a warning', () => {
    const map = JSON.stringify({
      version: 3,
      sources: ['../src/a.ts'],
      mappings: 'AAAA',
      names: []
    })
    const reports = runRule(sourcemapRule, { 'dist/a.d.ts.map': map, 'dist/a.js.map': map })
    expect(reports.map((r) => [r.entry.path, r.rule, r.severity ?? 'default'])).toEqual([
      ['dist/a.d.ts.map', 'sourcemap/file', 'notice'],
      ['dist/a.js.map', 'sourcemap/file', 'default']
    ])
    expect(reports[0]?.message).toContain('declaration map')
  })
})

describe('code that writes sourceMappingURL comments, and empty maps', () => {
  it('ignores a template literal that builds an inline map or a map URL at run time', () => {
    const code =
      'export function attach(code, b, css) {\n' +
      '  return code + `\\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${b}`\n' +
      '}\n' +
      'css.code += `\\n/*# sourceMappingURL=${css.map.toUrl()} */`\n'
    expect(runRule(sourcemapRule, { 'lib/inline.js': code })).toEqual([])
  })

  it("finds the maps webpack's eval-source-map writes inside eval strings", () => {
    const evalModule = (name: string) => {
      const url = base64DataUrl(leaky.toString())
      return `"./src/${name}.ts": ((m) => { eval("m.exports = 1;\\n\\n//# ${SMU}=${url}\\n//# sourceURL=webpack-internal:///./src/${name}.ts\\n"); })`
    }
    const bundle = `var __modules = {\n${evalModule('a')},\n${evalModule('b')}\n};\n`
    expect(runRule(sourcemapRule, { 'dist/main.js': bundle }).map(brief)).toEqual([
      { rule: 'sourcemap/embedded-source', path: 'dist/main.js', line: 2 },
      { rule: 'sourcemap/embedded-source', path: 'dist/main.js', line: 3 }
    ])
  })

  it('finds inline maps of the scripts and styles in an HTML page', () => {
    const url = base64DataUrl(leaky.toString())
    const page =
      '<!doctype html>\n<style>a{}\n/*# ' +
      SMU +
      '=' +
      url +
      ' */</style>\n' +
      `<script>app()\n//# ${SMU}=${url}</script>\n` +
      `<script src="x.js"></script>\n`
    expect(runRule(sourcemapRule, { 'dist/index.html': page }).map(brief)).toEqual([
      { rule: 'sourcemap/embedded-source', path: 'dist/index.html', line: 3 },
      { rule: 'sourcemap/embedded-source', path: 'dist/index.html', line: 5 }
    ])
  })

  it('ignores code that builds an inline map in a string without a payload', () => {
    const code =
      'const c = "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + btoa(json);\n' +
      `const d = "//# ${SMU}=data:application/json;base64,AAAA\\n";\n` +
      `const e = "//# ${SMU}=data:application/json;base64,${Buffer.from('<'.repeat(60)).toString('base64')}";\n`
    expect(runRule(sourcemapRule, { 'lib/inline.js': code })).toEqual([])
  })

  it('reports a map with no sources as a notice', () => {
    const map = JSON.stringify({ version: 3, sources: [], mappings: '' })
    const [report] = runRule(sourcemapRule, { 'build/index.js.map': map })
    expect([report?.rule, report?.severity, report?.message]).toEqual([
      'sourcemap/file',
      'notice',
      'source map lists no sources'
    ])
  })
})
