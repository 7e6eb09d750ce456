import type { FileEntry } from '../engine/entry.js'
import type { EntryPathParts } from './private-file-paths.js'
import type { FileVerdict } from './private-file-verdict.js'

/** Documents, not code: a code file saying "internal" is normal, a document saying so is a label. */
const DOCUMENT = /\.(?:md|markdown|mdx|txt|rst|adoc|asciidoc|org|rtf|pdf|docx?|odt|pptx?|xlsx?)$/i
/** Documents whose text is compressed or encoded: their labels cannot be read from the bytes. */
const ENCODED_DOCUMENT = /\.(?:pdf|docx?|odt|pptx?|xlsx?|rtf)$/i
/** A file or folder name that marks what is in it as not for release. */
const MARKED_NAME =
  /^(?:internal|confidential)(?:[-_. ](?:only|notes?|docs?|use))*\.[a-z]+$|[-_.](?:confidential|internal[-_.]only)\.[a-z]+$/i
const MARKED_FOLDER =
  /^(?:internal|private|confidential)[-_](?:docs?|notes|wiki)$|^docs?[-_]internal$/i
/**
 * Labels that classify a document, as they stand in its first lines. Not "for internal use
 * (only)": published helper packages say that of themselves (`@azure/storage-common`).
 */
const LABEL =
  /\b(?:company confidential|strictly confidential|do not distribute|not for (?:public )?(?:distribution|release)|confidential[^\n]{0,20}do not (?:share|forward))\b/i
const LABEL_BYTES = 4096
/** A banner line is short; a longer line is prose. */
const MAX_BANNER_CHARS = 60
const LICENSE_NAME = /^(?:licen[cs]e|copying|notice)(?:[-_.].*)?$/i

/**
 * Internal documents: a document whose name or folder marks it internal or confidential
 * (`INTERNAL.md`, `roadmap.confidential.pdf`, `internal-docs/`), or whose first lines carry a
 * classification label (`Company Confidential`, `Do not distribute`).
 * Licence files are not read for labels: proprietary licences say such things on purpose.
 */
export function inspectInternalDoc(
  entry: FileEntry,
  parts: EntryPathParts
): FileVerdict | undefined {
  if (!DOCUMENT.test(parts.lowerName)) return undefined
  const folder = parts.components.slice(0, -1).find((c) => MARKED_FOLDER.test(c))
  const why = MARKED_NAME.test(parts.name)
    ? 'its name marks it internal'
    : folder !== undefined
      ? `it sits in the folder ${folder}/`
      : labelOf(entry, parts)
  if (why === undefined) return undefined
  return {
    rule: 'private-file/internal-doc',
    severity: 'warning',
    kind: 'litter',
    message: `internal document ${parts.name}: ${why}; documents meant for the team should not ship`
  }
}

function labelOf(entry: FileEntry, parts: EntryPathParts): string | undefined {
  if (LICENSE_NAME.test(parts.name) || ENCODED_DOCUMENT.test(parts.name)) return undefined
  for (const line of entry.content.toString('utf8', 0, LABEL_BYTES).split('\n')) {
    const label = bannerLabel(line)
    if (label !== undefined) return `it is labelled "${label}"`
  }
  return undefined
}

/**
 * The label of a line that is a classification banner: the label alone (`**Company
 * Confidential**`, `Do not distribute.`), or a short line in capitals (`CONFIDENTIAL - DO NOT
 * DISTRIBUTE`). A sentence that merely uses the words ("your key is secret, do not distribute
 * it") is not one.
 */
function bannerLabel(line: string): string | undefined {
  const text = line.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '')
  if (text.length > MAX_BANNER_CHARS) return undefined
  const label = LABEL.exec(text)
  if (label === null) return undefined
  return label[0].length === text.length || text === text.toUpperCase() ? label[0] : undefined
}
