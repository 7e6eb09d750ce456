import { describe, expect, it } from '@jest/globals'
import { alignPaths } from '../../src/baseline/align-paths.js'

describe('alignPaths', () => {
  it.each([
    {
      name: 'npm tarball against npm tarball',
      before: ['package/a.js', 'package/lib/b.js'],
      after: ['package/a.js', 'package/lib/b.js'],
      expected: { before: ['a.js', 'lib/b.js'], after: ['a.js', 'lib/b.js'] }
    },
    {
      name: 'renamed root folder',
      before: ['my-app-1.2.0/a.js', 'my-app-1.2.0/lib/b.js'],
      after: ['my-app-1.3.0/a.js', 'my-app-1.3.0/lib/b.js'],
      expected: { before: ['a.js', 'lib/b.js'], after: ['a.js', 'lib/b.js'] }
    },
    {
      name: 'tarball against the folder it was packed from',
      before: ['package/a.js', 'package/lib/b.js'],
      after: ['a.js', 'lib/b.js'],
      expected: { before: ['a.js', 'lib/b.js'], after: ['a.js', 'lib/b.js'] }
    },
    {
      name: 'folder holding only dist/ against a tarball (dist/ must stay)',
      before: ['package/dist/a.js', 'package/dist/b.js'],
      after: ['dist/a.js', 'dist/b.js', 'dist/c.js'],
      expected: {
        before: ['dist/a.js', 'dist/b.js'],
        after: ['dist/a.js', 'dist/b.js', 'dist/c.js']
      }
    },
    {
      name: './ prefixes from `tar -C dir .`',
      before: ['./a.js', './lib/b.js'],
      after: ['a.js', 'lib/b.js'],
      expected: { before: ['a.js', 'lib/b.js'], after: ['a.js', 'lib/b.js'] }
    },
    {
      name: 'roots inside nested archives, per level',
      before: [
        'pkg-1.0/inner.tgz',
        'pkg-1.0/inner.tgz!/package/x.js',
        'pkg-1.0/inner.tgz!/package/y.js'
      ],
      after: [
        'pkg-1.1/inner.tgz',
        'pkg-1.1/inner.tgz!/other/x.js',
        'pkg-1.1/inner.tgz!/other/y.js'
      ],
      expected: {
        before: ['inner.tgz', 'inner.tgz!/x.js', 'inner.tgz!/y.js'],
        after: ['inner.tgz', 'inner.tgz!/x.js', 'inner.tgz!/y.js']
      }
    },
    {
      name: 'no shared root: nothing stripped',
      before: ['README.md', 'lib/a.js'],
      after: ['README.md', 'lib/a.js'],
      expected: { before: ['README.md', 'lib/a.js'], after: ['README.md', 'lib/a.js'] }
    },
    {
      name: 'a side with no files (new nested archive) still loses its root',
      before: [],
      after: ['package/a.js', 'package/b.js'],
      expected: { before: [], after: ['a.js', 'b.js'] }
    }
  ])('$name', ({ before, after, expected }) => {
    const normalise = alignPaths(before, after)
    expect(before.map(normalise.before)).toEqual(expected.before)
    expect(after.map(normalise.after)).toEqual(expected.after)
  })

  it('normalises paths it was not built from (directories, finding paths) the same way', () => {
    const normalise = alignPaths(['package/a.js'], ['release/a.js', 'release/b.js'])
    expect(normalise.after('release/.git/')).toBe('.git/')
    expect(normalise.before('package/dist/x.js.map')).toBe('dist/x.js.map')
    expect(normalise.after('')).toBe('')
    expect(normalise.after('elsewhere/x')).toBe('elsewhere/x')
  })

  it('survives a hostile path nested 100,000 levels deep', () => {
    const deep = `package/a${'!/package/a'.repeat(100_000)}`
    const normalise = alignPaths([deep], [deep])
    expect(normalise.before(deep)).toBe(normalise.after(deep))
    expect(normalise.after(deep).startsWith('a!/a!/')).toBe(true)
  })
})
