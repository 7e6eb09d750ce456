import { generateKeyPairSync } from 'node:crypto'
import { crc32 } from 'node:zlib'

/**
 * Fake credentials for tests, assembled at runtime from pieces so that no live-looking secret
 * is stored in the repository. Bodies come from a seeded generator: the same on every run.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function createRandom(seed = 20240405): (alphabet: string, length: number) => string {
  let state = seed >>> 0
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return (alphabet, length) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
}

/** Picks one of a list, driven by a seeded `createRandom` generator. */
export function createPick(random: ReturnType<typeof createRandom>): <T>(items: readonly T[]) => T {
  return (items) => items[Number.parseInt(random('0123456789', 4)) % items.length]
}

export const ALNUM = BASE62
export const UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export const URL_SAFE = `${BASE62}_-`
export const BASE64 = `${BASE62}+/`
export const HEX = '0123456789abcdef'

/** Base62 CRC32 checksum, written independently of the code under test. */
export function checksum62(random: string): string {
  let n = crc32(random)
  let out = ''
  while (n > 0) {
    out = BASE62[n % 62] + out
    n = Math.floor(n / 62)
  }
  return out.padStart(6, '0')
}

export interface Fakes {
  github(prefix?: string): string
  githubBadChecksum(): string
  githubFineGrained(): string
  npm(): string
  npmBadChecksum(): string
  awsKeyId(prefix?: string): string
  awsSecret(): string
  slackBot(): string
  slackWebhook(): string
  stripe(mode: 'live' | 'test', kind?: 'sk' | 'rk'): string
  anthropic(kind?: 'api03' | 'admin01'): string
  openaiProject(): string
  openaiLegacy(): string
  google(): string
  gitlab(): string
  pypi(): string
  generic(length?: number): string
}

export function createFakes(seed?: number): Fakes {
  const random = createRandom(seed)
  const checksummed = (prefix: string) => {
    const body = random(ALNUM, 30)
    return prefix + body + checksum62(body)
  }
  return {
    github: (prefix = 'gh' + 'p_') => checksummed(prefix),
    githubBadChecksum: () => {
      const good = checksummed('gh' + 'p_')
      const last = good.at(-1) === 'A' ? 'B' : 'A'
      return good.slice(0, -1) + last
    },
    githubFineGrained: () => 'github' + '_pat_' + random(ALNUM, 22) + '_' + random(ALNUM, 59),
    npm: () => checksummed('np' + 'm_'),
    npmBadChecksum: () => 'np' + 'm_' + random(ALNUM, 30) + 'zzzzzz',
    awsKeyId: (prefix = 'AK' + 'IA') => prefix + random(UPPER_BASE32, 16),
    awsSecret: () => random(BASE64, 40),
    slackBot: () =>
      'xo' +
      'xb-' +
      random('0123456789', 12) +
      '-' +
      random('0123456789', 13) +
      '-' +
      random(ALNUM, 24),
    slackWebhook: () =>
      'https://hooks.' +
      'slack.com/services/T' +
      random('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 8) +
      '/B' +
      random('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10) +
      '/' +
      random(ALNUM, 24),
    stripe: (mode, kind = 'sk') => kind + '_' + mode + '_' + random(ALNUM, 24),
    anthropic: (kind = 'api03') => 'sk-' + 'ant-' + kind + '-' + random(URL_SAFE, 93) + 'AA',
    openaiProject: () =>
      'sk-' + 'proj-' + random(URL_SAFE, 74) + 'T3Blbk' + 'FJ' + random(URL_SAFE, 74),
    openaiLegacy: () => 'sk-' + random(ALNUM, 20) + 'T3Blbk' + 'FJ' + random(ALNUM, 20),
    google: () => 'AI' + 'za' + random(URL_SAFE, 35),
    gitlab: () => 'gl' + 'pat-' + random(ALNUM, 20),
    pypi: () => 'pypi-' + 'AgEIcHlwaS5vcmc' + random(URL_SAFE, 60),
    generic: (length = 24) =>
      random(ALNUM, length - 2) + random('0123456789', 1) + random('abcdef', 1)
  }
}

/** A real, freshly generated private key (never stored) in the requested PEM/OpenSSH form. */
export function generatePrivateKeyPem(
  form: 'pkcs1' | 'pkcs8' | 'sec1' | 'encrypted-pkcs8' | 'openssh'
): string {
  if (form === 'sec1') {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    return privateKey.export({ type: 'sec1', format: 'pem' }).toString()
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
  if (form === 'pkcs1') return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  if (form === 'pkcs8') return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  if (form === 'encrypted-pkcs8') {
    return privateKey
      .export({
        type: 'pkcs8',
        format: 'pem',
        cipher: 'aes-256-cbc',
        passphrase: 'test passphrase'
      })
      .toString()
  }
  // OpenSSH: node cannot write it, so wrap a body that starts with the format's magic.
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    privateKey.export({ type: 'pkcs1', format: 'der' })
  ])
  const lines = body.toString('base64').match(/.{1,70}/g) ?? []
  return [
    '-----BEGIN OPENSSH ' + 'PRIVATE KEY-----',
    ...lines,
    '-----END OPENSSH PRIVATE KEY-----',
    ''
  ].join('\n')
}
