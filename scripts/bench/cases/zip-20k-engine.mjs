// The 20k-file zip with the secret scan off: the engine's own per-entry cost — walking,
// inflating, rule dispatch, the source-map and private-file rules. zip-20k.mjs adds the secret scan.
import { withSecretScanOff } from '../secret-scan-off.mjs'
import zip20k from './zip-20k.mjs'

export default withSecretScanOff(zip20k)
