/**
 * `secret/service-token`: fixed-prefix tokens of services not covered by a rule of their own.
 * This file holds those found at the `_` that ends their prefix (`hf_`, `dckr_pat_`); the
 * prefilter already stops at `_`, and all of them share one lookbehind there. Formats follow
 * the vendors' documentation and the gitleaks rules; lengths and alphabets are exact.
 */
import type { Detector } from '../types.js'
import type { SeparatedTokenSpec } from './service-token-detector.js'
import { createSeparatedTokenDetectors, nameByPrefix } from './service-token-detector.js'
import { AZURE_SERVICE_TOKENS } from './service-tokens-azure.js'
import { DASH_LED_SERVICE_TOKENS } from './service-tokens-dash-led.js'
import { LETTER_LED_SERVICE_TOKENS } from './service-tokens-letter-led.js'
import { SUPABASE_SERVICE_KEY } from './supabase-service-key.js'
import { URL_SAFE_TAIL, WORD_TAIL } from './token-detector.js'

/**
 * The body is letters only, so a long camelCase name (`hf_loadModelConfigurationFromServer`)
 * fits the shape. Random letters put capitals side by side; 1 token in 1,000 has no such pair.
 */
const hasRandomCase = (token: string): boolean =>
  /[A-Z]{2}/.test(token) && (token.match(/[A-Z]/g)?.length ?? 0) >= 5

/** SHA-256 of the secret key that `supabase start` gives every local stack: public, not a leak. */
const SUPABASE_LOCAL_KEY_SHA256 = 'c85debb55f2f204d868cc1552c42faa143b4c675f61363ab040dd50b5b5304cd'

