import { createServiceTokenDetector } from './service-token-detector.js'
import { createTokenDetector, URL_SAFE_TAIL, WORD_TAIL } from './token-detector.js'

export const awsAccessKeyId = createTokenDetector({
  rule: 'secret/aws-access-key',
  trigger: 'A(?:KIA|SIA|BIA|CCA|3T[A-Z0-9])',
  offset: 0,
  // Key ids are base32 after the 4-character prefix; documentation keys end in EXAMPLE.
  pattern: /(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}/y,
  tail: /[A-Za-z0-9]/,
  minEntropy: 3,
  judge: (token) => ({
    type: token.startsWith('ASIA') ? 'AWS temporary access key id' : 'AWS access key id',
    severity: 'error'
  })
})

export const googleApiKey = createTokenDetector({
  rule: 'secret/google-api-key',
  trigger: 'AIza',
  offset: 0,
  pattern: /AIza[A-Za-z0-9_-]{35}/y,
  tail: URL_SAFE_TAIL,
  minEntropy: 3.5,
  judge: () => ({ type: 'Google API key', severity: 'warning' })
})

const SLACK_TYPES: Record<string, string> = {
  b: 'Slack bot token',
  p: 'Slack user token',
  a: 'Slack workspace access token',
  r: 'Slack refresh token',
  s: 'Slack legacy token',
  e: 'Slack user token'
}

export const slackToken = createTokenDetector({
  rule: 'secret/slack-token',
  trigger: '-(?<=xox[baprse]-)',
  offset: 4,
  // xoxb-<team digits>-<bot digits>-<secret>, xoxp- with three numeric parts, xoxa-2-…
  pattern: /xox[baprse]-(?:\d-)?\d{8,14}-[A-Za-z0-9-]{8,200}/y,
  tail: URL_SAFE_TAIL,
  minEntropy: 3,
  judge: (token) => ({ type: SLACK_TYPES[token[3]], severity: 'error' })
})

export const slackAppToken = createTokenDetector({
  rule: 'secret/slack-token',
  trigger: '-(?<=xapp-)',
  offset: 4,
  pattern: /xapp-\d-[A-Z0-9]{6,}-\d{6,}-[a-z0-9]{32,}/iy,
  tail: URL_SAFE_TAIL,
  minEntropy: 3,
  judge: () => ({ type: 'Slack app-level token', severity: 'error' })
})

export const slackWebhook = createTokenDetector({
  rule: 'secret/slack-webhook',
  trigger: 'hooks\\.slack\\.com/',
  offset: 0,
  pattern:
    /hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/(?:[A-Z0-9]{6,14}\/)?(?:\d{6,20}\/)?[A-Za-z0-9]{20,40}/y,
  tail: /[A-Za-z0-9]/,
  minEntropy: 3,
  secretOf: (url) => url.slice(url.lastIndexOf('/') + 1),
  judge: () => ({ type: 'Slack webhook URL', severity: 'error' })
})

export const stripeKey = createTokenDetector({
  rule: 'secret/stripe-key',
  trigger: '_(?<=[rs]k_(?:live|test|prod)_)',
  offset: 7,
  pattern: /[rs]k_(?:live|test|prod)_[A-Za-z0-9]{10,99}/y,
  tail: WORD_TAIL,
  minEntropy: 3,
  judge: (token) => {
    const kind = token.startsWith('rk') ? 'restricted key' : 'secret key'
    return token.includes('_test_')
      ? { type: `Stripe test-mode ${kind}`, severity: 'warning', note: 'a test-mode key' }
      : { type: `Stripe live ${kind}`, severity: 'error' }
  }
})

const ANTHROPIC_TYPES: Record<string, string> = {
  api: 'Anthropic API key',
  admin: 'Anthropic admin API key',
  oat: 'Anthropic OAuth access token',
  ort: 'Anthropic OAuth refresh token'
}

/** `sk-` opens both Anthropic and OpenAI keys; the lookbehind keeps `task-`/`disk-` out. */
const SK_TRIGGER = '-(?<=(?<![A-Za-z0-9])sk-)'

export const anthropicKey = createTokenDetector({
  rule: 'secret/anthropic-key',
  trigger: SK_TRIGGER,
  offset: 2,
  // API and admin keys end in "AA"; OAuth tokens have no published length, so only a minimum.
  pattern:
    /sk-ant-(?:(?:api|admin)\d\d-[A-Za-z0-9_-]{80,128}AA(?![A-Za-z0-9_-])|o[ar]t\d\d-[A-Za-z0-9_-]{40,300})/y,
  tail: URL_SAFE_TAIL,
  minEntropy: 3.5,
  judge: (token) => ({
    type: ANTHROPIC_TYPES[token.slice(7).replace(/[0-9].*$/, '')],
    severity: 'error'
  })
})

const OPENAI_TYPES: Record<string, string> = {
  proj: 'OpenAI project API key',
  svcacct: 'OpenAI service account API key',
  admin: 'OpenAI admin API key',
  legacy: 'OpenAI API key'
}

export const openaiKey = createTokenDetector({
  rule: 'secret/openai-key',
  trigger: SK_TRIGGER,
  offset: 2,
  // "T3BlbkFJ" is base64 of "OpenAI", embedded in every key format.
  pattern:
    /sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})/y,
  tail: URL_SAFE_TAIL,
  minEntropy: 3.5,
  judge: (token) => ({
    type: OPENAI_TYPES[/^sk-(proj|svcacct|admin)-/.exec(token)?.[1] ?? 'legacy'],
    severity: 'error'
  })
})

/** OpenRouter keys open with `sk-` too: sharing the trigger costs the prefilter nothing. */
export const openRouterKey = createServiceTokenDetector({
  trigger: SK_TRIGGER,
  offset: 2,
  pattern: /sk-or-v1-[a-f0-9]{64}/y,
  tail: URL_SAFE_TAIL,
  minEntropy: 3.3,
  type: 'OpenRouter API key'
})

/**
 * DeepSeek's keys are `sk-` and 32 lower-case hex digits: a shape other OpenAI-compatible services
 * and hand-made ids can share, so a warning.
 */
export const deepSeekKey = createServiceTokenDetector({
  trigger: SK_TRIGGER,
  offset: 2,
  pattern: /sk-[a-f0-9]{32}/y,
  tail: URL_SAFE_TAIL,
  minEntropy: 3.3,
  type: 'DeepSeek API key',
  severity: 'warning',
  note: 'the sk- + 32 hex shape is not unique to DeepSeek'
})
