import type { Detector } from '../types.js'
import { awsSecretKey, genericSecret, npmrcAuth } from './assignments.js'
import {
  anthropicKey,
  awsAccessKeyId,
  googleApiKey,
  openaiKey,
  openRouterKey,
  deepSeekKey,
  slackAppToken,
  slackToken,
  slackWebhook,
  stripeKey
} from './cloud-services.js'
import {
  githubClassicToken,
  githubFineGrainedToken,
  gitlabDeployOrRunnerToken,
  gitlabTriggerOrOAuthToken,
  gitlabAgentToken,
  gitlabPersonalToken,
  npmToken,
  pypiToken
} from './code-hosts.js'
import { databaseUrl } from './database-url.js'
import { privateKey } from './private-key.js'
import { SERVICE_TOKEN_DETECTORS } from './service-tokens.js'

export const DETECTORS: readonly Detector[] = [
  githubClassicToken,
  githubFineGrainedToken,
  npmToken,
  npmrcAuth,
  gitlabPersonalToken,
  gitlabDeployOrRunnerToken,
  gitlabTriggerOrOAuthToken,
  gitlabAgentToken,
  pypiToken,
  awsAccessKeyId,
  awsSecretKey,
  googleApiKey,
  slackToken,
  slackAppToken,
  slackWebhook,
  stripeKey,
  anthropicKey,
  openaiKey,
  openRouterKey,
  deepSeekKey,
  ...SERVICE_TOKEN_DETECTORS,
  databaseUrl,
  privateKey,
  genericSecret
]
