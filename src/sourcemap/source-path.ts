import path from 'node:path'

export interface SourcePathInfo {
  /**
   * The project path the source came from: bundler prefixes (`webpack://app/`, `file://`,
   * `/__parcel_source_root/`), `./` and leading `../` removed, posix-normalised. Absolute
   * paths stay absolute (they show the build machine's layout). '' for an unnamed source.
   */
  path: string
  /** Not third-party (`node_modules/` …) and not a bundler runtime or virtual module. */
  firstParty: boolean
}

/** Schemes whose first path segment is a namespace (webpack's `output.devtoolNamespace`, …). */
const NAMESPACED_SCHEME = /^(?:webpack|rspack|turbopack):\/\/([^/]*)\/?/i
const INTERNAL_SCHEME = /^webpack-internal:\/\/\/?/i
const FILE_SCHEME = /^file:\/\//i
/** `http://host:port/src/x.ts` (a dev server) → `/src/x.ts`. */
const OTHER_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i
/** Builtins and runtime helpers named by scheme: `node:fs`, `vite:…`, … */
const RUNTIME_SCHEME = /^(?:node|vite|rollup|virtual|internal|data):/i
const PARCEL_ROOT = /^\/?__parcel_source_root\//

/** Directories that hold dependencies rather than the project's own code. */
const THIRD_PARTY_SEGMENT = /(?:^|\/)(?:node_modules|bower_components|jspm_packages)(?:\/|$)/
const THIRD_PARTY_WORD = /node_modules|bower_components|jspm_packages/
/**
 * Bundler runtime and virtual modules, matched on the path after the namespace: webpack's
 * `webpack/runtime/…`, `webpack/bootstrap`, `external "react"`, `ignored|…`, module federation;
 * `<anonymous>`, `<runtime>`, `<define:…>` (esbuild's `<stdin>` is user code); vite helpers;
 * `webpack://_N_E/?1a2b` (a query with no module path). Anchored: most paths fail on byte one.
 */
const RUNTIME_PREFIX =
  /^(?:webpack\/|(?:external|delegated|remote) |ignored\||consume shared module|provide shared module|container entry|<(?!stdin>)[^>]*>$|\/?@vite\/|vite\/(?:preload-helper|modulepreload-polyfill|dynamic-import-helper)|__vite|\?)/
/** Helper modules bundlers inject, by file name. */
const RUNTIME_FILE =
  /^(?:_?commonjsHelpers|rollupPluginBabelHelpers|__vite-browser-external)(?:\.js)?$/
/** Segments `normalize` would change; most bundler paths only have leading ones. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)|\/\//
/** Turbopack namespaces that hold the framework, not the project. */
const RUNTIME_NAMESPACE = /^\[(?:turbopack|next|externals)\]/

/** Classifies one source of a map (its `sourceRoot`-joined path) and normalises it for display. */
export function classifySourcePath(raw: string): SourcePathInfo {
  if (raw === '') return { path: '', firstParty: true }
  // Rollup marks virtual modules with a NUL byte (`\0commonjsHelpers.js`, `\0vite/preload-helper`).
  const virtual = raw.includes('\0')
  let rest = raw.includes('\\') ? raw.replace(/\\/g, '/') : raw
  let runtime = virtual || RUNTIME_SCHEME.test(rest)
  const namespaced = NAMESPACED_SCHEME.exec(rest)
  if (namespaced) {
    runtime ||= RUNTIME_NAMESPACE.test(namespaced[1] ?? '')
    // `webpack://./src/x.ts`: no namespace, the first segment is already the path.
    rest =
      namespaced[1] === '.' || namespaced[1] === '..'
        ? rest.slice(rest.indexOf('//') + 2)
        : rest.slice(namespaced[0].length)
  } else if (INTERNAL_SCHEME.test(rest)) {
    rest = rest.replace(INTERNAL_SCHEME, '')
  } else if (FILE_SCHEME.test(rest)) {
    rest = rest.replace(FILE_SCHEME, '').replace(/^localhost\//i, '/')
  } else if (OTHER_URL.test(rest)) {
    rest = rest.replace(OTHER_URL, '')
  }
  rest = rest.replace(PARCEL_ROOT, '')
  runtime ||=
    RUNTIME_PREFIX.test(rest) ||
    rest.includes('(webpack)') || // (webpack)/buildin/global.js, (webpack)-dev-server/…
    RUNTIME_FILE.test(rest.slice(rest.lastIndexOf('/') + 1))
  const normalised = normalisePath(rest)
  const thirdParty = THIRD_PARTY_WORD.test(normalised) && THIRD_PARTY_SEGMENT.test(normalised)
  const firstParty = !runtime && !thirdParty
  return { path: normalised, firstParty }
}

/** posix-normalises, drops the query/fragment bundlers append, and leading `./` and `../`. */
function normalisePath(value: string): string {
  const query = value.search(/[?#]/)
  const bare = query === -1 ? value : value.slice(0, query)
  if (bare === '') return value
  let trimmed = bare.replace(/^(?:\.\.?\/)+/, '')
  if (DOT_SEGMENT.test(trimmed))
    trimmed = path.posix.normalize(trimmed).replace(/^(?:\.\.?\/)+/, '')
  return trimmed === '.' || trimmed === '..' || trimmed === ''
    ? path.posix.normalize(bare)
    : trimmed
}
