import type { Finding, Severity } from '../engine/finding.js'
import { compareFindings } from '../engine/finding.js'
import type { Report } from '../engine/report.js'
import { MAX_ANNOTATION_MESSAGE_BYTES, MAX_ANNOTATION_TITLE_CHARS } from '../github/limits.js'
import type { Anchor, AnchorResolver } from './anchor.js'
import { ruleDocsUrl } from './docs-url.js'
import { findingLocation } from './location.js'
import { truncateEnd, truncateUtf8 } from './markdown-escape.js'

/**
 * Our cap on annotations per check run. GitHub appends any number, 50 per request, but each
 * request is a throttled write (~1 s apart): 1,000 annotations are 20 requests. The check summary
 * says how many findings were left without one; the JSON report and SARIF carry them all.
 */
export const MAX_ANNOTATIONS_PER_CHECK_RUN = 1000

/** Far below GitHub's 64 KB: an annotation is read inline next to a line of code. */
const MAX_MESSAGE_CHARS = 2000
const MAX_RAW_DETAILS_CHARS = 4000
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/g

export type AnnotationLevel = 'failure' | 'warning' | 'notice'

/** One entry of a check run's `output.annotations`. */
export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: AnnotationLevel
  title: string
  message: string
  raw_details?: string
}

const LEVEL: Record<Severity, AnnotationLevel> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice'
}

/**
 * Annotations for the worst MAX_ANNOTATIONS_PER_CHECK_RUN findings, worst first. Each sits on the
 * repository file the anchor resolves; the message always names the artifact and the path inside
 * it, and says so when the annotation sits on a stand-in file (`exact: false`).
 */
export function buildAnnotations(report: Report, anchor: AnchorResolver): CheckAnnotation[] {
  return [...report.findings]
    .sort(compareFindings)
    .slice(0, MAX_ANNOTATIONS_PER_CHECK_RUN)
    .map((finding) => buildAnnotation(finding, anchor(finding)))
}

function buildAnnotation(finding: Finding, anchor: Anchor): CheckAnnotation {
  const line = Number.isFinite(anchor.line) ? Math.max(1, Math.floor(anchor.line)) : 1
  return {
    path: anchor.path.replace(/^(\.\/)+/, ''),
    start_line: line,
    end_line: line,
    annotation_level: LEVEL[finding.severity],
    title: truncateEnd(clean(`${finding.rule} in ${finding.artifact}`), MAX_ANNOTATION_TITLE_CHARS),
    message: capBytes(truncateEnd(clean(messageOf(finding, anchor)), MAX_MESSAGE_CHARS)),
    raw_details: rawDetails(finding)
  }
}

function messageOf(finding: Finding, anchor: Anchor): string {
  const where = `In artifact ${finding.artifact}: ${findingLocation(finding)}`
  const placed = anchor.exact
    ? ''
    : `\n(Shown on ${anchor.path}: the file is not in this repository.)`
  return `${where}\n${finding.message}${placed}`
}

/** The rule's docs link and the finding's details, under the annotation's "Raw output". */
function rawDetails(finding: Finding): string {
  const lines = [`Rule: ${finding.rule}`, `Docs: ${ruleDocsUrl(finding.rule)}`]
  if (finding.details && Object.keys(finding.details).length > 0) {
    lines.push('', JSON.stringify(finding.details, null, 2))
  }
  return capBytes(truncateEnd(clean(lines.join('\n')), MAX_RAW_DETAILS_CHARS))
}

function clean(text: string): string {
  return text.replace(CONTROL_EXCEPT_NEWLINE, ' ')
}

function capBytes(text: string): string {
  return truncateUtf8(text, MAX_ANNOTATION_MESSAGE_BYTES)
}
