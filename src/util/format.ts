const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const

/** 1536 → "1.5 KiB"; exact bytes below 1 KiB. */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`
}

/** 1912 → "1,912"; not toLocaleString, whose first call loads locale data (30–65 ms). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`
}

/** A byte offset in a binary file, `0x1f40 (8000)`: as hex dumps and `strings -t x` show it, and in decimal. */
export function formatOffset(offset: number): string {
  return `0x${offset.toString(16)} (${offset})`
}
