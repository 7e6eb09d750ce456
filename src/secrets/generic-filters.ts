/**
 * What a `password=` / `token:` assignment holds when it is not a credential, learned from a
 * sweep of large real packages (aws-sdk, googleapis, openai; see docs/real-world.md). Only the
 * warning-level generic detector consults this; fixed-format tokens never do.
 */

/** Names of values that are tokens in the protocol sense: pagination, idempotency, state. */
const PROTOCOL_TOKEN_NAME =
  /(?:next|continuation|page|paging|pagination|change|request|idempotency|lifecycle|action|term|output|input|sync|cursor|state|session_?id)[_-]?token$|token[_-]?(?:type|url|uri|endpoint|id|ttl|expiry|expires?(?:_?at|_?in)?)$/i
/** Names that hold metadata about a secret, not the secret: an ARN, a timestamp, a kind. */
const METADATA_NAME = /(?:arn|last_?used|type|kind|id|url|uri|name|length|policy|rotation\w*)$/i
/** `urn:…`, `arn:…` identifiers. */
const IDENTIFIER_VALUE = /^(?:urn|arn):/i
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/
/** `StreamDescription.Shards[-1].ShardId`: a property path, not a value. */
const PROPERTY_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[-?\d+\])+$/
/** Doc values that spell out what they stand for: `SomeKindOfPassword123`, `my_recaptchaToken`. */
const SELF_DESCRIBING = /password|passwd|secret|token|api_?key|^(?:my|your)_/i

export function isNonSecretAssignment(name: string, value: string): boolean {
  return (
    PROTOCOL_TOKEN_NAME.test(name) ||
    METADATA_NAME.test(name) ||
    IDENTIFIER_VALUE.test(value) ||
    ISO_TIME.test(value) ||
    PROPERTY_PATH.test(value) ||
    SELF_DESCRIBING.test(value)
  )
}
