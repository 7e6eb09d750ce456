import type { Finding } from '../engine/finding.js'
import { formatBytes, formatCount } from '../util/format.js'
import type { ChangedFile } from './diff-artifact.js'
import type { FileGroup } from './group-files.js'
import { groupByTopFolder, isGroup } from './group-files.js'

interface Context {
  /** Artifact the findings are reported on (this release's name). */
  artifact: string
  label: string
}

/** `baseline/new-file` or `baseline/removed-file` findings: one per file, or per top folder when many. */
export function reportChangedFiles(
  change: 'new' | 'removed',
  files: readonly ChangedFile[],
  context: Context
): Finding[] {
  return groupByTopFolder(files).map((item) =>
    isGroup(item) ? reportGroup(change, item, context) : reportFile(change, item, context)
  )
}

function reportFile(change: 'new' | 'removed', file: ChangedFile, context: Context): Finding {
  const isNew = change === 'new'
  return {
    rule: isNew ? 'baseline/new-file' : 'baseline/removed-file',
    severity: 'warning',
    artifact: context.artifact,
    path: file.path,
    message: isNew
      ? `new file since ${context.label} (${formatBytes(file.bytes)})`
      : `removed since ${context.label} (was ${formatBytes(file.bytes)})`,
    details: { bytes: file.bytes, baseline: context.label }
  }
}

function reportGroup(
  change: 'new' | 'removed',
  group: FileGroup<ChangedFile>,
  context: Context
): Finding {
  const isNew = change === 'new'
  const count = group.files.length
  const bytes = group.files.reduce((n, f) => n + f.bytes, 0)
  const more = count > group.samples.length ? ', …' : ''
  return {
    rule: isNew ? 'baseline/new-file' : 'baseline/removed-file',
    severity: 'warning',
    artifact: context.artifact,
    path: group.path,
    message:
      `${formatCount(count)} files ${isNew ? 'new in' : 'removed from'} ${group.where} since ` +
      `${context.label} (${formatBytes(bytes)}), e.g. ${group.samples.join(', ')}${more}`,
    details: { count, bytes, samples: group.samples, folder: group.where, baseline: context.label }
  }
}
