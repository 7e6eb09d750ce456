// The published packages `scripts/real-packages.mjs` audits, pinned so every run sees the same
// bytes. Each group has one expectation (checked in expectations.mjs); `why` is what the package
// adds to the check, and docs/real-world.md repeats it. Contents were verified by packing each
// version and reading its maps before it was listed here.

export const GROUPS = {
  embedded: 'ships source maps with first-party sourcesContent → sourcemap/embedded-source',
  'no-sources': 'ships source maps without sourcesContent → sourcemap/file only',
  clean: 'ships no maps and no secrets → no error, no warning',
  sweep: 'large code full of token/secret/password/key words, no real secret → no error',
  control: 'ships real private keys under test/ → found, but lowered below error'
}

export const PACKAGES = [
  {
    spec: 'preact@11.2.0',
    group: 'embedded',
    why: '7 rollup/microbundle maps, each embedding its src/*.js'
  },
  {
    spec: 'immer@11.2.10',
    group: 'embedded',
    why: '5 tsup maps embedding the TypeScript sources (src/**/*.ts)'
  },
  {
    spec: 'redux@5.0.1',
    group: 'embedded',
    why: 'small: 3 tsup maps, easy to check by hand'
  },
  {
    spec: 'mobx@7.1.3',
    group: 'embedded',
    why: '8 maps with ~50 sources each: per-map counts and line totals at some size'
  },
  {
    spec: 'axios@1.21.1',
    group: 'embedded',
    why: 'maps of minified bundles (dist/axios.min.js.map, dist/esm/…) embedding 57 and 58 lib/ files'
  },
  {
    spec: '@sentry/browser@11.12.0',
    group: 'embedded',
    why: 'mixed: 200 maps with sources, 90 declaration maps without, 4 maps listing no sources'
  },
  {
    spec: '@apollo/server@5.5.1',
    group: 'no-sources',
    why: 'tsc output: 120 .js.map and 120 .d.ts.map files, none with sourcesContent'
  },
  {
    spec: 'inversify@8.2.3',
    group: 'no-sources',
    why: 'small tsc output: 7 .js.map and 7 .d.ts.map files without sourcesContent'
  },
  { spec: 'ms@2.1.3', group: 'clean', why: 'tiny utility, 4 files' },
  { spec: 'clsx@2.1.1', group: 'clean', why: 'tiny utility with several builds' },
  { spec: 'semver@7.8.6', group: 'clean', why: '54 plain CommonJS files' },
  { spec: 'debug@4.4.3', group: 'clean', why: 'ubiquitous, plain source' },
  {
    spec: 'dotenv@18.0.10',
    group: 'clean',
    why: 'README full of .env examples (SECRET_KEY=…, placeholders), code that parses .env'
  },
  {
    spec: 'jsonwebtoken@9.0.3',
    group: 'clean',
    why: 'secret/token/key vocabulary everywhere; README with sample secrets and tokens'
  },
  {
    spec: 'typescript@5.9.3',
    group: 'sweep',
    why: '23 MB of JS in few huge files (typescript.js ~9 MB); the last JS-compiler major'
  },
  {
    spec: 'webpack@5.112.2',
    group: 'sweep',
    why: '900 files, 14 MB; code that writes sourceMappingURL comments and handles secrets'
  },
  {
    spec: 'prettier@3.10.1',
    group: 'sweep',
    why: '11 MB of bundled parsers and plugins; long minified lines'
  },
  {
    spec: 'aws-sdk@2.1693.0',
    group: 'sweep',
    why: '98 MB: every AWS API model with documentation examples of keys, passwords, tokens'
  },
  {
    spec: 'googleapis@188.0.0',
    group: 'sweep',
    why: '246 MB of generated clients (largest here); OAuth, apiKey, token fields everywhere'
  },
  {
    spec: 'openai@7.57.0',
    group: 'sweep',
    why: 'AI-provider SDK: sk-… key names, auth code, 4,000 files including .ts sources'
  },
  {
    spec: 'ssh2@1.17.0',
    group: 'control',
    why: 'ships its test/fixtures: real (test-only) RSA/DSA/EC/OpenSSH/PuTTY private keys'
  }
]
