/** Folder names whose content is test material: keys found there are reported one level lower. */
const TEST_FOLDERS = [
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
]

/** One of them as a whole path component that has a component after it (`/`, `\\`, `!/`). */
const TEST_FOLDER = new RegExp(`(?:^|[/\\\\])(?:${TEST_FOLDERS.join('|')})(?:[/\\\\]|!/)`, 'i')

/** Co-located test files (`auth.test.ts`, `client.spec.js`) and API doc examples (`iam.examples.json`). */
const TEST_FILE = /\.(?:test|spec|examples?)\.[A-Za-z0-9]+$/

/**
 * Whether an entry path (any nesting level, `!/`-joined) lies in a test/fixture/example folder
 * or is a test file. Matching is on whole path components, case-insensitive. Runs for every
 * scanned file: two regex tests, no splitting.
 */
export function isTestPath(path: string): boolean {
  return TEST_FILE.test(path) || TEST_FOLDER.test(path)
}
