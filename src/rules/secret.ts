import type { Entry } from '../engine/entry.js'
import { worstSeverity } from '../engine/finding.js'
import type { Rule, RuleReport } from '../engine/rule.js'
import { isFileEntry } from '../engine/rule.js'
import { SECRET_RULES } from '../secrets/rules.js'
import { scanSecrets } from '../secrets/scan.js'
import { scanSecretsInBuffer } from '../secrets/scan-buffer.js'
import { mayHoldSecrets } from '../secrets/scan-json-string.js'
import { isTestPath } from '../secrets/test-path.js'
import type { SecretMatch } from '../secrets/types.js'
import { forEachSourceInFile } from '../sourcemap/index.js'
import { isBinary } from '../util/text.js'
import { secretRulesCoveredByPrivateFile } from './private-file-overlap.js'
import { capPerRule } from './cap-per-rule.js'
import { scanBinaryEntry } from './secret-binary.js'

/** Past this many matches of one rule in one entry, the rest are counted in one extra report. */
export const MAX_REPORTS_PER_RULE = 10

/** A match and, when it was found in a source embedded in a map, that source's path. */
interface Located {
  match: SecretMatch
  source?: string
  /** Line of the inline map's `sourceMappingURL` comment in the carrying file. */
  mapLine?: number
}

/**
 * `secret/*`: high-confidence credentials in the text of every file, and the strictest formats in
 * binary files (executables, native addons, `.wasm`).
 * Sources embedded in source maps (map files, and inline `data:` maps in JS/CSS) are scanned one
 * by one, so a finding names the original file and its line; a readable map's JSON itself is not
 * scanned again. Where `private-file/*` reports a file as a whole (`.env`, `.npmrc`, `id_rsa`),
 * the generic and key-block matches in it are not repeated.
 */
export const secretRule: Rule = {
  meta: { family: 'secret', rules: SECRET_RULES },
  create(context) {
    return {
      entry(entry) {
        if (!isFileEntry(entry)) return
        if (isBinary(entry.content)) {
          for (const report of scanBinaryEntry(entry, MAX_REPORTS_PER_RULE)) context.report(report)
          return
        }
        const found: Located[] = []
        const { isMap } = forEachSourceInFile(entry.path, entry.content, (source) => {
          // Most embedded sources are ruled out from their raw JSON, without decoding them.
          if (!mayHoldSecrets(source.map, source.content)) return
          const path = sourceName(source)
          for (const match of scanSource(entry, path, source.text)) {
            found.push({
              match,
              source: path,
              ...(source.mapLine ? { mapLine: source.mapLine } : {})
            })
          }
        })
        if (!isMap) {
          const inTestFolder = isTestPath(entry.path)
          const matches = scanSecretsInBuffer(entry.content, { inTestFolder })
          // Nearly every file holds no match: which rules the file's kind covers is asked after.
          const covered = matches.length > 0 ? secretRulesCoveredByPrivateFile(entry) : undefined
          for (const match of matches) if (!covered?.has(match.rule)) found.push({ match })
        }
        if (found.length === 0) return // nearly every file
        for (const report of toReports(entry, found)) context.report(report)
      }
    }
  }
}

/**
 * The hook for callers holding an embedded source themselves: scans one source embedded in a map
 * (`sourcesContent[i]`) and returns reports on the map entry, with the line in that source and
 * `details.source`. The caller passes them to its `context.report`.
 */
export function scanEmbeddedSource(entry: Entry, sourcePath: string, text: string): RuleReport[] {
  return toReports(
    entry,
    scanSource(entry, sourcePath, text).map((match) => ({ match, source: sourcePath }))
  )
}

function scanSource(entry: Entry, sourcePath: string, text: string): SecretMatch[] {
  return scanSecrets(text, { inTestFolder: isTestPath(entry.path) || isTestPath(sourcePath) })
}

function sourceName(source: { index: number; path: string; rawPath: string }): string {
  return source.path || source.rawPath || `sourcesContent[${source.index}]`
}

function toReports(entry: Entry, found: Located[]): RuleReport[] {
  return capPerRule(
    found,
    (item) => item.match.rule,
    MAX_REPORTS_PER_RULE,
    (item) => toReport(entry, item),
    (rule, rest) => summarizeRest(entry, rule, rest)
  )
}

function toReport(entry: Entry, { match, source, mapLine }: Located): RuleReport {
  const where = source === undefined ? '' : ` in embedded source ${source}, line ${match.line}`
  return {
    rule: match.rule,
    entry,
    line: match.line,
    severity: match.severity,
    message: `${match.description}: ${match.redacted}${where}`,
    details: {
      redacted: match.redacted,
      column: match.column,
      ...(source === undefined ? {} : { source }),
      ...(mapLine === undefined ? {} : { mapLine })
    }
  }
}

function summarizeRest(entry: Entry, rule: string, rest: Located[]): RuleReport {
  const severity = rest.map((item) => item.match.severity).reduce(worstSeverity)
  const sources = [...new Set(rest.flatMap((item) => (item.source ? [item.source] : [])))]
  const where = sources.length === 0 ? 'this file' : `${sources.length} embedded source(s)`
  return {
    rule,
    entry,
    line: rest[0].match.line,
    severity,
    message: `${rest.length} more ${rule} matches in ${where} are not listed one by one`,
    details: {
      omitted: rest.length,
      lines: rest.map((item) => item.match.line),
      ...(sources.length === 0 ? {} : { sources: sources.slice(0, MAX_REPORTS_PER_RULE) })
    }
  }
}
