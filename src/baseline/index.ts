/** Release-over-release comparison: load the previous release, compare, render. */
export { applyBaseline } from './apply.js'
export type { ApplyBaselineOptions } from './apply.js'
export { compareWithBaseline } from './compare.js'
export type { BaselineComparison, LoadedBaseline } from './compare.js'
export { loadBaseline } from './load.js'
export type { BaselineLoadResult, LoadBaselineOptions } from './load.js'
export { matchArtifacts, normaliseArtifactName } from './match-artifacts.js'
export { BASELINE_RULES_META } from './meta.js'
export { markNewFindings } from './new-findings.js'
export { renderBaselineText } from './render-text.js'
export { MAX_SECTION_ITEMS, readBaselineSection } from './section.js'
export type {
  BaselineArtifactChange,
  BaselineFileChange,
  BaselineGrowth,
  BaselineIntroduced,
  BaselineSection
} from './section.js'
export { parseBaselineSpec } from './spec.js'
export type { BaselineSpec } from './spec.js'
export { DEFAULT_BASELINE_THRESHOLDS, resolveBaselineThresholds } from './thresholds.js'
export type { BaselinePolicyKey, BaselineThresholds } from './thresholds.js'
