import type { Entry } from '../engine/entry.js'
import type { RuleReport } from '../engine/rule.js'
import type { SourceMapSyntaxError } from '../sourcemap/index.js'
import type { MapLocation } from './sourcemap-findings.js'
import { MAP_FILE, locate } from './sourcemap-findings.js'
import type { MapReference } from './sourcemap-references.js'

/** A map that could not be read: never silent, since whatever it holds was not audited. */
export function describeUnreadableMap(where: MapLocation, error: SourceMapSyntaxError): RuleReport {
  const what = where.inline ? 'inline source map' : 'source map'
  return {
    ...locate(where),
    rule: MAP_FILE,
    message: `${what} could not be parsed, so its sources were not audited: ${error.message}`,
    details: {
      error: error.kind,
      inline: where.inline,
      ...(error.offset !== undefined ? { offset: error.offset } : {})
    }
  }
}

/** A file that a `sourceMappingURL` names as a map but that is not one (reported on that file). */
export function describeFalseMap(
  reference: MapReference,
  target: string,
  reason: string
): RuleReport {
  // Only the path of the target is known here: entries are not kept past their visit.
  const entry: Entry = {
    artifact: reference.entry.artifact,
    path: target,
    depth: target.split('!/').length - 1,
    size: 0,
    kind: 'file'
  }
  return {
    rule: MAP_FILE,
    entry,
    message: `${reference.entry.path} names this file as its source map, but it could not be parsed as one: ${reason}`,
    details: { error: 'not-a-map', inline: false, referencedBy: reference.entry.path }
  }
}
