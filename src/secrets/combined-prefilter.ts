import { DETECTORS } from './detectors/index.js'
import { buildPrefilter, dropNegativeAssertions } from './prefilter.js'

/** Every detector's trigger in one regex: the one search each text gets. */
export const PREFILTER = buildPrefilter(DETECTORS)

/**
 * The prefilter run on a JSON string's raw bytes. Without `\u` and `\/` escapes, every character
 * a trigger needs is written as itself, so a trigger found in the decoded text is found at the
 * same spot in the raw bytes; only negative assertions could differ (`\n` is a letter there).
 * Raw control characters (strict JSON forbids them; decoding takes them as themselves) are the
 * same characters in both.
 */
export const RAW_PREFILTER_SOURCE = dropNegativeAssertions(PREFILTER.regex.source)

/** Index in `PREFILTER.groups` of the group a prefilter hit matched. */
export function hitGroup(hit: RegExpExecArray): number {
  return hit.findIndex((value, i) => i > 0 && value !== undefined) - 1
}
