// The large-map case with the secret scan off: what the engine itself costs on it — walking, the
// source-map scan and the private-file rules. large-map.mjs measures it with secrets on.
import { withSecretScanOff } from '../secret-scan-off.mjs'
import largeMap from './large-map.mjs'

export default withSecretScanOff(largeMap)
