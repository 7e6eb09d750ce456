import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const ACTION_ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  workspace: string
  tempDir: string
}

export interface ActionEnv {
  inputs: Record<string, string>
  apiUrl: string
  token: string
  runtimeToken?: string
  repository?: string
  eventName?: string
  event?: Record<string, unknown>
  /** Files to create in the workspace before the run: path → content. */
  workspaceFiles?: Record<string, string | Buffer>
  /** Commit the workspace files to a fresh git repository, as actions/checkout leaves it. */
  gitCheckout?: boolean
  extraEnv?: Record<string, string>
}

/**
 * Runs the bundled action as a runner would: a fresh workspace and RUNNER_TEMP, INPUT_* for every
 * input, GITHUB_* and ACTIONS_* pointing at the local fake GitHub, and the output and summary
 * files created beforehand (core refuses to write to missing ones). Async on purpose: the fake
 * server lives in this process, so a synchronous spawn would starve it.
 */
export async function runAction(options: ActionEnv): Promise<ActionRun> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'release-audit-e2e-'))
  const workspace = path.join(root, 'workspace')
  const tempDir = path.join(root, 'runner-temp')
  await mkdir(workspace, { recursive: true })
  await mkdir(tempDir, { recursive: true })
  for (const [file, content] of Object.entries(options.workspaceFiles ?? {})) {
    await mkdir(path.dirname(path.join(workspace, file)), { recursive: true })
    await writeFile(path.join(workspace, file), content)
  }
  if (options.gitCheckout) await commitAll(workspace)
  const outputFile = path.join(root, 'output')
  const summaryFile = path.join(root, 'summary.md')
  const eventFile = path.join(root, 'event.json')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  await writeFile(eventFile, JSON.stringify(options.event ?? {}))

  const inputs = Object.fromEntries(
    Object.entries(options.inputs).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value
    ])
  )
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? root,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_REPOSITORY: options.repository ?? 'o/r',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'audit',
    GITHUB_WORKFLOW: 'release',
    GITHUB_ACTOR: 'octocat',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: tempDir,
    ACTIONS_RESULTS_URL: `${options.apiUrl}/`,
    ...(options.runtimeToken ? { ACTIONS_RUNTIME_TOKEN: options.runtimeToken } : {}),
    'INPUT_GITHUB-TOKEN': options.token,
    ...inputs,
    ...(options.extraEnv ?? {})
  }
  const { code, stdout, stderr } = await new Promise<{
    code: number
    stdout: string
    stderr: string
  }>((resolve) => {
    execFile(
      process.execPath,
      [ACTION_ENTRY],
      { cwd: workspace, env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, out, err) => {
        const exit = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code: exit, stdout: out, stderr: err })
      }
    )
  })
  const result: ActionRun = {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    workspace,
    tempDir
  }
  cleanups.push(() => rm(root, { recursive: true, force: true }))
  return result
}

const cleanups: (() => Promise<void>)[] = []

async function commitAll(dir: string): Promise<void> {
  const git = (...args: string[]) =>
    promisify(execFile)('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir
    })
  await git('init', '-q')
  await git('add', '-A')
  await git('commit', '-qm', 'checkout')
}

/** Removes every workspace `runAction` made; call in afterAll. */
export async function cleanupActionRuns(): Promise<void> {
  await Promise.all(cleanups.splice(0).map((c) => c()))
}

/** Parses `name<<ghadelimiter_…\nvalue\nghadelimiter_…` records of GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3]
  return outputs
}
