import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type RegistryMode = 'serve' | 'fail-500' | 'reset' | 'not-found'

export interface FakeRegistry {
  url: string
  /** Every request path seen, in order. */
  requests: string[]
  close(): Promise<void>
}

export interface PublishedVersion {
  version: string
  tarball: Buffer
}

/**
 * A minimal npm registry on 127.0.0.1: a packument per package (with integrity, so npm verifies
 * the download) and the tarballs. Other modes fail every request: HTTP 500, a reset connection,
 * or 404 (a package never published).
 */
export async function startFakeRegistry(
  mode: RegistryMode,
  packages: Record<string, { latest: string; versions: PublishedVersion[] }> = {}
): Promise<FakeRegistry> {
  const requests: string[] = []
  const tarballs = new Map<string, Buffer>()
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')
    requests.push(urlPath)
    if (mode === 'reset') return req.socket.destroy()
    if (mode === 'fail-500') return send(res, 500, { error: 'internal server error' })
    const tarball = tarballs.get(urlPath)
    if (mode === 'serve' && tarball) {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': tarball.length
      })
      return res.end(tarball)
    }
    const name = urlPath.slice(1)
    const pkg = mode === 'serve' ? packages[name] : undefined
    if (!pkg) return send(res, 404, { error: 'Not found' })
    send(res, 200, packument(name, pkg, origin()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  for (const [name, pkg] of Object.entries(packages)) {
    for (const v of pkg.versions) tarballs.set(tarballPath(name, v.version), v.tarball)
  }
  return {
    url: `${origin()}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function packument(
  name: string,
  pkg: { latest: string; versions: PublishedVersion[] },
  origin: string
) {
  const versions = Object.fromEntries(
    pkg.versions.map((v) => [
      v.version,
      {
        name,
        version: v.version,
        dist: {
          tarball: `${origin}${tarballPath(name, v.version)}`,
          integrity: `sha512-${createHash('sha512').update(v.tarball).digest('base64')}`,
          shasum: createHash('sha1').update(v.tarball).digest('hex')
        }
      }
    ])
  )
  return { name, 'dist-tags': { latest: pkg.latest }, versions }
}

function tarballPath(name: string, version: string): string {
  return `/${name}/-/${name.slice(name.lastIndexOf('/') + 1)}-${version}.tgz`
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}
