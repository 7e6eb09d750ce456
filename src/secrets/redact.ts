/** At most this many characters of a secret ever reach a report. */
const MAX_SHOWN_CHARS = 4

/**
 * `npm_AbCd…` style redaction: a short prefix and an ellipsis, never more than a quarter of the
 * value, so short passwords show nothing but the ellipsis.
 */
export function redactSecret(value: string): string {
  const shown = Math.min(MAX_SHOWN_CHARS, Math.floor(value.length / 4))
  return `${value.slice(0, shown)}…`
}
