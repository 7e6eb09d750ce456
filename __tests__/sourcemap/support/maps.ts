/** Builders for source maps and the files that carry or reference them, as real bytes. */

export interface MapSpec {
  sources: (string | null)[]
  sourcesContent?: (string | null)[]
  sourceRoot?: string
  file?: string
}

export function mapJson(spec: MapSpec): string {
  return JSON.stringify({
    version: 3,
    file: spec.file ?? 'out.js',
    ...spec,
    names: [],
    mappings: 'AAAA;AACA'
  })
}

export function mapBuffer(spec: MapSpec): Buffer {
  return Buffer.from(mapJson(spec))
}

/** An index map whose sections hold the given maps. */
export function indexMapBuffer(sections: MapSpec[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      version: 3,
      file: 'out.js',
      sections: sections.map((spec, i) => ({
        offset: { line: i * 100, column: 0 },
        map: JSON.parse(mapJson(spec)) as unknown
      }))
    })
  )
}

export function base64DataUrl(json: string): string {
  return `data:application/json;charset=utf-8;base64,${Buffer.from(json).toString('base64')}`
}

export function percentDataUrl(json: string): string {
  return `data:application/json;charset=utf-8,${encodeURIComponent(json)}`
}

/** `n` first-party TypeScript sources `src/file<i>.ts` with `lines` lines each. */
export function firstPartySources(
  n: number,
  lines = 3
): { sources: string[]; sourcesContent: string[] } {
  const sources = Array.from({ length: n }, (_, i) => `../src/file${i}.ts`)
  const sourcesContent = sources.map((_, i) =>
    Array.from({ length: lines }, (__, l) => `export const v${i}_${l} = ${l}`).join('\n')
  )
  return { sources, sourcesContent }
}

/** Two first-party sources (with escaped quotes and a \u escape) and one third-party source. */
export const LEAKY_MAP = mapBuffer({
  sources: ['../src/cli.ts', '../src/agent/loop.ts', '../node_modules/tslib/tslib.es6.js'],
  sourcesContent: [
    'const a = "\\"quoted\\""\nconst b = \'\\u00e9\'\n',
    'export function loop() {}\n',
    'export {}'
  ]
})

/** Names two first-party sources, embeds none. */
export const NAMES_ONLY_MAP = mapBuffer({ sources: ['../src/cli.ts', '../src/config.ts'] })
