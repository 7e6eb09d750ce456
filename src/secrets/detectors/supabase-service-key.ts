/**
 * Supabase's legacy `service_role` key: a JWT signed with the project's secret, whose payload
 * says `"role":"service_role"`. It bypasses row-level security, and it turns up in front-end
 * bundles next to the `anon` key, which is public by design and has the same shape: only the
 * decoded payload tells them apart.
 */
import type { Detector } from '../types.js'
import { SERVICE_TOKEN_RULE } from './service-token-detector.js'
import { createTokenDetector, URL_SAFE_TAIL } from './token-detector.js'

/** `{"alg":`, `{"typ":` or `{"kid":` in base64url: how a JWT header opens. */
const JWT_TRIGGER = 'J(?<=eyJ)(?=hbGciOi|0eXAiOi|raWQiOi)'
const JWT = /eyJ[A-Za-z0-9_-]{10,400}\.eyJ[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{20,400}/y
const TYPE = 'Supabase service_role key'

interface Claims {
  role?: unknown
  iss?: unknown
  exp?: unknown
}

function readClaims(jwt: string): Claims | undefined {
  try {
    const claims: unknown = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'))
    return typeof claims === 'object' && claims !== null ? claims : undefined
  } catch {
    return undefined
  }
}

export const SUPABASE_SERVICE_KEY: Detector = {
  ...createTokenDetector({
    rule: SERVICE_TOKEN_RULE,
    trigger: JWT_TRIGGER,
    offset: 2,
    pattern: JWT,
    tail: URL_SAFE_TAIL,
    judge: (jwt) => {
      const claims = readClaims(jwt)
      // the demo key of every local stack (`supabase start`) is published: not a leak
      if (claims?.role !== 'service_role' || claims.iss === 'supabase-demo') return undefined
      if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
        const day = new Date(claims.exp * 1000).toISOString().slice(0, 10)
        return { type: TYPE, severity: 'notice', note: `expired on ${day}` }
      }
      return { type: TYPE, severity: 'error' }
    }
  }),
  lineLocal: true
}
