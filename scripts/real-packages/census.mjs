// An independent count of what a tarball holds, made without release-audit's code: every regular
// file, and for each `.map` file the sources whose text sits in `sourcesContent`, split into
// first-party and third-party by a deliberately simple rule. The expectations compare the CLI's
// findings with this.
import { t as listTar } from 'tar'

/** Dependency folders, bundler virtual modules (`\0…`) and webpack's runtime are not first-party. */
const THIRD_PARTY =
  /(?:^|\/)(?:node_modules|bower_components|jspm_packages)\/|\0|^webpack:\/\/[^/]*\/webpack\//

/**
 * @returns {Promise<{ files: number, maps: Map<string, MapCensus> }>} maps keyed by entry path
 * @typedef {{ parsed: boolean, sources: number, firstParty: number, firstPartyLines: number,
 *   thirdParty: number }} MapCensus
 */
export async function takeCensus(tgzPath) {
  let files = 0
  const pending = []
  await listTar({
    file: tgzPath,
    onReadEntry(entry) {
      if (entry.type !== 'File') return
      files++
      if (!entry.path.endsWith('.map')) return
      const chunks = []
      entry.on('data', (chunk) => chunks.push(chunk))
      pending.push(
        new Promise((resolve) =>
          entry.on('end', () => resolve([entry.path, Buffer.concat(chunks).toString('utf8')]))
        )
      )
    }
  })
  const maps = new Map()
  for (const [path, text] of await Promise.all(pending)) maps.set(path, countMap(text))
  return { files, maps }
}

function countMap(text) {
  const census = { parsed: false, sources: 0, firstParty: 0, firstPartyLines: 0, thirdParty: 0 }
  let map
  try {
    map = JSON.parse(text)
  } catch {
    return census
  }
  if (!Array.isArray(map?.sources)) return census
  census.parsed = true
  census.sources = map.sources.length
  const contents = Array.isArray(map.sourcesContent) ? map.sourcesContent : []
  map.sources.forEach((source, i) => {
    const content = contents[i]
    if (typeof content !== 'string') return
    if (THIRD_PARTY.test(String(source))) {
      census.thirdParty++
      return
    }
    census.firstParty++
    census.firstPartyLines += content.split('\n').length
  })
  return census
}
