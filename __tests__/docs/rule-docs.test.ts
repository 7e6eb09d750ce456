import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASELINE_RULES_META } from '../../src/baseline/meta.js'
import { POLICY_RULES_META } from '../../src/policy/meta.js'
import { allRuleMetas } from '../../src/rules/index.js'
import {
  checkRulePage,
  findBrokenLinks,
  hasIndexRow,
  headingAnchors,
  listMarkdown,
  listRules,
  relativeLinks,
  uniqueFamilies
} from './doc-checks.js'

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url))
const RULES_DIR = path.join(DOCS, 'rules')
/**
 * Every rule id the tool can report: what report/docs-url.ts links to `docs/rules/<id>.md`.
 * The policy and baseline families are named too, in case the registry ever leaves them out.
 */
const RULES = listRules(uniqueFamilies([...allRuleMetas(), POLICY_RULES_META, BASELINE_RULES_META]))
const FAMILIES = [...new Set(RULES.map((r) => r.family))]

const readDoc = (file: string): string | undefined => {
  const absolute = path.join(DOCS, file)
  return existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined
}
const pageOf = (id: string) => `rules/${id}.md`

describe('rule documentation', () => {
  it('knows the rule ids from the metadata of every family', () => {
    expect(FAMILIES).toEqual(
      expect.arrayContaining(['sourcemap', 'private-file', 'secret', 'archive', 'audit'])
    )
    expect(FAMILIES).toEqual(expect.arrayContaining(['policy', 'baseline']))
    for (const rule of RULES) expect(rule.id.startsWith(`${rule.family}/`)).toBe(true)
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length)
  })

  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s has a page with the required parts',
    (id, rule) => {
      const page = readDoc(pageOf(id))
      expect({ id, missing: page === undefined }).toEqual({ id, missing: false })
      expect({ id, problems: checkRulePage(page ?? '', rule) }).toEqual({ id, problems: [] })
      const lines = (page ?? '').split('\n').length
      expect({ id, fits: lines >= 40 && lines <= 120 }).toEqual({ id, fits: true })
    }
  )

  it('has no page under docs/rules besides the rule and family pages', async () => {
    const expected = new Set([
      ...RULES.map((r) => `${r.id}.md`),
      ...FAMILIES.map((family) => `${family}.md`)
    ])
    const orphans = (await listMarkdown(RULES_DIR)).filter((file) => !expected.has(file))
    expect(orphans).toEqual([])
  })

  it.each(FAMILIES)('family page %s.md links every rule of the family', (family) => {
    const page = readDoc(`rules/${family}.md`) ?? ''
    const links = new Set(relativeLinks(page).map((link) => link.split('#')[0]))
    const unlisted = RULES.filter((r) => r.family === family)
      .map((r) => `${r.id}.md`)
      .filter((file) => !links.has(file))
    expect({ family, exists: page !== '', unlisted }).toEqual({
      family,
      exists: true,
      unlisted: []
    })
  })

  it('indexes every rule page, with its default severity, in docs/README.md', () => {
    const index = readDoc('README.md') ?? ''
    const rows = RULES.filter((r) => !hasIndexRow(index, r, pageOf(r.id))).map((r) => r.id)
    const families = FAMILIES.filter((f) => !index.includes(`](rules/${f}.md)`))
    expect({ rows, families }).toEqual({ rows: [], families: [] })
  })

  it('has no broken relative links or anchors in the rule pages and the index', async () => {
    const files = ['README.md', ...(await listMarkdown(RULES_DIR)).map((f) => `rules/${f}`)]
    const broken = files.flatMap((file) =>
      findBrokenLinks(file, readDoc(file) ?? '', readDoc).map((link) => `${file}: ${link}`)
    )
    expect(broken).toEqual([])
  })
})

describe('the documentation checks', () => {
  const rule = { id: 'secret/npm-token', family: 'secret', severity: 'error' as const }
  const good = [
    '# secret/npm-token',
    '',
    '**Default severity:** error · **Family:** [secret](../secret.md)',
    '## What leaks',
    '## How to fix',
    '## Suppressing',
    '```text',
    '  error   secret/npm-token  package/.npmrc:1',
    '```'
  ].join('\n')

  it.each([
    ['a good page', good, []],
    [
      'a wrong title',
      good.replace('# secret/npm-token', '# npm token'),
      ["the title is not '# secret/npm-token'"]
    ],
    [
      'a wrong severity',
      good.replace('severity:** error', 'severity:** warning'),
      ["no line starts '**Default severity:** error'"]
    ],
    [
      'a missing heading',
      good.replace('## How to fix', '## Fixing'),
      ["no '## How to fix' heading"]
    ],
    [
      'a heading only inside code',
      good.replace('## Suppressing\n```text', '```text\n## Suppressing'),
      ["no '## Suppressing' heading"]
    ],
    [
      'no family link',
      good.replace('(../secret.md)', '(secret.md)'),
      ['no link to its family page ../secret.md']
    ],
    [
      'no example',
      good.replace('  error   secret/npm-token  ', 'error secret/npm-token '),
      ['no example finding in the text output format']
    ]
  ])('%s', (_name, page, problems) => {
    expect(checkRulePage(page, rule)).toEqual(problems)
  })

  it('finds links to missing files and headings, and GitHub-style anchors', () => {
    const docs: Record<string, string> = {
      'rules/a.md': '# a\n## What to do with `x`?\n## Twice\n## Twice\n',
      'rules/b.md':
        '[ok](a.md#what-to-do-with-x) [ok](a.md#twice-1) [bad](a.md#nope) [bad](c.md) [web](https://x.y)\n```\n[code](z.md)\n```'
    }
    expect(headingAnchors(docs['rules/a.md'])).toEqual(
      new Set(['a', 'what-to-do-with-x', 'twice', 'twice-1'])
    )
    expect(findBrokenLinks('rules/b.md', docs['rules/b.md'], (f) => docs[f])).toEqual([
      'a.md#nope',
      'c.md'
    ])
  })
})
