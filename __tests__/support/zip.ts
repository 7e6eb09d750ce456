import yazl from 'yazl'

/** A zip as upload-artifact produces it, from `{ path: content }`. */
export async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const [name, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name, {
      mtime: new Date(0)
    })
  }
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** A source map whose sourcesContent embeds `count` first-party files. */
export function leakyMap(count = 3): string {
  const sources = Array.from({ length: count }, (_, i) => `../src/module-${i}.ts`)
  return JSON.stringify({
    version: 3,
    file: 'cli.js',
    sources,
    sourcesContent: sources.map((s) => `// ${s}\nexport const x = 1\n`),
    mappings: 'AAAA'
  })
}
