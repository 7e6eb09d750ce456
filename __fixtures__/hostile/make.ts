import { buildTar, buildTgz, buildZip } from '../archives.js'

/**
 * The checked-in hostile samples (see README.md beside this file), built from the fixture helpers.
 * `UPDATE_HOSTILE=1 npm test -- __tests__/archive/hostile` rewrites the files from here; without it
 * the test checks that what this builds still walks exactly like the checked-in files.
 */
export async function buildHostileSamples(): Promise<Record<string, Buffer>> {
  const truncated = await buildTgz({
    'package/package.json': '{"name":"cut"}',
    'package/dist/index.js': Array.from({ length: 4000 }, (_, i) => `export const v${i} = ${(i * 2654435761) % 1000003}`).join('\n')
  })
  return {
    'zip-bomb.zip': await buildZip({ 'zeros.bin': Buffer.alloc(100 * 1024 * 1024), 'README.txt': 'nothing to see' }),
    'zip-slip.zip': await buildZip({
      'ok.txt': 'fine',
      '../evil.sh': '#!/bin/sh\necho pwned\n',
      '../../etc/cron.d/job': '* * * * * root /tmp/evil.sh\n',
      '/etc/profile.d/abs.sh': 'echo absolute\n'
    }),
    'tar-absolute.tar': await buildTar({
      'package/ok.txt': 'fine',
      '/etc/profile.d/evil.sh': 'echo pwned\n',
      'package/passwd': { symlink: '/etc/passwd' },
      'package/escape': { hardlink: '../../etc/shadow' }
    }),
    'truncated.tgz': truncated.subarray(0, Math.floor(truncated.length / 2)),
    'encrypted.zip': await buildZip({ 'secret.env': 'API_KEY=not-really\n', 'README.txt': 'readable' }, { encrypted: ['secret.env'] })
  }
}
