import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { RuleMeta } from '../../src/engine/rule.js'
import type { Severity } from '../../src/engine/finding.js'

export interface RuleDoc {
  id: string
  family: string
  severity: Severity
}

export const REQUIRED_HEADINGS = ['## What leaks', '## How to fix', '## Suppressing']

/** Every rule id the metadata declares, with its family and default severity. */
export function listRules(metas: readonly RuleMeta[]): RuleDoc[] {
  return metas.flatMap((meta) =>
    Object.entries(meta.rules).map(([id, rule]) => ({
      id,
      family: meta.family,
      severity: rule.severity
    }))
  )
}

/** The first metadata of each family, in order. */
export function uniqueFamilies(metas: readonly RuleMeta[]): RuleMeta[] {
  return metas.filter((meta, i) => metas.findIndex((m) => m.family === meta.family) === i)
}

/** Markdown files under `dir`, as posix paths relative to it. */
export async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/** The markdown outside fenced code blocks, line by line (code lines become empty). */
function proseLines(markdown: string): string[] {
  let fenced = false
  return markdown.split('\n').map((line) => {
    if (line.startsWith('```')) {
      fenced = !fenced
      return ''
    }
    return fenced ? '' : line
  })
}

/** What is wrong with a rule's page: title, default severity, headings, family link, example. */
export function checkRulePage(markdown: string, rule: RuleDoc): string[] {
  const lines = proseLines(markdown)
  const problems: string[] = []
  if (lines[0] !== `# ${rule.id}`) problems.push(`the title is not '# ${rule.id}'`)
  const severity = `**Default severity:** ${rule.severity}`
  if (!lines.some((l) => l.startsWith(severity))) problems.push(`no line starts '${severity}'`)
  for (const heading of REQUIRED_HEADINGS) {
    if (!lines.includes(heading)) problems.push(`no '${heading}' heading`)
  }
  if (!markdown.includes(`](../${rule.family}.md)`)) {
    problems.push(`no link to its family page ../${rule.family}.md`)
  }
  // A finding as the text output prints it: two spaces, severity padded to 7, the id, two spaces.
  const example = new RegExp(`^ {2}(?:error|warning|notice) +${escape(rule.id)} {2}\\S`, 'm')
  if (!example.test(markdown)) problems.push('no example finding in the text output format')
  return problems
}

/** Whether the index has the table row `| [id](page) | severity |` for the rule. */
export function hasIndexRow(index: string, rule: RuleDoc, page: string): boolean {
  const row = `^\\| \\[${escape(rule.id)}\\]\\(${escape(page)}\\) *\\| ${rule.severity} *\\|$`
  return new RegExp(row, 'm').test(index)
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-')
}

export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line)
    if (!heading) continue
    const base = slugify(heading[1])
    let anchor = base
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`
    anchors.add(anchor)
  }
  return anchors
}

/** Relative links (`[x](../a.md#b)`) outside code, as written. */
export function relativeLinks(markdown: string): string[] {
  const links: string[] = []
  for (const line of proseLines(markdown)) {
    for (const match of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(match[1])) links.push(match[1])
    }
  }
  return links
}

/**
 * Links of `file` (a path relative to the docs root) whose target file or heading does not
 * exist; `read` returns a docs file's text, or undefined when there is none.
 */
export function findBrokenLinks(
  file: string,
  markdown: string,
  read: (file: string) => string | undefined
): string[] {
  return relativeLinks(markdown).filter((link) => {
    const [target, anchor] = link.split('#')
    const resolved = target === '' ? file : path.posix.join(path.posix.dirname(file), target)
    const text = read(resolved)
    if (text === undefined) return true
    return anchor !== undefined && resolved.endsWith('.md') && !headingAnchors(text).has(anchor)
  })
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
