import { writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The same case with the secret family turned off by policy (`secret/*: off`, which skips the
 * secret scan): what the engine itself costs on that input, next to the cost with secrets on.
 * Same input, target and verification.
 */
export function withSecretScanOff(benchCase) {
  return {
    name: `${benchCase.name}, secret scan off`,
    target: benchCase.target,

    /** @param {string} dir */
    async generate(dir) {
      const generated = await benchCase.generate(dir)
      const policy = path.join(dir, 'secrets-off.yml')
      await writeFile(policy, 'rules:\n  secret/*: off\n')
      return { ...generated, args: ['--config', policy] }
    },

    verify: benchCase.verify
  }
}
