import type { Severity } from '../engine/finding.js'

/** Every rule id the secret detectors report, with its default severity. */
export const SECRET_RULES: Record<string, { severity: Severity; description: string }> = {
  'secret/aws-access-key': {
    severity: 'error',
    description: 'An AWS access key id (AKIA…, ASIA…) in file content'
  },
  'secret/aws-secret-key': {
    severity: 'error',
    description: 'An AWS secret access key assigned to an aws_secret_access_key-like name'
  },
  'secret/github-token': {
    severity: 'error',
    description:
      'A GitHub token (ghp_/gho_/ghu_/ghs_/ghr_ with a valid checksum, or github_pat_); a failed checksum is a notice'
  },
  'secret/npm-token': {
    severity: 'error',
    description: 'An npm access token (npm_ with a valid checksum); a failed checksum is a notice'
  },
  'secret/npmrc-auth': {
    severity: 'error',
    description:
      'A registry credential in .npmrc syntax (_authToken=, _auth=, _password=) with a real value'
  },
  'secret/slack-token': {
    severity: 'error',
    description: 'A Slack bot, user or app token (xox…-, xapp-)'
  },
  'secret/slack-webhook': { severity: 'error', description: 'A Slack incoming webhook URL' },
  'secret/stripe-key': {
    severity: 'error',
    description: 'A Stripe secret or restricted key (sk_/rk_); test-mode keys are a warning'
  },
  'secret/anthropic-key': {
    severity: 'error',
    description: 'An Anthropic API, admin or OAuth key (sk-ant-…)'
  },
  'secret/openai-key': {
    severity: 'error',
    description:
      'An OpenAI API key (sk-proj-, sk-svcacct-, sk-admin- or legacy, with the T3BlbkFJ marker)'
  },
  'secret/google-api-key': {
    severity: 'warning',
    description:
      'A Google API key (AIza…); a warning because browser keys (Firebase, Maps) are often public by design'
  },
  'secret/gitlab-token': {
    severity: 'error',
    description: 'A GitLab token (glpat-, gldt-, glrt-, glptt-, gloas-, glagent-)'
  },
  'secret/pypi-token': {
    severity: 'error',
    description: 'A PyPI upload token (pypi-AgEIcHlwaS5vcmc…)'
  },
  'secret/service-token': {
    severity: 'error',
    description:
      'A token of another service with a fixed prefix (Hugging Face, Docker Hub, SendGrid, Shopify, DigitalOcean, Vault, …)'
  },
  'secret/database-url': {
    severity: 'error',
    description:
      'A database or broker connection URL with a real password (postgres://user:…@host); a local development host is a warning'
  },
  'secret/private-key': {
    severity: 'error',
    description:
      'A PEM, OpenSSH or PGP private key block with a real key body; passphrase-encrypted keys are a warning'
  },
  'secret/generic': {
    severity: 'warning',
    description:
      'A random-looking value assigned to a password/secret/token/api_key name; never an error on its own'
  }
}
