import { hasValidTokenChecksum } from '../checksum.js'
import type { Detector } from '../types.js'
import type { Verdict } from './token-detector.js'
import { createTokenDetector, URL_SAFE_TAIL, WORD_TAIL } from './token-detector.js'

const CLASSIC_GITHUB_TYPES: Record<string, string> = {
  ghp: 'GitHub personal access token',
  gho: 'GitHub OAuth access token',
  ghu: 'GitHub user-to-server token',
  ghs: 'GitHub server-to-server token',
  ghr: 'GitHub refresh token'
}

const CHECKSUM_NOTE = 'its checksum does not match, so it is probably made up'

/** Tokens whose last 6 characters are a CRC32 checksum: a mismatch is at most a notice. */
function judgeChecksummed(type: string, body: string): Verdict {
  return hasValidTokenChecksum(body)
    ? { type, severity: 'error', note: 'checksum valid' }
    : { type, severity: 'notice', note: CHECKSUM_NOTE }
}

export const githubClassicToken = createTokenDetector({
  rule: 'secret/github-token',
  trigger: '_(?<=gh[pousr]_)',
  offset: 3,
  pattern: /gh[pousr]_[A-Za-z0-9]{36}/y,
  tail: WORD_TAIL,
  judge: (token) => judgeChecksummed(CLASSIC_GITHUB_TYPES[token.slice(0, 3)], token.slice(4))
})

export const githubFineGrainedToken = createTokenDetector({
  rule: 'secret/github-token',
  trigger: '_(?<=github_pat_)',
  offset: 10,
  pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/y,
  tail: WORD_TAIL,
  minEntropy: 4,
  judge: () => ({ type: 'GitHub fine-grained personal access token', severity: 'error' })
})

export const npmToken = createTokenDetector({
  rule: 'secret/npm-token',
  trigger: '_(?<=npm_)',
  offset: 3,
  pattern: /npm_[A-Za-z0-9]{36}/y,
  tail: WORD_TAIL,
  judge: (token) => judgeChecksummed('npm access token', token.slice(4))
})

const GITLAB_TYPES: Record<string, string> = {
  glpat: 'GitLab personal access token',
  gldt: 'GitLab deploy token',
  glrt: 'GitLab runner token',
  glptt: 'GitLab pipeline trigger token',
  gloas: 'GitLab OAuth application secret',
  glagent: 'GitLab agent for Kubernetes token'
}

const gitlabToken = (trigger: string, offset: number, pattern: RegExp): Detector =>
  createTokenDetector({
    rule: 'secret/gitlab-token',
    trigger,
    offset,
    pattern,
    tail: /[A-Za-z0-9_.-]/,
    minEntropy: 3,
    judge: (token) => ({
      type: GITLAB_TYPES[token.slice(0, token.indexOf('-'))],
      severity: 'error'
    })
  })

/** One lookbehind for every prefix but `glpat`: each detector checks its own prefix's length. */
const GITLAB_TRIGGER = '-(?<=gl(?:dt|rt|ptt|oas|agent)-)'

// Legacy access tokens are 20 characters; routable ones are longer and end in `.` + 9 characters.
export const gitlabPersonalToken = gitlabToken(
  '-(?<=glpat-)',
  5,
  /glpat-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?/y
)
export const gitlabDeployOrRunnerToken = gitlabToken(
  GITLAB_TRIGGER,
  4,
  /gl(?:dt|rt)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?/y
)
export const gitlabTriggerOrOAuthToken = gitlabToken(
  GITLAB_TRIGGER,
  5,
  /gl(?:ptt-[0-9a-f]{40}|oas-[0-9a-f]{64})/y
)
export const gitlabAgentToken = gitlabToken(GITLAB_TRIGGER, 7, /glagent-[A-Za-z0-9_-]{50}/y)

export const pypiToken = createTokenDetector({
  rule: 'secret/pypi-token',
  trigger: '-(?<=pypi-)',
  offset: 4,
  // The body is a macaroon whose base64 always starts with "\x02\x01\x08pypi.org".
  pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/y,
  tail: URL_SAFE_TAIL,
  judge: () => ({ type: 'PyPI upload token', severity: 'error' })
})
