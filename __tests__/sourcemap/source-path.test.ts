import { describe, expect, it } from '@jest/globals'
import { classifySourcePath } from '../../src/sourcemap/index.js'

describe('classifySourcePath', () => {
  it.each([
    // first-party, normalised for display and matching
    ['../src/cli.ts', 'src/cli.ts', true],
    ['../../packages/app/src/x.ts', 'packages/app/src/x.ts', true],
    ['./src/./a/../b.ts', 'src/b.ts', true],
    ['webpack://my-app/./src/index.tsx', 'src/index.tsx', true],
    ['webpack:///./src/index.tsx', 'src/index.tsx', true],
    ['webpack:///src/index.tsx', 'src/index.tsx', true],
    ['webpack://./src/index.tsx', 'src/index.tsx', true],
    ['webpack://_N_E/./pages/index.tsx?1a2b', 'pages/index.tsx', true],
    ['webpack://app/./webpack/config.ts', 'webpack/config.ts', true],
    ['webpack-internal:///./src/a.ts', 'src/a.ts', true],
    ['turbopack://[project]/src/app/page.tsx', 'src/app/page.tsx', true],
    ['file:///home/ci/work/app/src/a.ts', '/home/ci/work/app/src/a.ts', true],
    ['http://localhost:5173/src/main.ts', '/src/main.ts', true],
    ['/__parcel_source_root/src/a.ts', 'src/a.ts', true],
    ['C:\\work\\app\\src\\a.ts', 'C:/work/app/src/a.ts', true],
    ['<stdin>', '<stdin>', true],
    ['src/component.vue?vue&type=script&lang=ts', 'src/component.vue', true],
    ['../external/api.ts', 'external/api.ts', true],
    ['webpack://app/./remote/client.ts', 'remote/client.ts', true],
    ['webpack:///vite/config.ts', 'vite/config.ts', true],
    // third-party
    ['../node_modules/react/index.js', 'node_modules/react/index.js', false],
    [
      'webpack://app/./node_modules/.pnpm/lodash@4/node_modules/lodash/x.js',
      'node_modules/.pnpm/lodash@4/node_modules/lodash/x.js',
      false
    ],
    ['../bower_components/jquery/jquery.js', 'bower_components/jquery/jquery.js', false],
    // bundler runtime and virtual modules
    ['webpack://app/webpack/bootstrap', 'webpack/bootstrap', false],
    [
      'webpack:///webpack/runtime/define property getters',
      'webpack/runtime/define property getters',
      false
    ],
    ['webpack:///(webpack)/buildin/global.js', '(webpack)/buildin/global.js', false],
    ['webpack://app/external "react"', 'external "react"', false],
    ['webpack://app/external commonjs "fs"', 'external commonjs "fs"', false],
    [
      'webpack://app/ignored|/app/node_modules/ws|bufferutil',
      'ignored|/app/node_modules/ws|bufferutil',
      false
    ],
    ['webpack://_N_E/?abcd', '?abcd', false],
    ['\u0000commonjsHelpers.js', '\u0000commonjsHelpers.js', false],
    ['commonjsHelpers.js', 'commonjsHelpers.js', false],
    ['vite/preload-helper.js', 'vite/preload-helper.js', false],
    ['/@vite/client', '/@vite/client', false],
    ['<anonymous>', '<anonymous>', false],
    ['node:fs', 'node:fs', false],
    ['turbopack://[turbopack]/shared/runtime-utils.ts', 'shared/runtime-utils.ts', false]
  ])('%s → %s (first-party: %s)', (raw, path, firstParty) => {
    expect(classifySourcePath(raw)).toEqual({ path, firstParty })
  })
})
