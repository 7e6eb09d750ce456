import { createHash } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { sourcemapRule } from '../../src/rules/sourcemap.js'
import { runRule } from '../support/run-rule.js'
import { base64DataUrl, mapBuffer, mapJson } from './support/maps.js'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const CLI = 'import { run } from "./run.js"\nrun(process.argv)\n'
const RUN = "export function run(argv: string[]) {\n  console.log('héllo', argv)\n}\n"
const SECRET = 'export const internalOnly = true\n'

/** The checkout of the public repository: repo-relative path → sha256 of the file. */
const repository = new Map([
  ['packages/cli/src/cli.ts', sha256(CLI)],
  ['packages/cli/src/run.ts', sha256(RUN)],
  ['README.md', sha256('# cli\n')]
])

const publicMap = mapBuffer({
  sources: ['webpack://cli/./src/cli.ts', '../src/run.ts', '../node_modules/tslib/tslib.js'],
  sourcesContent: [CLI, RUN, 'third party, never compared']
})

describe('sourcemap rule with sources: public', () => {
  it('lowers the finding to a notice when every embedded source is in the repository', () => {
    const [report] = runRule(
      sourcemapRule,
      { 'dist/cli.js.map': publicMap },
      { sources: 'public', publicSources: repository }
    )
    expect(report).toMatchObject({ rule: 'sourcemap/embedded-source', severity: 'notice' })
    expect(report?.message).toMatch(
      /; all 2 embedded sources match files in this public repository$/
    )
    expect(report?.details).toMatchObject({
      publicFiles: 2,
      unpublishedFiles: 0,
      unpublishedSamplePaths: []
    })
  })

  it.each([
    ['a file the repository does not have', ['../src/secret.ts', SECRET], 'src/secret.ts'],
    [
      'a tracked path whose content differs',
      ['../src/run.ts', `${RUN}// local change\n`],
      'src/run.ts'
    ]
  ])('keeps the severity and lists %s', (_name, [extraSource, extraText], listed) => {
    const content = mapBuffer({
      sources: ['webpack://cli/./src/cli.ts', extraSource],
      sourcesContent: [CLI, extraText]
    })
    const [report] = runRule(
      sourcemapRule,
      { 'dist/cli.js.map': content },
      { sources: 'public', publicSources: repository }
    )
    expect(report?.severity).toBeUndefined()
    expect(report?.message).toMatch(
      new RegExp(`; 1 of them is not in this public repository: ${listed}$`)
    )
    expect(report?.details).toMatchObject({
      publicFiles: 1,
      unpublishedFiles: 1,
      unpublishedSamplePaths: [listed]
    })
  })

  it('matches absolute build paths and inline maps too', () => {
    const json = mapJson({
      sources: ['file:///home/runner/work/repo/packages/cli/src/cli.ts'],
      sourcesContent: [CLI]
    })
    const [report] = runRule(
      sourcemapRule,
      { 'dist/cli.js': `run()\n//# sourceMappingURL=${base64DataUrl(json)}` },
      { sources: 'public', publicSources: repository }
    )
    expect(report).toMatchObject({ severity: 'notice', line: 2 })
  })

  it.each([
    ['sources: private', { sources: 'private' as const, publicSources: repository }],
    ['no checkout to compare with', { sources: 'public' as const }]
  ])('keeps the error with %s', (_name, options) => {
    const [report] = runRule(sourcemapRule, { 'dist/cli.js.map': publicMap }, options)
    expect(report?.severity).toBeUndefined()
    expect(report?.message).toMatch(/anyone can rebuild them/)
  })
})
