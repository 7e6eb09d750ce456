import { audit } from '../../src/engine/audit.js'
import type { Report } from '../../src/engine/report.js'
import { BUILTIN_RULES } from '../../src/rules/index.js'
import { zipOf } from './zip.js'

/** The real engine's report for a zip built from `{ path: content }`, named `name`. */
export async function auditTree(
  name: string,
  files: Record<string, string | Buffer>
): Promise<Report> {
  const data = await zipOf(files)
  return audit([{ name, source: 'test', input: { kind: 'buffer', data } }], {
    rules: BUILTIN_RULES,
    failOn: 'error'
  })
}
