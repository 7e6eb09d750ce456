import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Severity } from '../../src/engine/finding.js'
import { buildSeparatorTrigger } from '../../src/secrets/detectors/service-token-detector.js'
import { SERVICE_TOKEN_DETECTORS } from '../../src/secrets/detectors/service-tokens.js'
import { SECRET_RULES } from '../../src/secrets/rules.js'
import { scanSecrets } from '../../src/secrets/scan.js'
import { mayHoldSecrets } from '../../src/secrets/scan-json-string.js'
import { readEmbeddedText, scanSourceMap } from '../../src/sourcemap/index.js'
import { ALNUM, BASE64, HEX, URL_SAFE, createRandom } from './support/fake-secrets.js'

/** Fake tokens, assembled at runtime from split prefixes and seeded random bodies. */
const random = createRandom(20250611)
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const DIGITS = '0123456789'
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'

/** BIP-173 checksum, written independently of src/secrets/bech32.ts. */
function bech32Encode(hrp: string, data: number[]): string {
  const generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
  const polymod = (values: number[]): number =>
    values.reduce((chk, v) => {
      const top = chk >>> 25
      let next = (((chk & 0x1ffffff) << 5) ^ v) >>> 0
      generator.forEach((g, i) => {
        if ((top >>> i) & 1) next = (next ^ g) >>> 0
      })
      return next
    }, 1)
  const expanded = [...hrp].map((c) => c.charCodeAt(0) >> 5)
  expanded.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31))
  const mod = polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ 1
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31)
  return `${hrp}1${[...data, ...checksum].map((d) => BECH32[d]).join('')}`
}

const ageKey = (): string => {
  const data = Array.from({ length: 52 }, () => BECH32.indexOf(random(BECH32, 1)))
  return bech32Encode('age-secret-key-', data).toUpperCase()
}

/** `{"iat":…,"region_url":…}` in base64, as Sentry org tokens carry before their secret. */
const sentryOrgToken = (): string => {
  const claims = JSON.stringify({
    iat: 1718000000.5,
    url: 'https://sentry.io',
    region_url: 'https://us.sentry.io',
    org: random(LOWER_ALNUM, 8)
  })
  return 'sntry' + 's_' + Buffer.from(claims).toString('base64') + '_' + random(BASE64, 43)
}

/** A JWT with these claims and a random signature (HS256 header, as Supabase signs them). */
const jwt = (claims: Record<string, unknown>): string =>
  [
    Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url'),
    Buffer.from(JSON.stringify(claims)).toString('base64url'),
    random(URL_SAFE, 43)
  ].join('.')
const supabaseClaims = (role: string, extra: Record<string, unknown> = {}) => ({
  iss: 'supabase',
  ref: random(LOWER_ALNUM, 20),
  role,
  iat: 1700000000,
  exp: 2015000000,
  ...extra
})

interface Positive {
  service: string
  token: string
  /** How the token sits in a file. */
  text?: (token: string) => string
  severity?: Severity
}

