import { open, readFile } from 'node:fs/promises'
import type { Report } from '../engine/report.js'
import { parseReport } from '../engine/parse-report.js'

const SNIFF_BYTES = 64

/** Whether a file looks like JSON (first non-blank character `{` or `[`, after any BOM), not an archive. */
export async function looksLikeJson(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0)
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
    return head.startsWith('{') || head.startsWith('[')
  } finally {
    await handle.close()
  }
}

/**
 * Reads an earlier release-audit JSON report. Throws ReportFormatError naming the file and the
 * field that is wrong (not JSON, not a release-audit report, unsupported version, bad shape).
 */
export async function readReportFile(file: string, displayName: string): Promise<Report> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
  return parseReport(text, displayName)
}
