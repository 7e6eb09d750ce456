import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

// Real archives from object trees: the project's shared builders.
export { buildTgz, buildZip } from '../../__fixtures__/archives.js'

/** Plain files by path; what these tests put in archives and folders. */
export type Tree = Record<string, string | Buffer>

/** Writes `{ 'a/b.js': '…' }` under `dir`. */
export async function writeTree(dir: string, tree: Tree): Promise<void> {
  for (const [name, content] of Object.entries(tree)) {
    const file = path.join(dir, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}