const POSITIVES: Positive[] = [
  { service: 'Hugging Face access token', token: 'h' + 'f_' + random(LETTERS, 34) },
  {
    service: 'Hugging Face organization API token',
    token: 'api' + '_org_' + random(LETTERS, 34)
  },
  {
    service: 'Docker Hub personal access token',
    token: 'dckr' + '_pat_' + random(URL_SAFE, 27)
  },
  {
    service: 'Azure storage account key',
    token: 'Account' + 'Key=' + random(BASE64, 86) + '==',
    text: (token) =>
      `"DefaultEndpointsProtocol=https;AccountName=acmeprod;${token};EndpointSuffix=core.windows.net"`
  },
  {
    service: 'Azure shared access key (Service Bus, Event Hubs, IoT Hub)',
    token: 'SharedAccess' + 'Key=' + random(BASE64, 43) + '=',
    text: (token) =>
      `SB=Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;${token}`
  },
  {
    service: 'Microsoft Entra ID (Azure AD) client secret',
    token: random(ALNUM, 3) + '8Q' + '~' + random(URL_SAFE, 34)
  },
  {
    service: 'SendGrid API key',
    token: 'S' + 'G.' + random(URL_SAFE, 22) + '.' + random(URL_SAFE, 43)
  },
  { service: 'Shopify Admin API access token', token: 'shp' + 'at_' + random(HEX, 32) },
  { service: 'Shopify custom app access token', token: 'shp' + 'ca_' + random(HEX, 32) },
  { service: 'Shopify private app access token', token: 'shp' + 'pa_' + random(HEX, 32) },
  { service: 'Shopify app shared secret', token: 'shp' + 'ss_' + random(HEX, 32) },
  {
    service: 'DigitalOcean personal access token',
    token: 'do' + 'p_v1_' + random(HEX, 64)
  },
  { service: 'DigitalOcean OAuth access token', token: 'do' + 'o_v1_' + random(HEX, 64) },
  { service: 'DigitalOcean OAuth refresh token', token: 'do' + 'r_v1_' + random(HEX, 64) },
  { service: 'HashiCorp Vault service token', token: 'hv' + 's.' + random(URL_SAFE, 95) },
  { service: 'HashiCorp Vault batch token', token: 'hv' + 'b.' + random(URL_SAFE, 150) },
  {
    service: 'Grafana Cloud access policy token',
    token: 'gl' + 'c_' + random(BASE64, 120) + '='
  },
  {
    service: 'Grafana service account token',
    token: 'gl' + 'sa_' + random(ALNUM, 32) + '_' + random(HEX, 8)
  },
  { service: 'Sentry organization auth token', token: sentryOrgToken() },
  { service: 'Sentry user auth token', token: 'sntry' + 'u_' + random(HEX, 64) },
  { service: 'Linear API key', token: 'lin' + '_api_' + random(ALNUM, 40) },
  {
    service: 'Postman API key',
    token: 'PM' + 'AK-' + random(HEX, 24) + '-' + random(HEX, 34)
  },
  { service: 'New Relic user API key', token: 'NR' + 'AK-' + random(UPPER_ALNUM, 27) },
  { service: 'Atlassian API token', token: 'ATA' + 'TT3' + random(`${URL_SAFE}=`, 186) },
  {
    service: 'age secret key (checksum valid)',
    token: ageKey(),
    text: (key) => `# created: 2025-06-11\n# public key: age1…\n${key}\n`
  },
  { service: 'Fly.io access token', token: 'fo' + '1_' + random(URL_SAFE, 43) },
  {
    service: 'Fly.io macaroon token',
    token: 'fm' + '2_' + random(BASE64, 300),
    text: (token) => `FLY_API_TOKEN="FlyV1 ${token},${'fm' + '2_' + random(BASE64, 200)}"`
  },
  { service: 'Supabase personal access token', token: 'sb' + 'p_' + random(HEX, 40) },
  {
    service: 'Supabase secret API key',
    token: 'sb_' + 'secret_' + random(URL_SAFE, 22) + '_' + random(URL_SAFE, 8)
  },
  { service: 'PlanetScale service token', token: 'pscale' + '_tkn_' + random(URL_SAFE, 43) },
  {
    service: 'PlanetScale database password',
    token: 'pscale' + '_pw_' + random(URL_SAFE, 43)
  },
  { service: 'PlanetScale OAuth token', token: 'pscale' + '_oauth_' + random(URL_SAFE, 43) },
  { service: 'Pulumi access token', token: 'pu' + 'l-' + random(HEX, 40) },
  { service: 'RubyGems API key', token: 'rubygems' + '_' + random(HEX, 48) },
  { service: 'Buildkite user access token', token: 'bk' + 'ua_' + random(LOWER_ALNUM, 40) },
  { service: 'Figma personal access token', token: 'fig' + 'd_' + random(URL_SAFE, 40) },
  {
    service: 'Notion integration token',
    token: 'nt' + 'n_' + random(DIGITS, 11) + random(ALNUM, 35)
  },
  { service: 'Netlify personal access token', token: 'nf' + 'p_' + random(ALNUM, 36) },
  { service: 'Groq API key', token: 'gs' + 'k_' + random(ALNUM, 52) },
  {
    service: 'LangSmith personal access token',
    token: 'lsv2' + '_pt_' + random(HEX, 32) + '_' + random(HEX, 10)
  },
  {
    service: 'LangSmith service key',
    token: 'lsv2' + '_sk_' + random(HEX, 32) + '_' + random(HEX, 10)
  },
  { service: 'OpenRouter API key', token: 's' + 'k-or-v1-' + random(HEX, 64) },
  {
    service: 'DeepSeek API key (the sk- + 32 hex shape is not unique to DeepSeek)',
    token: 's' + 'k-' + random(HEX, 32),
    severity: 'warning'
  },
  {
    service: '1Password service account token',
    token:
      'ops' +
      '_' +
      Buffer.from(
        JSON.stringify({
          signInAddress: 'acme.1password.com',
          userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000 },
          email: random(LOWER_ALNUM, 12) + '@1passwordserviceaccounts.com',
          srpX: random(HEX, 64),
          muk: { alg: 'A256GCM', ext: true, k: random(URL_SAFE, 43), kty: 'oct' },
          secretKey: 'A3-' + random(UPPER_ALNUM, 26),
          deviceUuid: random(LOWER_ALNUM, 26)
        })
      ).toString('base64url')
  },
  { service: 'Sourcegraph access token', token: 'sg' + 'p_' + random(HEX, 40) },
  {
    service: 'Sourcegraph access token',
    token: 'sg' + 'p_' + random(HEX, 16) + '_' + random(HEX, 40)
  },
  { service: 'Contentful personal access token', token: 'CF' + 'PAT-' + random(URL_SAFE, 43) },
  { service: 'Shippo live API token', token: 'shippo' + '_live_' + random(HEX, 40) },
  {
    service: 'Shippo test API token',
    token: 'shippo' + '_test_' + random(HEX, 40),
    severity: 'warning'
  },
  {
    service: 'Webhook signing secret (Stripe, Svix, Clerk)',
    token: 'wh' + 'sec_' + random(ALNUM, 32)
  },
  {
    service: 'Webhook signing secret (Stripe, Svix, Clerk)',
    token: 'wh' + 'sec_' + random(BASE64, 43) + '='
  },
  { service: 'Prefect API key', token: 'pn' + 'u_' + random(ALNUM, 36) },
  { service: 'ReadMe API key', token: 'rdm' + 'e_' + random(LOWER_ALNUM, 70) },
  { service: 'SonarQube user token', token: 'sq' + 'u_' + random(HEX, 40) },
  { service: 'SonarQube project analysis token', token: 'sq' + 'p_' + random(HEX, 40) },
  { service: 'SonarQube global analysis token', token: 'sq' + 'a_' + random(HEX, 40) },
  { service: 'Duffel live API token', token: 'duffel' + '_live_' + random(URL_SAFE, 43) },
  {
    service: 'Duffel test API token',
    token: 'duffel' + '_test_' + random(URL_SAFE, 43),
    severity: 'warning'
  },
  {
    service: 'Braintree production access token',
    token: 'access' + '_token$production$' + random(LOWER_ALNUM, 16) + '$' + random(HEX, 32)
  },
  {
    service: 'Braintree sandbox access token',
    token: 'access' + '_token$sandbox$' + random(LOWER_ALNUM, 16) + '$' + random(HEX, 32),
    severity: 'warning'
  },
  {
    service: 'Flutterwave secret key',
    token: 'FLWSE' + 'CK-' + random(HEX, 32) + '-X'
  },
  {
    service: 'Flutterwave test secret key',
    token: 'FLWSE' + 'CK_TEST-' + random(HEX, 32) + '-X',
    severity: 'warning'
  },
  {
    service: 'Mailchimp API key',
    token: random(HEX, 32) + '-' + 'us' + random(DIGITS, 2),
    text: (token) => `mailchimp.setConfig({ apiKey: '${token}', server: 'us21' })\n`
  },
  { service: 'Mailchimp API key', token: random(HEX, 32) + '-us' + '7' },
  { service: 'JFrog Artifactory API key', token: 'AK' + 'Cp' + random(ALNUM, 69) },
  { service: 'Supabase service_role key', token: jwt(supabaseClaims('service_role')) },
  {
    service: 'Supabase service_role key',
    token: jwt(supabaseClaims('service_role')),
    text: (token) => `createClient(url, "${token}", { auth: { persistSession: false } })\n`
  },
  {
    service: 'Supabase service_role key (expired on 2023-11-14)',
    token: jwt(supabaseClaims('service_role', { exp: 1700000000 })),
    severity: 'notice'
  },
  { service: 'Replicate API token', token: 'r' + '8_' + random(URL_SAFE, 37) },
  { service: 'xAI API key', token: 'xa' + 'i-' + random(ALNUM, 80) },
  { service: 'Perplexity API key', token: 'pp' + 'lx-' + random(ALNUM, 48) },
  {
    service: 'Mailgun API key (the key- prefix is not unique to Mailgun)',
    token: 'key' + '-' + random(HEX, 32),
    severity: 'warning'
  },
  { service: 'Square access token', token: 'sq0' + 'atp-' + random(URL_SAFE, 22) },
  { service: 'Square application secret', token: 'sq0' + 'csp-' + random(URL_SAFE, 43) },
  { service: 'Google OAuth client secret', token: 'GOC' + 'SPX-' + random(URL_SAFE, 28) },
  ...[8, 9, 10].map((digits) => ({
    service: 'Telegram bot token',
    token: random('123456789', 1) + random(DIGITS, digits - 1) + ':A' + 'A' + random(URL_SAFE, 33)
  })),
  {
    service: 'Discord webhook URL',
    token:
      'https://' + 'discord.com/api/webhooks/' + random(DIGITS, 18) + '/' + random(URL_SAFE, 68)
  },
  {
    service: 'Discord webhook URL',
    token:
      'https://' + 'discordapp.com/api/webhooks/' + random(DIGITS, 19) + '/' + random(URL_SAFE, 68)
  }
]

