// The 20k-file zip with the secret family turned off by policy (`secret/*: off`, which skips the
// secret scan): the engine's own per-entry cost — walking, inflating, rule dispatch, the
// source-map and private-file rules. The case without a policy (zip-20k.mjs) adds the secret scan.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import zip20k from './zip-20k.mjs'

export default {
  name: '20k small files (zip), secret scan off',
  target: zip20k.target,

  /** @param {string} dir */
  async generate(dir) {
    const generated = await zip20k.generate(dir)
    const policy = path.join(dir, 'zip-secrets-off.yml')
    await writeFile(policy, 'rules:\n  secret/*: off\n')
    return { ...generated, args: ['--config', policy] }
  },

  verify: zip20k.verify
}