const UNDERSCORE_LED: SeparatedTokenSpec[] = [
  {
    prefixes: ['hf'],
    pattern: /hf_[A-Za-z]{34}/y,
    tail: WORD_TAIL,
    minEntropy: 3.8,
    accept: hasRandomCase,
    type: 'Hugging Face access token'
  },
  {
    prefixes: ['api_org'],
    pattern: /api_org_[A-Za-z]{34}/y,
    tail: WORD_TAIL,
    minEntropy: 3.8,
    accept: hasRandomCase,
    type: 'Hugging Face organization API token'
  },
  {
    prefixes: ['dckr_pat'],
    pattern: /dckr_pat_[A-Za-z0-9_-]{27}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.8,
    type: 'Docker Hub personal access token'
  },
  {
    prefixes: ['shpat', 'shpca', 'shppa', 'shpss'],
    pattern: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}/y,
    tail: WORD_TAIL,
    minEntropy: 3,
    type: nameByPrefix({
      shpat: 'Shopify Admin API access token',
      shpca: 'Shopify custom app access token',
      shppa: 'Shopify private app access token',
      shpss: 'Shopify app shared secret'
    })
  },
  {
    prefixes: ['dop', 'doo', 'dor'],
    pattern: /do[por]_v1_[a-f0-9]{64}/y,
    tail: WORD_TAIL,
    minEntropy: 3.3,
    type: nameByPrefix({
      dop: 'DigitalOcean personal access token',
      doo: 'DigitalOcean OAuth access token',
      dor: 'DigitalOcean OAuth refresh token'
    })
  },
  {
    prefixes: ['glc'],
    pattern: /glc_[A-Za-z0-9+/]{32,400}={0,2}/y,
    tail: /[A-Za-z0-9+/=_]/,
    minEntropy: 3.8,
    type: 'Grafana Cloud access policy token'
  },
  {
    prefixes: ['glsa'],
    pattern: /glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}/y,
    tail: WORD_TAIL,
    minEntropy: 4,
    type: 'Grafana service account token'
  },
  {
    prefixes: ['sntrys', 'sntryu'],
    // Org tokens: base64 of `{"iat":…,"region_url":…}` (the key at any of its 3 alignments),
    // then `_` and a 43-character secret.
    pattern:
      /sntry(?:u_[a-f0-9]{64}|s_eyJpYXQiO[A-Za-z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[A-Za-z0-9+/]{10,200}={0,2}_[A-Za-z0-9+/]{43})/y,
    tail: /[A-Za-z0-9+/=_]/,
    minEntropy: 3.3,
    type: nameByPrefix({
      sntrys_: 'Sentry organization auth token',
      sntryu_: 'Sentry user auth token'
    })
  },
  {
    prefixes: ['lin_api'],
    pattern: /lin_api_[A-Za-z0-9]{40}/y,
    tail: WORD_TAIL,
    minEntropy: 4,
    type: 'Linear API key'
  },
  {
    prefixes: ['fo1'],
    pattern: /fo1_[A-Za-z0-9_-]{43}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 4,
    type: 'Fly.io access token'
  },
  {
    prefixes: ['fm2'],
    // `FlyV1 fm2_…`: base64 macaroons, often several joined by commas into one credential.
    pattern: /fm2_[A-Za-z0-9+/]{100,4000}={0,3}(?:,fm2_[A-Za-z0-9+/]{20,4000}={0,3}){0,8}/y,
    tail: /[A-Za-z0-9+/=_]/,
    minEntropy: 4.5,
    type: 'Fly.io macaroon token'
  },
  {
    prefixes: ['sbp'],
    pattern: /sbp_[a-f0-9]{40}/y,
    tail: WORD_TAIL,
    minEntropy: 3,
    type: 'Supabase personal access token'
  },
  {
    prefixes: ['sb'],
    pattern: /sb_secret_[A-Za-z0-9_-]{30,40}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.8,
    publicKeySha256: SUPABASE_LOCAL_KEY_SHA256,
    type: 'Supabase secret API key'
  },
  {
    prefixes: ['pscale'],
    pattern: /pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64}/y,
    tail: /[A-Za-z0-9_.-]/,
    minEntropy: 3.8,
    type: nameByPrefix({
      pscale_tkn_: 'PlanetScale service token',
      pscale_pw_: 'PlanetScale database password',
      pscale_oauth_: 'PlanetScale OAuth token'
    })
  },
  {
    prefixes: ['rubygems'],
    pattern: /rubygems_[a-f0-9]{48}/y,
    tail: WORD_TAIL,
    minEntropy: 3.3,
    type: 'RubyGems API key'
  },
  {
    prefixes: ['bkua'],
    pattern: /bkua_[a-z0-9]{40}/y,
    tail: WORD_TAIL,
    minEntropy: 3,
    type: 'Buildkite user access token'
  },
  {
    prefixes: ['figd'],
    pattern: /figd_[A-Za-z0-9_-]{40}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 4,
    type: 'Figma personal access token'
  },
  {
    prefixes: ['ntn'],
    pattern: /ntn_\d{11}[A-Za-z0-9]{35}/y,
    tail: WORD_TAIL,
    minEntropy: 4,
    type: 'Notion integration token'
  },
  {
    prefixes: ['nfp'],
    pattern: /nfp_[A-Za-z0-9]{36}/y,
    tail: WORD_TAIL,
    minEntropy: 3.8,
    type: 'Netlify personal access token'
  },
  {
    prefixes: ['gsk'],
    pattern: /gsk_[A-Za-z0-9]{52}/y,
    tail: WORD_TAIL,
    minEntropy: 4,
    type: 'Groq API key'
  },
  {
    prefixes: ['lsv2_pt', 'lsv2_sk'],
    pattern: /lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}/y,
    tail: WORD_TAIL,
    minEntropy: 3.3,
    type: nameByPrefix({
      lsv2_pt_: 'LangSmith personal access token',
      lsv2_sk_: 'LangSmith service key'
    })
  },
  {
    prefixes: ['shippo_live'],
    pattern: /shippo_live_[a-f0-9]{40}/y,
    tail: WORD_TAIL,
    minEntropy: 3.3,
    type: 'Shippo live API token'
  },
  {
    prefixes: ['shippo_test'],
    pattern: /shippo_test_[a-f0-9]{40}/y,
    tail: WORD_TAIL,
    minEntropy: 3.3,
    type: 'Shippo test API token',
    severity: 'warning'
  },
  {
    prefixes: ['whsec'],
    // Stripe's are 32 base62 characters (64 hex from its CLI), Svix's and Clerk's base64
    pattern: /whsec_[A-Za-z0-9+/]{32,88}={0,2}/y,
    tail: /[A-Za-z0-9+/=_]/,
    minEntropy: 3.5,
    type: 'Webhook signing secret (Stripe, Svix, Clerk)'
  },
  {
    prefixes: ['ops'],
    // a service account token is `ops_` + base64url of a JSON document (`{"signInAddress":…`)
    pattern: /ops_eyJ[A-Za-z0-9+/_-]{250,}={0,3}/y,
    tail: /[A-Za-z0-9+/=_-]/,
    minEntropy: 4,
    type: '1Password service account token'
  },
  {
    prefixes: ['pnu'],
    pattern: /pnu_[A-Za-z0-9]{36}/y,
    tail: WORD_TAIL,
    minEntropy: 3.8,
    type: 'Prefect API key'
  },
  {
    prefixes: ['rdme'],
    pattern: /rdme_[a-z0-9]{70}/y,
    tail: WORD_TAIL,
    minEntropy: 4,
    type: 'ReadMe API key'
  },
  {
    prefixes: ['squ', 'sqp', 'sqa'],
    pattern: /sq[upa]_[a-f0-9]{40}/y,
    tail: WORD_TAIL,
    minEntropy: 3.3,
    type: nameByPrefix({
      squ: 'SonarQube user token',
      sqp: 'SonarQube project analysis token',
      sqa: 'SonarQube global analysis token'
    })
  },
  {
    prefixes: ['duffel_live'],
    pattern: /duffel_live_[A-Za-z0-9_=-]{43}/y,
    tail: /[A-Za-z0-9_=-]/,
    minEntropy: 3.8,
    type: 'Duffel live API token'
  },
  {
    prefixes: ['duffel_test'],
    pattern: /duffel_test_[A-Za-z0-9_=-]{43}/y,
    tail: /[A-Za-z0-9_=-]/,
    minEntropy: 3.8,
    type: 'Duffel test API token',
    severity: 'warning'
  },
  {
    // `access_token$production$<merchant id>$<secret>`: found at the `_` of `access_token`
    prefixes: ['access'],
    pattern: /access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}/y,
    tail: WORD_TAIL,
    minEntropy: 3.5,
    type: 'Braintree production access token'
  },
  {
    prefixes: ['access'],
    pattern: /access_token\$sandbox\$[a-z0-9]{16}\$[a-f0-9]{32}/y,
    tail: WORD_TAIL,
    minEntropy: 3.5,
    type: 'Braintree sandbox access token',
    severity: 'warning'
  },
  {
    prefixes: ['sgp'],
    pattern: /sgp_(?:(?:[a-f0-9]{16}|local)_)?[a-f0-9]{40}/y,
    tail: WORD_TAIL,
    minEntropy: 3.3,
    type: 'Sourcegraph access token'
  },
  {
    prefixes: ['r8'],
    pattern: /r8_[A-Za-z0-9_-]{37}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.8,
    type: 'Replicate API token'
  }
]

/** Every `secret/service-token` detector, whatever its lead character. */
export const SERVICE_TOKEN_DETECTORS: readonly Detector[] = [
  ...createSeparatedTokenDetectors('_', UNDERSCORE_LED),
  ...DASH_LED_SERVICE_TOKENS,
  ...LETTER_LED_SERVICE_TOKENS,
  ...AZURE_SERVICE_TOKENS,
  SUPABASE_SERVICE_KEY
]