describe('secret/service-token: what it finds', () => {
  it.each(POSITIVES.map((p) => [p.service, p] as const))(
    '%s',
    (_name, { service, token, severity = 'error', text }) => {
      const content = text?.(token) ?? `const config = {\n  token: "${token}",\n}\n`
      const matches = scanSecrets(content)
      expect(matches).toHaveLength(1)
      expect(matches[0]).toMatchObject({ rule: 'secret/service-token', severity })
      expect(matches[0].description).toBe(service)
      expect(matches[0].redacted).toMatch(/^[^…]{0,4}…$/)
      expect(content.slice(0, 200)).toContain(matches[0].redacted.slice(0, -1))
    }
  )

  it('finds a token at the start of a file, in .env syntax and as a shell argument', () => {
    const hf = 'h' + 'f_' + random(LETTERS, 34)
    const docker = 'dckr' + '_pat_' + random(URL_SAFE, 27)
    const text = `${hf}\nDOCKER_TOKEN=${docker}\ndocker login -u ci -p '${docker}'\n`
    expect(scanSecrets(text).map((m) => [m.line, m.column, m.description])).toEqual([
      [1, 1, 'Hugging Face access token'],
      [2, 14, 'Docker Hub personal access token'],
      [3, 24, 'Docker Hub personal access token']
    ])
  })

  it('reports a made-up age key (bad checksum) only as a notice', () => {
    const key = ageKey()
    const last = key.at(-1) === 'Q' ? 'P' : 'Q'
    expect(scanSecrets(key.slice(0, -1) + last)).toMatchObject([
      {
        rule: 'secret/service-token',
        severity: 'notice',
        description: 'age secret key (its checksum does not match, so it is probably made up)'
      }
    ])
  })

  it("leaves the storage emulator's public key alone, as @azure/storage-blob ships it", () => {
    const constants = readFileSync(
      fileURLToPath(
        new URL(
          '../../node_modules/@azure/storage-blob/dist/esm/utils/constants.js',
          import.meta.url
        )
      ),
      'latin1'
    )
    expect(constants).toContain('AccountName=devstoreaccount1;AccountKey=')
    expect(scanSecrets(constants).filter((m) => m.rule === 'secret/service-token')).toEqual([])
  })

  it('is one level lower under a test folder', () => {
    const token = 'lin' + '_api_' + random(ALNUM, 40)
    expect(scanSecrets(token, { inTestFolder: true })[0].severity).toBe('warning')
  })
})

