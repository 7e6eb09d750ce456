import * as core from '@actions/core'
import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import type { RunContext } from './action/context.js'
import { readRunContext } from './action/context.js'
import { collectArtifacts } from './action/collect.js'
import { mergeShardReports } from './action/merge.js'
import type { ActionInputs } from './action/inputs.js'
import { readInputs } from './action/inputs.js'
import type { CheckRunRef, ReportLinks } from './action/publish.js'
import {
  annotateStep,
  describeDegradedRun,
  finishCheckRun,
  publishComment,
  setOutputs,
  writeJobSummary,
  writeReportFiles
} from './action/publish.js'
import { repositoryVisibilityProbe } from './action/sources-policy.js'
import type { GitHubClient } from './github/client.js'
import { createClient } from './github/client.js'
import { failCheckRun, startCheckRun } from './github/check-run.js'
import { PermissionError } from './github/errors.js'
import { renderText } from './report/text.js'
import { runAudit } from './setup/run-audit.js'

/**
 * The action: reads inputs, opens the check run, audits, then reports everywhere. "The audit found
 * blocking findings" fails the step after every report is out; "the tool broke" fails it with a
 * message that says what to do. A report GitHub refuses (a fork PR's read-only token) is a warning.
 */
export async function run(): Promise<void> {
  let tempDir: string | undefined
  try {
    const inputs = readInputs()
    const ctx = readRunContext()
    const client = createClient(inputs.token)
    tempDir = await mkdtemp(path.join(ctx.tempDir, 'release-audit-'))
    const degraded: PermissionError[] = []
    const check = inputs.checkRun ? await openCheckRun(client, ctx, inputs, degraded) : undefined
    try {
      await audit(client, ctx, inputs, tempDir, check, degraded)
    } catch (error) {
      if (check)
        await failCheckRun(client, {
          owner: ctx.owner,
          repo: ctx.repo,
          id: check.id,
          error: messageOf(error)
        }).catch(() => undefined)
      throw error
    }
  } catch (error) {
    core.setFailed(messageOf(error))
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true })
  }
}

async function audit(
  client: GitHubClient,
  ctx: RunContext,
  inputs: ActionInputs,
  tempDir: string,
  check: CheckRunRef | undefined,
  degraded: PermissionError[]
): Promise<void> {
  const { report, failOn, policyPath, warnings } =
    inputs.mode === 'merge'
      ? await mergeShardReports(inputs, ctx, tempDir)
      : await runAudit(await collectArtifacts(inputs, ctx, client, tempDir), {
          cwd: ctx.workspace,
          ...(inputs.config !== undefined
            ? { config: path.resolve(ctx.workspace, inputs.config) }
            : {}),
          ...(inputs.failOn !== undefined ? { failOn: inputs.failOn } : {}),
          ...(inputs.baseline !== undefined ? { baseline: inputs.baseline } : {}),
          ...(inputs.sources !== undefined ? { sources: inputs.sources } : {}),
          isRepositoryPublic: repositoryVisibilityProbe(ctx, client)
        })
  warnings.forEach((w) => core.warning(w))
  core.info(renderText(report, failOn))

  const anchors = [
    ...(policyPath ? [path.relative(ctx.workspace, policyPath)] : []),
    'package.json',
    'action.yml'
  ]
  const files = await writeReportFiles(report, ctx, inputs, anchors)
  const links: ReportLinks = {
    checkName: inputs.checkName,
    ...(check ? { checkRunUrl: check.url } : {}),
    reportUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`,
    reportPath: files.reportPath
  }
  if (check) {
    await attempt(degraded, () =>
      finishCheckRun(client, ctx, check, report, failOn, anchors, links)
    )
  }
  await attempt(degraded, () => publishComment(client, ctx, inputs, report, failOn, links))
  await writeJobSummary(report, failOn, links)
  setOutputs(report, files, check)

  if (degraded.length > 0) {
    annotateStep(report.findings, failOn)
    core.warning(describeDegradedRun(degraded))
  }
  if (report.conclusion === 'failure') {
    const { error, warning, notice } = report.summary
    core.setFailed(
      `release-audit: ${error} error(s), ${warning} warning(s), ${notice} notice(s) reach fail-on '${failOn}'; see the job summary${check ? ` and ${check.url}` : ''}`
    )
  }
}

async function openCheckRun(
  client: GitHubClient,
  ctx: RunContext,
  inputs: ActionInputs,
  degraded: PermissionError[]
): Promise<CheckRunRef | undefined> {
  let check: CheckRunRef | undefined
  await attempt(degraded, async () => {
    check = await startCheckRun(client, {
      owner: ctx.owner,
      repo: ctx.repo,
      name: inputs.checkName,
      headSha: ctx.headSha
    })
  })
  return check
}

/** Runs one GitHub report; a permission refusal becomes a note for the single closing warning. */
async function attempt(degraded: PermissionError[], post: () => Promise<void>): Promise<void> {
  try {
    await post()
  } catch (error) {
    if (!(error instanceof PermissionError)) throw error
    degraded.push(error)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : `Unexpected fatal error: ${String(error)}`
}
