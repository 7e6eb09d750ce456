import * as core from '@actions/core'
import type { FailOn } from '../engine/report.js'
import { FAIL_ON_VALUES } from '../engine/report.js'

export interface ActionInputs {
  artifacts: string[]
  paths: string[]
  runId?: number
  repository?: { owner: string; repo: string }
  release?: string
  config?: string
  baseline?: string
  /** Unset means: the policy file decides, else `error`. */
  failOn?: FailOn
  sources?: 'private' | 'public' | 'auto'
  mode: 'audit' | 'merge'
  reports: string[]
  checkRun: boolean
  checkName: string
  comment: 'auto' | 'always' | 'never'
  token: string
}

/** An input with a value the action cannot use; the message names the input and what it accepts. */
export class InputError extends Error {
  override name = 'InputError'
}

export function readInputs(): ActionInputs {
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  const runId = optional('run-id')
  const repository = optional('repository')
  return {
    artifacts: list('artifacts'),
    paths: list('path'),
    ...(runId !== undefined ? { runId: positiveInteger('run-id', runId) } : {}),
    ...(repository !== undefined ? { repository: ownerRepo(repository) } : {}),
    ...withOptional('release'),
    ...withOptional('config'),
    ...withOptional('baseline'),
    ...optionalChoice('failOn', 'fail-on', FAIL_ON_VALUES),
    ...optionalChoice('sources', 'sources', ['private', 'public', 'auto'] as const),
    mode: choice('mode', ['audit', 'merge'] as const, 'audit'),
    reports: list('reports'),
    checkRun: boolean('check-run', true),
    checkName: optional('check-name') ?? 'release-audit',
    comment: choice('comment', ['auto', 'always', 'never'] as const, 'auto'),
    token
  }
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim()
  return value === '' ? undefined : value
}

function withOptional<K extends string>(name: K): { [P in K]?: string } {
  const value = optional(name)
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: string }
}

/** One per line or comma-separated; blank entries dropped. */
function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = optional(name)
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(`input '${name}' must be one of ${allowed.join(', ')}; got '${value}'`)
}

function optionalChoice<K extends string, T extends string>(
  key: K,
  name: string,
  allowed: readonly T[]
): { [P in K]?: T } {
  const value = optional(name)
  if (value === undefined) return {}
  return { [key]: choice(name, allowed, allowed[0]) } as { [P in K]?: T }
}

function boolean(name: string, fallback: boolean): boolean {
  const value = optional(name)?.toLowerCase()
  if (value === undefined) return fallback
  if (['true', 'yes', 'on', '1'].includes(value)) return true
  if (['false', 'no', 'off', '0'].includes(value)) return false
  throw new InputError(`input '${name}' must be true or false; got '${value}'`)
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new InputError(
      `input '${name}' must be a workflow run id (a positive integer); got '${value}'`
    )
  }
  return n
}

function ownerRepo(value: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value)
  if (!match) throw new InputError(`input 'repository' must be owner/name; got '${value}'`)
  return { owner: match[1], repo: match[2] }
}
