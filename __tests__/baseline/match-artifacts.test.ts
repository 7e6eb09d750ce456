import { describe, expect, it } from '@jest/globals'
import { matchArtifacts, normaliseArtifactName } from '../../src/baseline/match-artifacts.js'
import type { ArtifactSummary } from '../../src/engine/report.js'

const artifact = (name: string): ArtifactSummary => ({ name, source: 'path', files: 0, bytes: 0 })
const pairNames = (current: string[], baseline: string[]) =>
  matchArtifacts(current.map(artifact), baseline.map(artifact)).map((p) => [
    p.current?.name ?? null,
    p.baseline?.name ?? null
  ])

describe('normaliseArtifactName', () => {
  it.each([
    ['pkg-1.2.0.tgz', 'pkg-#.tgz'],
    ['pkg-1.3.0.tgz', 'pkg-#.tgz'],
    ['my-app-v2.10.zip', 'my-app-#.zip'],
    ['tool-1.0.0-rc.1-linux.tar.gz', 'tool-#-linux.tar.gz'],
    ['tool-1.0.0-beta2-linux.tar.gz', 'tool-#-linux.tar.gz'],
    ['dist', 'dist']
  ])('%s → %s', (name, expected) => {
    expect(normaliseArtifactName(name)).toBe(expected)
  })
})

describe('matchArtifacts', () => {
  it.each([
    {
      name: 'same names',
      current: ['dist', 'docs'],
      baseline: ['docs', 'dist'],
      pairs: [
        ['dist', 'dist'],
        ['docs', 'docs']
      ]
    },
    {
      name: 'version numbers differ',
      current: ['pkg-1.3.0.tgz', 'pkg-1.3.0-linux.zip'],
      baseline: ['pkg-1.2.0-linux.zip', 'pkg-1.2.0.tgz'],
      pairs: [
        ['pkg-1.3.0.tgz', 'pkg-1.2.0.tgz'],
        ['pkg-1.3.0-linux.zip', 'pkg-1.2.0-linux.zip']
      ]
    },
    {
      name: 'one artifact on each side, unrelated names',
      current: ['dist'],
      baseline: ['pkg-1.2.0.tgz'],
      pairs: [['dist', 'pkg-1.2.0.tgz']]
    },
    {
      name: 'a folder in front of the name',
      current: ['build/out/pkg-2.0.0.tgz', 'app.zip'],
      baseline: ['pkg-1.9.9.tgz', 'app.zip'],
      pairs: [
        ['build/out/pkg-2.0.0.tgz', 'pkg-1.9.9.tgz'],
        ['app.zip', 'app.zip']
      ]
    },
    {
      name: 'new and gone artifacts stay unpaired',
      current: ['a.zip', 'b.zip', 'new.zip'],
      baseline: ['a.zip', 'b.zip', 'gone.zip', 'also-gone.zip'],
      pairs: [
        ['a.zip', 'a.zip'],
        ['b.zip', 'b.zip'],
        ['new.zip', null],
        [null, 'gone.zip'],
        [null, 'also-gone.zip']
      ]
    },
    {
      name: 'ambiguous normalised names are not guessed',
      current: ['x-1.0.zip', 'x-2.0.zip'],
      baseline: ['x-0.9.zip', 'y.zip'],
      pairs: [
        ['x-1.0.zip', null],
        ['x-2.0.zip', null],
        [null, 'x-0.9.zip'],
        [null, 'y.zip']
      ]
    }
  ])('$name', ({ current, baseline, pairs }) => {
    expect(pairNames(current, baseline)).toEqual(pairs)
  })
})
