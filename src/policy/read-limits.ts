import type { Node } from 'yaml'
import type { MapEntry, PolicyReader } from './reader.js'
import { describeGot, joinKey } from './reader.js'
import type { BaselineSettings, Budgets, ByteSize } from './schema.js'
import { BYTE_UNITS, parseByteSize } from './units.js'

export const BUDGET_KEYS = ['total-bytes', 'file-bytes', 'files'] as const
export const BASELINE_KEYS = ['max-growth-percent', 'min-file-bytes'] as const
export const GROWTH_KEYS = ['total', 'file', 'files'] as const

/** `budgets:` — size and count limits per artifact. */
export function readBudgets(reader: PolicyReader, node: Node | null): Budgets {
  const fields = reader.readMap(node, 'budgets', BUDGET_KEYS)
  if (!fields) return {}
  const totalBytes = readByteSizeField(reader, fields.get('total-bytes'), 'budgets.total-bytes')
  const fileBytes = readByteSizeField(reader, fields.get('file-bytes'), 'budgets.file-bytes')
  const filesField = fields.get('files')
  const files =
    filesField && reader.readNumber(filesField.value, 'budgets.files', { integer: true })
  return {
    ...(totalBytes ? { totalBytes } : {}),
    ...(fileBytes ? { fileBytes } : {}),
    ...(files !== undefined ? { files } : {})
  }
}

/** `baseline:` — thresholds of the baseline/* rules, kept in the YAML's own key names. */
export function readBaselineSettings(reader: PolicyReader, node: Node | null): BaselineSettings {
  const fields = reader.readMap(node, 'baseline', BASELINE_KEYS)
  if (!fields) return {}
  const settings: BaselineSettings = {}
  const growthField = fields.get('max-growth-percent')
  if (growthField) {
    const key = 'baseline.max-growth-percent'
    const growth = reader.readMap(growthField.value, key, GROWTH_KEYS)
    const percents: NonNullable<BaselineSettings['max-growth-percent']> = {}
    for (const { name, value } of growth?.values() ?? []) {
      const percent = reader.readNumber(value, joinKey(key, name))
      if (percent !== undefined) percents[name as (typeof GROWTH_KEYS)[number]] = percent
    }
    settings['max-growth-percent'] = percents
  }
  const minFileBytes = readByteSizeField(
    reader,
    fields.get('min-file-bytes'),
    'baseline.min-file-bytes'
  )
  if (minFileBytes) settings['min-file-bytes'] = minFileBytes.bytes
  return settings
}

function readByteSizeField(
  reader: PolicyReader,
  field: MapEntry | undefined,
  key: string
): ByteSize | undefined {
  if (!field) return undefined
  const value = reader.readScalar(field.value)
  const bytes = parseByteSize(value)
  if (bytes !== undefined)
    return { bytes, text: typeof value === 'string' ? value.trim() : `${bytes} B` }
  const units = Object.keys(BYTE_UNITS).join(', ')
  reader.report(
    field.value,
    key,
    `${key} must be a whole number of bytes or a size with a unit (${units}), e.g. 20 MB${describeGot(value, field.value)}`
  )
  return undefined
}
