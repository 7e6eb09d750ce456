import v8 from 'node:v8'

let guarded = false

/**
 * Lets V8 finish a search that backtracks too much (over 50,000 backtracks in one run: `(a+)+b`
 * on `aaaa…c`) with its linear-time engine, instead of a user's `forbid` pattern hanging the
 * audit on an unlucky file. Process-wide, for regexes run from then on; it only ever takes over
 * patterns that engine supports (no lookaround, backreference, `i` or `u` flag), and only once
 * they backtrack that much: every other regex runs as before.
 */
export function guardAgainstBacktracking(): void {
  if (guarded) return
  guarded = true
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks')
}
