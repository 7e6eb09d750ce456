import { describe, expect, it } from '@jest/globals'
import { isTestPath } from '../../src/secrets/test-path.js'

describe('isTestPath', () => {
  it.each([
    'test/keys/id_rsa',
    'package/__tests__/auth.ts',
    'pkg/Fixtures/server.pem',
    'a\\specs\\b.js',
    'release.zip!/examples/config.json',
    'testdata!/inner.txt',
    'src/auth.test.ts',
    'lib/client.spec.js',
    'docs/iam.examples.json',
    'src/__snapshots__/x.snap'
  ])('%s is test material', (path) => {
    expect(isTestPath(path)).toBe(true)
  })

  it.each([
    'src/index.js',
    'test',
    'lib/tests',
    'latest/config.json',
    'contest/a.js',
    'tests.zip!/a.js',
    'foo.test.js!/inner/a.js',
    'src/attestation.ts',
    'mockups/a.js',
    'src/example.ts'
  ])('%s is not', (path) => {
    expect(isTestPath(path)).toBe(false)
  })
})
