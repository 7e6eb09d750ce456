import type { RuleMeta } from '../engine/rule.js'

/** The comparison with the previous release reports these; listed so reporters and docs know them. */
export const BASELINE_RULES_META: RuleMeta = {
  family: 'baseline',
  rules: {
    'baseline/new-file': {
      severity: 'warning',
      description:
        'A file that the previous release did not ship (grouped by folder when there are many)'
    },
    'baseline/removed-file': {
      severity: 'warning',
      description: 'A file that the previous release shipped and this one does not'
    },
    'baseline/growth': {
      severity: 'warning',
      description:
        'Total size, a file or the file count grew beyond the threshold since the previous release'
    }
  }
}

/** Families whose findings get marked "new since <baseline>" when the previous release had none there. */
export const TRACKED_FAMILIES: readonly string[] = ['sourcemap', 'private-file', 'secret']
