const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A calendar date as `YYYY-MM-DD`, from text or from the Date a YAML 1.1 timestamp becomes;
 * undefined for anything else, including impossible dates such as 2026-02-30.
 */
export function parseCalendarDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10)
  }
  if (typeof value !== 'string') return undefined
  const match = DATE_PATTERN.exec(value.trim())
  if (!match) return undefined
  const [year, month, day] = match.slice(1).map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return valid ? value.trim() : undefined
}

/** `until: 2026-12-31` still applies on that whole day (UTC) and stops applying after it. */
export function isExpired(until: string, now: Date): boolean {
  return now.getTime() >= Date.parse(`${until}T00:00:00Z`) + DAY_MS
}
