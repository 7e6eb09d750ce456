// A workflow-artifact-style zip of 20,000 small files (a static site / monorepo build output):
// the per-entry overhead case, where walking and rule dispatch cost more than bytes.
import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import { oncePerFolder } from '../once-per-folder.mjs'
import { createRandom, generateName, generateTypeScript, WORDS } from '../random.mjs'

const FILES = 20_000
const FIXED_MTIME = new Date('2024-01-01T00:00:00Z')

export default {
  name: '20k small files (zip)',
  target: { maxRatio: 2 },

  /** The secret-scan-off case audits the same input: it is written once per bench folder. */
  generate: oncePerFolder(generateInput),

  /** @param {any} report */
  verify(report) {
    return report.summary.files === FILES
      ? undefined
      : `expected ${FILES} files audited, got ${report.summary.files}`
  }
}

/** @param {string} dir */
async function generateInput(dir) {
  const random = createRandom(20_000)
  const zip = new yazl.ZipFile()
  const file = path.join(dir, 'zip-20k.zip')
  const written = pipeline(zip.outputStream, createWriteStream(file))
  for (let i = 0; i < FILES; i++) {
    const folder = `site/${random.pick(WORDS)}/${random.pick(WORDS)}`
    const [name, content] = smallFile(random, i)
    const body = Buffer.from(content)
    // Lazy streams make yazl deflate one entry at a time; 20,000 addBuffer calls deflate all
    // at once and take ~4× longer.
    const options = { mtime: FIXED_MTIME, compress: true, size: body.length }
    zip.addReadStreamLazy(`${folder}/${name}`, options, (done) => done(null, Readable.from([body])))
  }
  zip.end()
  await written
  return { input: file, baseline: ['unzip', '-p', file] }
}

/** @returns {[string, string]} a name and a 200 B – 4 KiB body of a common web-build file type */
function smallFile(random, i) {
  const base = `${generateName(random)}-${i}`
  const size = 200 + random.int(4000)
  switch (random.int(5)) {
    case 0:
      return [
        `${base}.html`,
        `<!doctype html><title>${base}</title>\n<main>${generateTypeScript(random, size).replace(/</g, '&lt;')}</main>\n`
      ]
    case 1:
      return [
        `${base}.json`,
        JSON.stringify({
          id: i,
          name: base,
          words: generateTypeScript(random, size).split(/\s+/).slice(0, 200)
        })
      ]
    case 2:
      return [
        `${base}.css`,
        `.${random.pick(WORDS)} { padding: ${random.int(20)}px }\n`.repeat(Math.ceil(size / 40))
      ]
    default:
      return [`${base}.js`, `${generateTypeScript(random, size).replace(/: [A-Z]\w+/g, '')}\n`]
  }
}
