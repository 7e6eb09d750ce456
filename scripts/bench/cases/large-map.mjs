// An npm-style tarball (~100 MB uncompressed) whose dist/ ships a ~60 MB webpack source map that
// embeds ~2,000 first-party TypeScript sources, next to ~40 MB of other build output.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as tar from 'tar'
import { oncePerFolder } from '../once-per-folder.mjs'
import {
  createRandom,
  generateMappings,
  generateName,
  generateTypeScript,
  WORDS
} from '../random.mjs'

const FIRST_PARTY_SOURCES = 2000
const THIRD_PARTY_SOURCES = 150
const MiB = 1024 * 1024

export default {
  name: 'large source map (tgz)',
  target: { maxRatio: 1.35, maxRssMiB: 160 },

  /** The secret-scan-off case audits the same input: it is written once per bench folder. */
  generate: oncePerFolder(generateInput),

  /** The audit must actually have read the map: @param {any} report */
  verify(report) {
    const finding = report.findings.find(
      (f) => f.rule === 'sourcemap/embedded-source' && f.path.endsWith('main.js.map')
    )
    if (!finding) return 'no sourcemap/embedded-source finding for package/dist/main.js.map'
    if (finding.details?.firstPartyFiles !== FIRST_PARTY_SOURCES) {
      return `expected ${FIRST_PARTY_SOURCES} first-party files, got ${finding.details?.firstPartyFiles}`
    }
    return undefined
  }
}

/** @param {string} dir */
async function generateInput(dir) {
  const random = createRandom(60)
  const root = path.join(dir, 'large-map')
  const pkg = path.join(root, 'package')
  await mkdir(path.join(pkg, 'dist', 'chunks'), { recursive: true })
  await mkdir(path.join(pkg, 'dist', 'types'), { recursive: true })
  await mkdir(path.join(pkg, 'dist', 'assets'), { recursive: true })

  await writeFile(path.join(pkg, 'dist', 'main.js.map'), generateMap(random))
  const bundle = generateTypeScript(random, 12 * MiB).replace(/: [A-Z]\w+/g, '')
  await writeFile(
    path.join(pkg, 'dist', 'main.js'),
    `${bundle}\n//# sourceMappingURL=main.js.map\n`
  )
  for (let i = 0; i < 120; i++) {
    const chunk = generateTypeScript(random, 150 * 1024).replace(/: [A-Z]\w+/g, '')
    await writeFile(path.join(pkg, 'dist', 'chunks', `${i}.${generateName(random)}.js`), chunk)
  }
  for (let i = 0; i < 500; i++) {
    await writeFile(
      path.join(pkg, 'dist', 'types', `${generateName(random)}${i}.d.ts`),
      generateTypeScript(random, 6 * 1024)
    )
  }
  for (let i = 0; i < 4; i++)
    await writeFile(path.join(pkg, 'dist', `style${i}.css`), generateCss(random, MiB))
  for (let i = 0; i < 3; i++)
    await writeFile(path.join(pkg, 'dist', 'assets', `data${i}.json`), generateJson(random, MiB))
  await writeFile(
    path.join(pkg, 'package.json'),
    JSON.stringify({ name: 'bench-app', version: '1.0.0', main: 'dist/main.js' }, null, 2)
  )
  await writeFile(
    path.join(pkg, 'README.md'),
    '# bench-app\n\nGenerated input for the release-audit benchmark.\n'
  )

  const file = path.join(dir, 'large-map.tgz')
  await tar.c({ gzip: true, file, cwd: root, portable: true, mtime: new Date(0) }, ['package'])
  await rm(root, { recursive: true })
  return { input: file, baseline: ['gzip', '-dc', file] }
}

/** ~60 MB: webpack-style paths, ~40 MB of sourcesContent, ~18 MB of mappings. */
function generateMap(random) {
  const sources = []
  const contents = []
  for (let i = 0; i < FIRST_PARTY_SOURCES; i++) {
    const folder = `${random.pick(['components', 'features', 'lib', 'pages', 'services'])}/${random.pick(WORDS)}`
    sources.push(`webpack://bench-app/./src/${folder}/${generateName(random)}${i}.ts`)
    contents.push(generateTypeScript(random, 4000 + random.int(32000)))
  }
  for (let i = 0; i < THIRD_PARTY_SOURCES; i++) {
    sources.push(
      `webpack://bench-app/./node_modules/${random.pick(WORDS)}-lib/dist/${generateName(random)}.js`
    )
    contents.push(generateTypeScript(random, 2000 + random.int(8000)))
  }
  sources.push(
    'webpack://bench-app/webpack/bootstrap',
    'webpack://bench-app/webpack/runtime/define property getters'
  )
  contents.push('// webpack bootstrap\n', '// runtime\n')
  const names = Array.from({ length: 5000 }, () => generateName(random))
  return [
    '{"version":3,"file":"main.js","mappings":',
    JSON.stringify(generateMappings(random, 18 * MiB)),
    ',"sources":',
    JSON.stringify(sources),
    ',"sourcesContent":[',
    contents.map((c) => JSON.stringify(c)).join(','),
    '],"names":',
    JSON.stringify(names),
    ',"sourceRoot":""}'
  ].join('')
}

function generateCss(random, targetBytes) {
  const rules = []
  for (let size = 0; size < targetBytes;) {
    const rule = `.${random.pick(WORDS)}-${random.pick(WORDS)} { margin: ${random.int(40)}px; color: #${random.int(0xffffff).toString(16).padStart(6, '0')}; }\n`
    rules.push(rule)
    size += rule.length
  }
  return rules.join('')
}

function generateJson(random, targetBytes) {
  const items = []
  for (let size = 0; size < targetBytes; size += 80) {
    items.push({
      id: random.int(1e9),
      name: generateName(random),
      tags: [random.pick(WORDS), random.pick(WORDS)]
    })
  }
  return JSON.stringify(items)
}
