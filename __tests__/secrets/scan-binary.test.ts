import { describe, expect, it } from '@jest/globals'
import { scanSecretsInBinary } from '../../src/secrets/scan-binary.js'
import { isOpaqueMedia } from '../../src/archive/detect-format.js'
import { createFakes } from './support/fake-secrets.js'

const fake = createFakes(31)
const MiB = 1024 * 1024

describe('scanSecretsInBinary', () => {
  it('reports a token once, at its byte offset, when it straddles the 16 MiB chunk boundary', () => {
    const token = fake.github()
    const content = Buffer.alloc(17 * MiB, 0)
    const offset = 16 * MiB - 10
    content.write(token, offset, 'latin1')
    content.write(token, 16 * MiB + 1000, 'latin1') // inside the first chunk's overlap
    const matches = scanSecretsInBinary(content)
    expect(matches.map((m) => [m.rule, m.offset])).toEqual([
      ['secret/github-token', offset],
      ['secret/github-token', 16 * MiB + 1000]
    ])
  })

  it('reads a token between other strings, but not one inside a longer run of letters', () => {
    const token = fake.npm()
    const found = scanSecretsInBinary(Buffer.from(`\0\0version\0${token}\0Usage`))
    expect(found).toMatchObject([{ rule: 'secret/npm-token', offset: 10, redacted: 'npm_…' }])
    // Unicode name tables hold long capital runs: `…LETTERAKIA…` is not an AWS key id
    const keyId = fake.awsKeyId()
    expect(scanSecretsInBinary(Buffer.from(`\0${keyId}\0`))).toMatchObject([
      { rule: 'secret/aws-access-key' }
    ])
    const table = Buffer.from(`\0LATINCAPITALLETTER${keyId}WITHHOOK\0`)
    expect(scanSecretsInBinary(table)).toEqual([])
  })
})

describe('isOpaqueMedia', () => {
  it.each([
    ['PNG', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), true],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), true],
    ['WebP', Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), true],
    ['WOFF2', Buffer.from('wOF2\0\x01\0\0', 'latin1'), true],
    ['MP4', Buffer.from('\0\0\0\x18ftypmp42', 'latin1'), true],
    ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]), false],
    ['WebAssembly', Buffer.from('\0asm\x01\0\0\0', 'latin1'), false],
    ['SQLite', Buffer.from('SQLite format 3\0', 'latin1'), false]
  ])('%s: %s', (_name, content, opaque) => {
    expect(isOpaqueMedia(content)).toBe(opaque)
  })
})
