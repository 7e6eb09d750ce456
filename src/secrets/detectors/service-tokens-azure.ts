import type { Detector } from '../types.js'
import { createServiceTokenDetector } from './service-token-detector.js'

const BASE64_TAIL = /[A-Za-z0-9+/=]/
const ACCOUNT_KEY = 'AccountKey='
const SHARED_ACCESS_KEY = 'SharedAccessKey='
/** The key itself, without the `Name=` of the connection-string field it was found by. */
const valueOf = (field: string) => (token: string) => token.slice(field.length)
/**
 * SHA-256 of the account key of Azurite and the storage emulator (`devstoreaccount1`): public,
 * documented, and shipped in every build of `@azure/storage-blob`; not a leak.
 */
const EMULATOR_KEY_SHA256 = '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059'

/**
 * Azure credentials. Storage and Service Bus/Event Hubs keys have no prefix of their own: they
 * are found by the `AccountKey=`/`SharedAccessKey=` of the connection string that carries them
 * (the triggers join the prefilter's `A` and `S` leads). Entra ID (Azure AD) client secrets
 * carry `Q~` after a digit at their fourth character: `~` is rare in code, so it leads.
 */
export const AZURE_SERVICE_TOKENS: readonly Detector[] = [
  createServiceTokenDetector({
    trigger: ACCOUNT_KEY,
    offset: 0,
    // A 64-byte key in base64: 86 characters and `==`.
    pattern: /AccountKey=[A-Za-z0-9+/]{86}==/y,
    tail: BASE64_TAIL,
    minEntropy: 4.5,
    secretOf: valueOf(ACCOUNT_KEY),
    publicKeySha256: EMULATOR_KEY_SHA256,
    type: 'Azure storage account key'
  }),
  createServiceTokenDetector({
    trigger: SHARED_ACCESS_KEY,
    offset: 0,
    // A 32-byte key in base64: 43 characters and `=`.
    pattern: /SharedAccessKey=[A-Za-z0-9+/]{43}=/y,
    tail: BASE64_TAIL,
    minEntropy: 4.2,
    secretOf: valueOf(SHARED_ACCESS_KEY),
    type: 'Azure shared access key (Service Bus, Event Hubs, IoT Hub)'
  }),
  createServiceTokenDetector({
    trigger: '~(?<=[A-Za-z0-9_~.-]{3}\\dQ~)',
    offset: 5,
    pattern: /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/y,
    tail: /[A-Za-z0-9_~.-]/,
    minEntropy: 4,
    type: 'Microsoft Entra ID (Azure AD) client secret'
  })
]
