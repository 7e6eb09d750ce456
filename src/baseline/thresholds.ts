/** When growth against the previous release becomes a `baseline/growth` finding. */
export interface BaselineThresholds {
  maxGrowthPercent: {
    /** Total uncompressed bytes of one artifact. */
    total: number
    /** One file's size (only files at least `minFileBytes` large after the change). */
    file: number
    /** Number of files in one artifact. */
    files: number
  }
  /** Files smaller than this never raise a per-file growth finding. */
  minFileBytes: number
}

export const DEFAULT_BASELINE_THRESHOLDS: BaselineThresholds = {
  maxGrowthPercent: { total: 25, file: 100, files: 10 },
  minFileBytes: 10 * 1024
}

/** The policy file's `baseline:` key, as written in YAML (already validated by the policy schema). */
export interface BaselinePolicyKey {
  'max-growth-percent'?: { total?: number; file?: number; files?: number }
  'min-file-bytes'?: number
}

/** Fills what the policy leaves out with the defaults. */
export function resolveBaselineThresholds(policy: BaselinePolicyKey = {}): BaselineThresholds {
  const growth = policy['max-growth-percent'] ?? {}
  const defaults = DEFAULT_BASELINE_THRESHOLDS
  return {
    maxGrowthPercent: {
      total: growth.total ?? defaults.maxGrowthPercent.total,
      file: growth.file ?? defaults.maxGrowthPercent.file,
      files: growth.files ?? defaults.maxGrowthPercent.files
    },
    minFileBytes: policy['min-file-bytes'] ?? defaults.minFileBytes
  }
}
