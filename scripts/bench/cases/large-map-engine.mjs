// The large-map case with the secret family turned off by policy (`secret/*: off`, which skips
// the secret scan): what the engine itself costs on it — walking, the source-map scan and the
// private-file rules. The case without a policy (large-map.mjs) measures it with secrets on.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import largeMap from './large-map.mjs'

export default {
  name: 'large source map (tgz), secret scan off',
  target: largeMap.target,

  /** @param {string} dir */
  async generate(dir) {
    const generated = await largeMap.generate(dir)
    const policy = path.join(dir, 'secrets-off.yml')
    await writeFile(policy, 'rules:\n  secret/*: off\n')
    return { ...generated, args: ['--config', policy] }
  },

  verify: largeMap.verify
}
