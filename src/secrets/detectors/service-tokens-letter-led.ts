/**
 * Service tokens with no `_`/`-` to stop at. Each trigger joins a lead the prefilter already
 * has (`A…`, `h…`) or opens with its format's fixed start (`SG.`). Every new lead character can
 * slow the prefilter over every byte scanned, and not by its frequency alone: on 40 MB of
 * bundled TypeScript, SendGrid as `G\.(?<=SG\.)` cost 15 %, as a plain `SG\.` nothing
 * measurable. Twilio's `SK…` would cost 3 % (for a key's SID, not its secret) and Databricks
 * (`dapi`), Doppler (`dp.pt.`) and Terraform Cloud (`.atlasv1.`) 5-16 % each, so those four are
 * left out.
 */
import { hasValidBech32Checksum } from '../bech32.js'
import type { Detector } from '../types.js'
import {
  SERVICE_TOKEN_RULE,
  createServiceTokenDetector,
  nameByPrefix
} from './service-token-detector.js'
import { createTokenDetector, URL_SAFE_TAIL, WORD_TAIL } from './token-detector.js'

/** Telegram bot ids have 8 to 10 digits; one detector per length keeps each offset fixed. */
const telegramBotToken = (digits: number): Detector =>
  createServiceTokenDetector({
    trigger: 'A(?<=\\d:A)A',
    offset: digits + 1,
    pattern: new RegExp(`\\d{${digits}}:AA[A-Za-z0-9_-]{33}`, 'y'),
    tail: URL_SAFE_TAIL,
    minEntropy: 3.8,
    type: 'Telegram bot token'
  })

export const LETTER_LED_SERVICE_TOKENS: readonly Detector[] = [
  createServiceTokenDetector({
    trigger: 'SG\\.',
    offset: 0,
    pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 4.3,
    type: 'SendGrid API key'
  }),
  createServiceTokenDetector({
    trigger: 'hv[sb]\\.',
    offset: 0,
    pattern: /hv(?:s\.[A-Za-z0-9_-]{90,200}|b\.[A-Za-z0-9_-]{138,300})/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 4.5,
    type: nameByPrefix({
      'hvs.': 'HashiCorp Vault service token',
      'hvb.': 'HashiCorp Vault batch token'
    })
  }),
  createServiceTokenDetector({
    trigger: 'AKCp',
    offset: 0,
    pattern: /AKCp[A-Za-z0-9]{69}/y,
    tail: WORD_TAIL,
    minEntropy: 4.3,
    type: 'JFrog Artifactory API key'
  }),
  createServiceTokenDetector({
    trigger: 'ATATT3',
    offset: 0,
    pattern: /ATATT3[A-Za-z0-9_=-]{186}/y,
    tail: /[A-Za-z0-9_=-]/,
    minEntropy: 5,
    type: 'Atlassian API token'
  }),
  // Bech32 carries a checksum: a key that fails it is made up, as for GitHub tokens.
  createTokenDetector({
    rule: SERVICE_TOKEN_RULE,
    trigger: 'AGE-SECRET-KEY-1',
    offset: 0,
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/y,
    tail: /[A-Za-z0-9]/,
    judge: (token) =>
      hasValidBech32Checksum(token)
        ? { type: 'age secret key', severity: 'error', note: 'checksum valid' }
        : {
            type: 'age secret key',
            severity: 'notice',
            note: 'its checksum does not match, so it is probably made up'
          }
  }),
  telegramBotToken(8),
  telegramBotToken(9),
  telegramBotToken(10),
  createServiceTokenDetector({
    trigger: 'https:\\/\\/(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com\\/api\\/',
    offset: 0,
    pattern:
      /https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/(?:v\d{1,2}\/)?webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,80}/y,
    tail: URL_SAFE_TAIL,
    minEntropy: 4,
    secretOf: (url) => url.slice(url.lastIndexOf('/') + 1),
    type: 'Discord webhook URL'
  })
]
