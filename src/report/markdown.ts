import type { Report } from '../engine/report.js'
import {
  MAX_CHECK_RUN_TEXT_BYTES,
  MAX_COMMENT_CHARS,
  MAX_JOB_SUMMARY_BYTES
} from '../github/limits.js'
import { fitToLimit } from './markdown-fit.js'
import {
  MAX_SHOWN_FINDINGS,
  renderCommentLayout,
  renderMinimalLayout,
  renderSummaryLayout
} from './markdown-layouts.js'
import type { MarkdownModel, MarkdownOptions } from './markdown-model.js'
import { buildMarkdownModel, DEFAULT_CHECK_NAME } from './markdown-model.js'

export type { MarkdownOptions } from './markdown-model.js'

/**
 * The hidden marker that identifies the sticky comment of one check name. `--` and `>` would end
 * the HTML comment early, so they are folded; ordinary names come out unchanged.
 */
export function commentMarker(checkName: string): string {
  const name = (checkName || DEFAULT_CHECK_NAME).replace(/-{2,}/g, '-').replace(/>/g, '')
  return `<!-- release-audit:${name} -->`
}

/** The check run's `output.summary`, within GitHub's 65,535-byte limit. */
export function renderCheckSummary(report: Report, opts: MarkdownOptions): string {
  const model = buildMarkdownModel(report, opts)
  return fit(model, MAX_CHECK_RUN_TEXT_BYTES, 'a check run summary', (shown) =>
    renderSummaryLayout(model, shown, 'check')
  )
}

/** The sticky PR comment: starts with `commentMarker(checkName)`, within 65,536 characters. */
export function renderComment(report: Report, opts: MarkdownOptions): string {
  const model = buildMarkdownModel(report, opts)
  const marker = commentMarker(opts.checkName)
  return fit(
    model,
    MAX_COMMENT_CHARS,
    'a pull request comment',
    (shown) => renderCommentLayout(model, shown, marker),
    marker
  )
}

/** Markdown for $GITHUB_STEP_SUMMARY, within the runner's 1 MiB limit. */
export function renderJobSummary(report: Report, opts: MarkdownOptions): string {
  const model = buildMarkdownModel(report, opts)
  return fit(model, MAX_JOB_SUMMARY_BYTES, 'the job summary', (shown) =>
    renderSummaryLayout(model, shown, 'job')
  )
}

function fit(
  model: MarkdownModel,
  limitBytes: number,
  where: string,
  render: (shown: number) => string,
  marker?: string
): string {
  return fitToLimit({
    render,
    minimal: () => renderMinimalLayout(model, where, marker),
    total: Math.min(model.findings.length, MAX_SHOWN_FINDINGS),
    limitBytes
  })
}
