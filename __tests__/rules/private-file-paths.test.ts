import { describe, expect, it } from '@jest/globals'
import { splitEntryPath } from '../../src/rules/private-file-paths.js'

describe('splitEntryPath', () => {
  it.each([
    ['package/dist/.env', '', ['package', 'dist', '.env']],
    ['c:\\users\\ci\\.npmrc', '', ['c:', 'users', 'ci', '.npmrc']],
    ['a//b/./c/', '', ['a', 'b', 'c']],
    ['/abs/./x', '', ['abs', 'x']],
    ['release.zip!/inner.tgz!/package/.npmrc', 'release.zip!/inner.tgz!/', ['package', '.npmrc']],
    ['mixed/dir\\sub/File.PEM', '', ['mixed', 'dir', 'sub', 'File.PEM']]
  ])('%s', (path, outer, components) => {
    const parts = splitEntryPath(path)
    expect(parts).toEqual({
      outer,
      components,
      name: components.at(-1),
      lowerName: components.at(-1)?.toLowerCase()
    })
  })
})
