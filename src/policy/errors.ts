/** One problem in a policy file, located as precisely as the file allows. */
export interface PolicyIssue {
  /** The policy file as shown to people (relative to the working directory when inside it). */
  file: string
  /** 1-based; absent when the problem is about the file as a whole (missing, unreadable). */
  line?: number
  column?: number
  /** Where in the policy the problem is, e.g. `ignore[1].reason`; '' for the top level. */
  key: string
  /** The full sentence, key included: `ignore[1].reason is required: …`. */
  message: string
}

/** `file:line:col: message`, the form editors and terminals make clickable. */
export function formatIssue(issue: PolicyIssue): string {
  const where =
    issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`
  return `${where}: ${issue.message}`
}

/** The policy file is missing, unreadable or invalid; the message lists every problem found. */
export class PolicyError extends Error {
  override name = 'PolicyError'
  readonly file: string
  readonly issues: readonly PolicyIssue[]

  constructor(file: string, issues: readonly PolicyIssue[]) {
    super(issues.map(formatIssue).join('\n'))
    this.file = file
    this.issues = issues
  }
}
