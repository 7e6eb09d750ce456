/** Bytes per unit: kB/KB/MB/GB are decimal (as npm and most dashboards print), KiB/MiB/GiB binary. */
export const BYTE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  kB: 1000,
  KB: 1000,
  KiB: 1024,
  MB: 1000 ** 2,
  MiB: 1024 ** 2,
  GB: 1000 ** 3,
  GiB: 1024 ** 3
}

/** `20 MB`, `1.5MiB`, `512`: the form the JSON Schema's pattern accepts too. */
export const BYTE_SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|KB|KiB|MB|MiB|GB|GiB)?\s*$/

/** A byte count from a number or a string with a unit; undefined when it is neither. */
export function parseByteSize(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 ? value : undefined
  }
  if (typeof value !== 'string') return undefined
  const match = BYTE_SIZE_PATTERN.exec(value)
  if (!match) return undefined
  const bytes = Math.floor(Number(match[1]) * BYTE_UNITS[match[2] ?? 'B'])
  return Number.isSafeInteger(bytes) ? bytes : undefined
}
