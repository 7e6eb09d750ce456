/**
 * Service tokens found at the `-` that ends their prefix (`PMAK-`, `GOCSPX-`): one lookbehind;
 * and Mailchimp keys, found at the `-` before their data center.
 */
import type { Detector } from '../types.js'
import type { SeparatedTokenSpec } from './service-token-detector.js'
import {
  createSeparatedTokenDetectors,
  createServiceTokenDetector,
  nameByPrefix
} from './service-token-detector.js'
import { URL_SAFE_TAIL, WORD_TAIL } from './token-detector.js'

const DASH_LED: SeparatedTokenSpec[] = [
  {
    prefixes: ['PMAK'],
    pattern: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.3,
    type: 'Postman API key'
  },
  {
    prefixes: ['NRAK'],
    pattern: /NRAK-[A-Z0-9]{27}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.3,
    type: 'New Relic user API key'
  },
  {
    prefixes: ['pul'],
    pattern: /pul-[a-f0-9]{40}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3,
    type: 'Pulumi access token'
  },
  {
    prefixes: ['sq0atp', 'sq0csp'],
    pattern: /sq0(?:atp-[A-Za-z0-9_-]{22}|csp-[A-Za-z0-9_-]{43})/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.5,
    type: nameByPrefix({ sq0atp: 'Square access token', sq0csp: 'Square application secret' })
  },
  {
    prefixes: ['xai'],
    pattern: /xai-[A-Za-z0-9]{80}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 4,
    type: 'xAI API key'
  },
  {
    prefixes: ['pplx'],
    pattern: /pplx-[A-Za-z0-9]{48}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 4,
    type: 'Perplexity API key'
  },
  {
    prefixes: ['CFPAT'],
    pattern: /CFPAT-[A-Za-z0-9_-]{43}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.8,
    type: 'Contentful personal access token'
  },
  {
    prefixes: ['GOCSPX'],
    pattern: /GOCSPX-[A-Za-z0-9_-]{28}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.8,
    type: 'Google OAuth client secret'
  },
  {
    prefixes: ['FLWSECK'],
    pattern: /FLWSECK-[a-hA-H0-9]{32}-X/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.3,
    type: 'Flutterwave secret key'
  },
  {
    prefixes: ['FLWSECK_TEST'],
    pattern: /FLWSECK_TEST-[a-hA-H0-9]{32}-X/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.3,
    type: 'Flutterwave test secret key',
    severity: 'warning'
  },
  // `key-` + 32 hex is Mailgun's legacy API key, but also what a hash with a `key-` label looks
  // like: only free-standing ones count (not `cache-key-…`, `x.key-…`), and as a warning.
  {
    prefixes: ['key'],
    pattern: /(?<![\w$./-])key-[a-f0-9]{32}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 3.3,
    type: 'Mailgun API key',
    severity: 'warning',
    note: 'the key- prefix is not unique to Mailgun'
  }
]

export const DASH_LED_SERVICE_TOKENS: readonly Detector[] = [
  ...createSeparatedTokenDetectors('-', DASH_LED),
  // the prefix is the key itself, the data center follows: found at the `-` before `us<n>`
  createServiceTokenDetector({
    trigger: '-(?=us\\d)',
    offset: 32,
    pattern: /[a-f0-9]{32}-us\d{1,2}/y,
    tail: WORD_TAIL,
    minEntropy: 3.3,
    type: 'Mailchimp API key'
  })
]
