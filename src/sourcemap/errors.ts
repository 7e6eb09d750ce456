/**
 * Why a buffer could not be read as a source map:
 * - `json`: it is not valid JSON (truncated, garbage, a stray byte);
 * - `not-a-map`: valid JSON, but not an object with `mappings` + `sources` or `sections`;
 * - `invalid-map`: it has the shape of a map, but a field has the wrong type.
 */
export type SourceMapErrorKind = 'json' | 'not-a-map' | 'invalid-map'

export class SourceMapSyntaxError extends Error {
  override name = 'SourceMapSyntaxError'

  constructor(
    message: string,
    readonly kind: SourceMapErrorKind,
    /** Byte offset in the scanned buffer where the problem was found, when there is one. */
    readonly offset?: number
  ) {
    super(message)
  }
}
