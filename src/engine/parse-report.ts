import type { Finding } from './finding.js'
import { SEVERITIES } from './finding.js'
import type { ArtifactSummary, Report } from './report.js'
import { REPORT_VERSION } from './report.js'

/** A file that should be a release-audit JSON report and is not; the message says where and why. */
export class ReportFormatError extends Error {
  override name = 'ReportFormatError'
}

type Json = Record<string, unknown>

/**
 * Checks that `text` is a version-1 release-audit report and returns it typed. Every problem
 * names the file and the field, e.g. `shard-2.json: findings[3].severity must be one of …`.
 */
export function parseReport(text: string, file: string): Report {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ReportFormatError(`${file}: not JSON (${(error as Error).message})`)
  }
  const fail = (field: string, what: string): never => {
    throw new ReportFormatError(`${file}: ${field} ${what}`)
  }
  if (!isObject(data)) return fail('the document', 'must be a JSON object')
  const tool = data.tool
  if (!isObject(tool) || tool.name !== 'release-audit') {
    fail('tool.name', "must be 'release-audit': this is not a release-audit report")
  }
  if (data.version !== REPORT_VERSION)
    fail('version', `must be ${REPORT_VERSION}; got ${JSON.stringify(data.version)}`)
  if (!['failure', 'success', 'neutral'].includes(data.conclusion as string)) {
    fail('conclusion', 'must be failure, success or neutral')
  }
  const summary = data.summary
  if (!isObject(summary)) return fail('summary', 'must be an object')
  for (const key of ['error', 'warning', 'notice', 'artifacts', 'files', 'bytes']) {
    if (!isCount(summary[key])) fail(`summary.${key}`, 'must be a non-negative integer')
  }
  if (!Array.isArray(data.artifacts)) return fail('artifacts', 'must be an array')
  data.artifacts.forEach((a: unknown, i) => checkArtifact(a, `artifacts[${i}]`, fail))
  if (!Array.isArray(data.findings)) return fail('findings', 'must be an array')
  data.findings.forEach((f: unknown, i) => checkFinding(f, `findings[${i}]`, fail))
  if (data.suppressed !== undefined && !Array.isArray(data.suppressed))
    fail('suppressed', 'must be an array')
  return data as unknown as Report
}

function checkArtifact(value: unknown, at: string, fail: (f: string, w: string) => never): void {
  if (!isObject(value)) fail(at, 'must be an object')
  const a = value as Partial<ArtifactSummary> & Json
  if (typeof a.name !== 'string') fail(`${at}.name`, 'must be a string')
  if (typeof a.source !== 'string') fail(`${at}.source`, 'must be a string')
  if (!isCount(a.files)) fail(`${at}.files`, 'must be a non-negative integer')
  if (!isCount(a.bytes)) fail(`${at}.bytes`, 'must be a non-negative integer')
  if (a.entries !== undefined) {
    if (!Array.isArray(a.entries)) fail(`${at}.entries`, 'must be an array')
    ;(a.entries as unknown[]).forEach((e, i) => {
      if (!isObject(e) || typeof e.path !== 'string' || !isCount(e.size)) {
        fail(`${at}.entries[${i}]`, 'must be {path: string, size: integer}')
      }
    })
  }
}

function checkFinding(value: unknown, at: string, fail: (f: string, w: string) => never): void {
  if (!isObject(value)) fail(at, 'must be an object')
  const f = value as Partial<Finding> & Json
  if (typeof f.rule !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(f.rule)) {
    fail(`${at}.rule`, 'must be a rule id like family/name')
  }
  if (!SEVERITIES.includes(f.severity as never))
    fail(`${at}.severity`, `must be one of ${SEVERITIES.join(', ')}`)
  if (typeof f.artifact !== 'string') fail(`${at}.artifact`, 'must be a string')
  if (typeof f.path !== 'string') fail(`${at}.path`, 'must be a string')
  if (typeof f.message !== 'string') fail(`${at}.message`, 'must be a string')
  if (f.line !== undefined && !(isCount(f.line) && f.line >= 1))
    fail(`${at}.line`, 'must be a positive integer')
  if (f.details !== undefined && !isObject(f.details)) fail(`${at}.details`, 'must be an object')
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0
}
