import yazl from 'yazl'
import type { FakeGitHub } from '../support/fake-github/index.js'

// No @actions/* imports here: artifacts.test.ts must set the environment before they load.

/** A real zip of `files`, built in memory. */
export function makeZip(files: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name)
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
    zip.outputStream.on('error', reject)
  })
}

/** For afterEach: fails if the fake answered anything its spec does not allow (or crashed). */
export function assertConformingResponses(fake: FakeGitHub): void {
  const problems = fake.responseProblems.splice(0)
  if (problems.length > 0)
    throw new Error(`fake GitHub answers broke the spec:\n${problems.join('\n')}`)
}