const hf = 'h' + 'f_'
const NEGATIVES: Array<[string, string]> = [
  ['Azure storage key placeholder', 'AccountKey=' + 'x'.repeat(86) + '=='],
  ['Azure storage key cut short', 'AccountKey=' + random(BASE64, 60) + '=='],
  ['Azure emulator-style variable', 'AccountKey=${STORAGE_KEY};EndpointSuffix=core.windows.net'],
  ['Azure shared access key name only', 'SharedAccessKeyName=RootManageSharedAccessKey;'],
  ['tilde paths and operators', 'cd ~/src && x = ~~y; import "~3Q~styles/app.css"'],
  ['Hugging Face placeholder', `HF_TOKEN=${hf}${'x'.repeat(34)}`],
  ['Hugging Face token too short', `${hf}${random(LETTERS, 33)}`],
  ['Hugging Face token too long', `${hf}${random(LETTERS, 35)}`],
  ['Hugging Face token with a digit', `${hf}${random(LETTERS, 20)}7${random(LETTERS, 13)}`],
  ['camelCase name after hf_', `${hf}loadModelConfigurationFromServerXy()`],
  ['prefix glued to a longer identifier', `my${hf}${random(LETTERS, 34)}`],
  ['snake_case names with the prefixes', 'hf_hub_download(repo_id, api_org_name, sb_secret_name)'],
  [
    'SendGrid placeholder',
    'SENDGRID_API_KEY=S' +
      'G.your-key-here-xxxxxxxxx.' +
      'your-secret-here-xxxxxxxxxxxxxxxxxxxxxxxxxxx'
  ],
  [
    'SendGrid-like with a short part',
    'S' + 'G.' + random(URL_SAFE, 21) + '.' + random(URL_SAFE, 43)
  ],
  ['Shopify token with non-hex characters', 'shp' + 'at_' + random('ghijklmnop', 32)],
  ['Shopify token of zeros', 'shp' + 'at_' + '0'.repeat(32)],
  ['DigitalOcean prefix without a body', 'const PREFIX = "do' + 'p_v1_"'],
  ['DigitalOcean token one short', 'do' + 'p_v1_' + random(HEX, 63)],
  ['DigitalOcean token one long', 'do' + 'p_v1_' + random(HEX, 65)],
  ['DigitalOcean token in upper-case hex', 'do' + 'p_v1_' + random('0123456789ABCDEF', 64)],
  ['New Relic key in lower case', 'NR' + 'AK-' + random(LOWER_ALNUM, 27)],
  ['Supabase PAT with upper-case hex', 'sb' + 'p_' + random('0123456789ABCDEF', 40)],
  [
    'the Supabase CLI local-development secret key',
    'SUPABASE_SECRET_KEY=sb_' + 'secret_' + 'N7UND0UgjKTVK-' + 'Uodkm0Hg_xSvEMPvz'
  ],
  ['key-value in prose and CSS', 'a key-value store; .monkey-patch { } data-key-name="x"'],
  ['Groq key one short', 'gs' + 'k_' + random(ALNUM, 51)],
  ['sk- and 32 hex inside a longer hex run', 's' + 'k-' + random(HEX, 40)],
  ['sk- id glued to a word', 'task-' + random(HEX, 32)],
  ['1Password prefix in code', 'if (token.startsWith("ops' + '_eyJ")) return true'],
  ['Sourcegraph token in upper-case hex', 'sg' + 'p_' + random('0123456789ABCDEF', 40)],
  ['Contentful token cut short', 'CF' + 'PAT-' + random(URL_SAFE, 42)],
  ['webhook secret placeholder', 'STRIPE_WEBHOOK_SECRET=wh' + 'sec_' + 'x'.repeat(32)],
  ['webhook secret prefix in code', 'if (!secret.startsWith("wh' + 'sec_")) throw new Error()'],
  ['OpenRouter key in upper-case hex', 's' + 'k-or-v1-' + random('0123456789ABCDEF', 64)],
  ['Shippo token cut short', 'shippo' + '_live_' + random(HEX, 39)],
  ['Groq-style placeholder', 'GROQ_API_KEY=gs' + 'k_' + 'x'.repeat(52)],
  ['snake_case name ending in r8', 'const layer_r8_weightsAndBiasesForTheModel = 1'],
  ['xAI key one long', 'xa' + 'i-' + random(ALNUM, 81)],
  ['CSS and names with xai- and pplx-', '.pplx-button { } .xai-logo { } pplx-search-results-panel'],
  ['hash labelled cache-key-', `const id = "cache-key-${random(HEX, 32)}"`],
  ['hash after a dotted key-', `x.key-${random(HEX, 32)}`],
  ['Mailgun-like key of a repeated pattern', 'key' + '-' + 'deadbeef'.repeat(4)],
  ['Telegram docs example token', '123456' + ':ABC-DEF1234ghIkl-zyx57W2v1u123ew11'],
  ['Telegram-like with a short bot id', random(DIGITS, 7) + ':A' + 'A' + random(URL_SAFE, 33)],
  ['Terraform Cloud token mentioned in prose', 'tokens look like XXXX.atlasv1.YYYY'],
  ['Databricks prefix in words', 'the dapi' + 'Client and xdapi' + random(HEX, 32)],
  ['a hex value after SK (Twilio key SIDs are not searched for)', 'S' + 'K' + random(HEX, 32)],
  ['Atlassian token too short', 'ATA' + 'TT3' + random(URL_SAFE, 185)],
  ['age key of the wrong alphabet', 'AGE-SECRET-' + 'KEY-1' + random('BIO', 58)],
  [
    'Discord webhook placeholder',
    'https://' + 'discord.com/api/webhooks/123456789012345678/' + 'x'.repeat(68)
  ],
  ['Discord channel URL', 'https://' + 'discord.com/api/channels/123456789012345678/messages'],
  ['Postman key with a short part', 'PM' + 'AK-' + random(HEX, 23) + '-' + random(HEX, 34)],
  ['Notion token without its digits', 'nt' + 'n_' + random(LETTERS, 46)],
  ['SonarQube token in upper-case hex', 'sq' + 'u_' + random('0123456789ABCDEF', 40)],
  ['ReadMe key with capitals', 'rdm' + 'e_' + random(UPPER_ALNUM, 70)],
  ['Prefect key cut short', 'pn' + 'u_' + random(ALNUM, 35)],
  ['snake_case names ending in the prefixes', 'const menu_items = readme_path + access_token'],
  ['OAuth access_token in code', 'params.access_token = response.access_token$'],
  [
    'Braintree-shaped token of another environment',
    'access' + '_token$staging$' + random(LOWER_ALNUM, 16) + '$' + random(HEX, 32)
  ],
  ['Flutterwave key without its -X', 'FLWSE' + 'CK-' + random(HEX, 32)],
  ['Mailchimp-like key glued to more hex', random(HEX, 40) + '-us' + '12'],
  ['Mailchimp-like key with a three-digit data center', random(HEX, 32) + '-us' + '123'],
  ['a CSS class with -us', '.menu-us1 { } .nav-us2 { }'],
  ['Mailchimp placeholder', 'MAILCHIMP_API_KEY=' + '0'.repeat(32) + '-us1'],
  ['Supabase anon key (public by design)', jwt(supabaseClaims('anon'))],
  [
    'the service_role key of the local Supabase demo stack',
    jwt({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 })
  ],
  ['a JWT without a role', jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })],
  [
    'a JWT whose payload is not JSON',
    Buffer.from('{"alg":"HS256"}').toString('base64url') +
      '.eyJ' +
      random(URL_SAFE, 40) +
      '.' +
      random(URL_SAFE, 43)
  ],
  [
    'a service_role JWT cut before its signature',
    jwt(supabaseClaims('service_role')).replace(/\.[^.]+$/, '.')
  ],
  ['JFrog key one short', 'AK' + 'Cp' + random(ALNUM, 68)],
  ['JFrog key prefix in code', 'if (key.startsWith("AK' + 'Cp")) return "jfrog"']
]

