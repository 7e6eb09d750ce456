import { TOOL_VERSION } from '../version.js'

export const DOCS_BASE_URL = 'https://github.com/release-audit/release-audit/blob'

/** The documentation page of a rule id (docs/rules/<family>/<name>.md at this version's tag). */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/v${TOOL_VERSION}/docs/rules/${ruleId}.md`
}
