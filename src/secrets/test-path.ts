/** Folder names whose content is test material: keys found there are reported one level lower. */
const TEST_FOLDERS = new Set([
  'test',
  'tests',
  '__tests__',
  'spec',
  'specs',
  'fixture',
  'fixtures',
  '__fixtures__',
  'example',
  'examples',
  'mock',
  'mocks',
  '__mocks__',
  'testdata',
  '__snapshots__'
])

/** Co-located test files (`auth.test.ts`, `client.spec.js`) and API doc examples (`iam.examples.json`). */
const TEST_FILE = /\.(?:test|spec|examples?)\.[A-Za-z0-9]+$/

/**
 * Whether an entry path (any nesting level, `!/`-joined) lies in a test/fixture/example folder
 * or is a test file. Matching is on whole path components, case-insensitive.
 */
export function isTestPath(path: string): boolean {
  const components = path.split(/!\/|[/\\]/).filter((c) => c !== '')
  const name = components.pop() ?? ''
  return TEST_FILE.test(name) || components.some((c) => TEST_FOLDERS.has(c.toLowerCase()))
}