describe('secret/service-token: what it leaves alone', () => {
  it.each(NEGATIVES)('%s', (_name, text) => {
    expect(scanSecrets(text).filter((m) => m.rule === 'secret/service-token')).toEqual([])
  })
})

describe('service token detectors', () => {
  it('all report the registered secret/service-token rule', () => {
    expect(new Set(SERVICE_TOKEN_DETECTORS.map((d) => d.rule))).toEqual(
      new Set(['secret/service-token'])
    )
    expect(SECRET_RULES['secret/service-token']).toMatchObject({ severity: 'error' })
  })

  it('share one trigger per separator that stops only after a known prefix', () => {
    const trigger = buildSeparatorTrigger('_', ['hf', 'sbp', 'nfp', 'api_org'])
    expect(trigger).toBe('_(?<=[fpg]_)(?<=(?:hf|(?:sb|nf)p|api_org)_)')
    const hits = [
      ...'hf_a sbp_b nfp_c api_org_d xhf_e ff_f p_g org_h'.matchAll(new RegExp(trigger, 'g'))
    ]
    // `xhf_` is a hit too: the detectors rule out a prefix glued to a longer word.
    expect(hits.map((m) => m.index)).toEqual([2, 8, 14, 24, 30])
  })

  it('reject a prefix that is not a plain word', () => {
    expect(() => buildSeparatorTrigger('-', ['a.b'])).toThrow(/bad token prefix/)
  })
})

/** Whether the map scanner would decode a source holding `code` (and what scanning it finds). */
function checkEmbedded(code: string): { may: boolean; found: string[] } {
  const map = Buffer.from(
    JSON.stringify({ version: 3, sources: ['src/a.ts'], sourcesContent: [code], mappings: 'AAAA' })
  )
  const source = scanSourceMap(map).sources[0]
  if (source.content === undefined) throw new Error('no embedded content')
  const found = scanSecrets(readEmbeddedText(map, source) ?? '').map((m) => m.description)
  return { may: mayHoldSecrets(map, source.content), found }
}

describe('service tokens in sources embedded in a map', () => {
  it('are found, and near-misses are ruled out on their line without decoding', () => {
    const sendgrid = 'S' + 'G.' + random(URL_SAFE, 22) + '.' + random(URL_SAFE, 43)
    expect(checkEmbedded(`// mail\nconst key = '${sendgrid}'\n`)).toEqual({
      may: true,
      found: ['SendGrid API key']
    })
    const nearMisses = `const a = 'S${'G.'}short.key'\nconst b = 'S${'G.'}${random(URL_SAFE, 22)}'\n`
    expect(checkEmbedded(nearMisses)).toEqual({ may: false, found: [] })
  })
})
