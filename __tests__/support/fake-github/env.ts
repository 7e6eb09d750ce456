import type { FakeGitHub } from './types.js'

/**
 * The runner variables that point the real clients at `fake`: REST (@actions/github reads
 * GITHUB_API_URL when imported), the artifact results service and its runtime token, and the
 * run/repository context. GITHUB_SERVER_URL stays github.com: with 127.0.0.1 @actions/artifact
 * throws GHESNotSupportedError. Inputs, event payload and output files are the caller's.
 */
export function fakeGitHubEnv(fake: FakeGitHub): Record<string, string> {
  return {
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`,
    GITHUB_REPOSITORY_OWNER: fake.owner,
    GITHUB_RUN_ID: String(fake.runId),
    ACTIONS_RESULTS_URL: `${fake.url}/`,
    ACTIONS_RUNTIME_TOKEN: fake.runtimeToken
  }
}
