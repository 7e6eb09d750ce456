import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Finding } from '../engine/finding.js'
import type { FailOn, Report } from '../engine/report.js'
import { isBlocking } from '../engine/conclusion.js'
import type { GitHubClient } from '../github/client.js'
import { completeCheckRun } from '../github/check-run.js'
import { upsertComment } from '../github/comment.js'
import type { PermissionError } from '../github/errors.js'
import { buildAnnotations } from '../report/annotations.js'
import { createAnchorResolver } from '../report/anchor.js'
import { renderJson } from '../report/json.js'
import {
  commentMarker,
  renderCheckSummary,
  renderComment,
  renderJobSummary
} from '../report/markdown.js'
import { renderSarif } from '../report/sarif.js'
import { findingLocation } from '../report/location.js'
import type { RunContext } from './context.js'
import type { ActionInputs } from './inputs.js'

export interface CheckRunRef {
  id: number
  url: string
}

/** What every rendering links to: the check's name and run, and where the full report is. */
export interface ReportLinks {
  checkName: string
  checkRunUrl?: string
  /** The workflow run page: the PR reader's way to the job summary and the uploaded report. */
  reportUrl?: string
  reportPath?: string
}

/** Workflow-command annotations GitHub shows per step (a fallback when check runs are denied). */
const MAX_STEP_ANNOTATIONS = 10

export async function writeReportFiles(
  report: Report,
  ctx: RunContext,
  inputs: ActionInputs,
  anchorFallbacks: readonly string[]
): Promise<{ reportPath: string; sarifPath: string }> {
  const slug = inputs.checkName.replace(/[^A-Za-z0-9._-]+/g, '-')
  const reportPath = path.join(ctx.tempDir, `${slug}-report.json`)
  const sarifPath = path.join(ctx.tempDir, `${slug}.sarif`)
  await writeFile(reportPath, renderJson(report))
  await writeFile(sarifPath, renderSarif(report, anchorFor(ctx, anchorFallbacks)))
  return { reportPath, sarifPath }
}

export function anchorFor(ctx: RunContext, fallbacks: readonly string[]) {
  return createAnchorResolver((p) => existsSync(path.join(ctx.workspace, p)), fallbacks)
}

export async function finishCheckRun(
  client: GitHubClient,
  ctx: RunContext,
  check: CheckRunRef,
  report: Report,
  failOn: FailOn,
  anchorFallbacks: readonly string[],
  links: ReportLinks
): Promise<void> {
  const summary = renderCheckSummary(report, { failOn, ...links })
  await completeCheckRun(client, {
    owner: ctx.owner,
    repo: ctx.repo,
    id: check.id,
    conclusion: report.conclusion,
    title: checkTitle(report),
    summary,
    annotations: buildAnnotations(report, anchorFor(ctx, anchorFallbacks))
  })
}

export function checkTitle(report: Report): string {
  const { error, warning, notice } = report.summary
  if (error + warning + notice === 0) return 'No findings'
  return `${error} error(s), ${warning} warning(s), ${notice} notice(s)`
}

/** Posts or edits the sticky comment when the `comment` input and the event call for it. */
export async function publishComment(
  client: GitHubClient,
  ctx: RunContext,
  inputs: ActionInputs,
  report: Report,
  failOn: FailOn,
  links: ReportLinks
): Promise<void> {
  if (inputs.comment === 'never' || !ctx.pullRequest) return
  const quiet = report.findings.length === 0 && !report.baseline
  if (inputs.comment === 'auto' && quiet) return
  const body = renderComment(report, { failOn, ...links })
  await upsertComment(client, {
    owner: ctx.owner,
    repo: ctx.repo,
    issueNumber: ctx.pullRequest.number,
    marker: commentMarker(inputs.checkName),
    body
  })
}

export async function writeJobSummary(
  report: Report,
  failOn: FailOn,
  links: ReportLinks
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(renderJobSummary(report, { failOn, ...links })).write()
}

/** When check runs cannot be posted, the worst findings still surface as step annotations. */
export function annotateStep(findings: readonly Finding[], failOn: FailOn): void {
  const errors = findings.filter((f) => f.severity === 'error').slice(0, MAX_STEP_ANNOTATIONS)
  const warnings = findings.filter((f) => f.severity === 'warning').slice(0, MAX_STEP_ANNOTATIONS)
  for (const f of [...errors, ...warnings]) {
    const text = `${f.rule}: ${f.message} (${f.artifact}: ${findingLocation(f)})`
    if (f.severity === 'error' && isBlocking(f.severity, failOn)) core.error(text)
    else core.warning(text)
  }
}

export function setOutputs(
  report: Report,
  files: { reportPath: string; sarifPath: string },
  check?: CheckRunRef
): void {
  core.setOutput('conclusion', report.conclusion)
  core.setOutput('errors', report.summary.error)
  core.setOutput('warnings', report.summary.warning)
  core.setOutput('notices', report.summary.notice)
  core.setOutput('report', files.reportPath)
  core.setOutput('sarif', files.sarifPath)
  if (check) {
    core.setOutput('check-run-id', check.id)
    core.setOutput('check-run-url', check.url)
  }
}

/**
 * One warning for every report GitHub refused: which permissions are missing, and why that is
 * expected on pull requests from forks.
 */
export function describeDegradedRun(refused: readonly PermissionError[]): string {
  const permissions = [...new Set(refused.map((e) => e.permission))].map((p) => `\`${p}\``)
  return (
    `release-audit reported through the job summary and this step's status only: the token may not ` +
    `${permissions.join(' or ')} (add it under \`permissions:\`; pull requests from forks always get a ` +
    `read-only token, so there this is expected)`
  )
}
