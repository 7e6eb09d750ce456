/** Kept in step with package.json by a test (the bundle cannot read package.json at run time). */
export const TOOL_VERSION = '0.1.0'
