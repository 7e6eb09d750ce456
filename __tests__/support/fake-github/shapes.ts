import { BOT_LOGIN, type FakeState } from './state.js'
import type { CheckRunAnnotation, CheckRunState, CommentState } from './types.js'

// JSON bodies shaped like GitHub's, complete enough to satisfy the spec's response schemas
// (the fake's own tests check that with `checkResponses`).

const WEB = 'https://github.com'
const BOT_ID = 41898282
const OWNER_ID = 9000001
const REPO_ID = 9100001
const APP_ID = 15368

export function userJson(state: FakeState, login: string): Record<string, unknown> {
  const bot = login === BOT_LOGIN
  const api = `${state.baseUrl}/users/${encodeURIComponent(login)}`
  return {
    login,
    id: bot ? BOT_ID : login === state.owner ? OWNER_ID : stableId(login),
    node_id: nodeId('U', login),
    avatar_url: `https://avatars.githubusercontent.com/u/${BOT_ID}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${WEB}/${bot ? 'apps/github-actions' : login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: bot ? 'Bot' : login === state.owner ? 'Organization' : 'User',
    user_view_type: 'public',
    site_admin: false
  }
}

export function repoApi(state: FakeState): string {
  return `${state.baseUrl}/repos/${state.owner}/${state.repo}`
}

export function repoWeb(state: FakeState): string {
  return `${WEB}/${state.owner}/${state.repo}`
}

const REPO_URL_SUFFIXES: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}'
}

export function repoJson(state: FakeState): Record<string, unknown> {
  const api = repoApi(state)
  const web = repoWeb(state)
  const urls = Object.fromEntries(Object.entries(REPO_URL_SUFFIXES).map(([k, s]) => [k, api + s]))
  return {
    id: REPO_ID,
    node_id: nodeId('R', `${state.owner}/${state.repo}`),
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    owner: userJson(state, state.owner),
    private: state.visibility === 'private',
    visibility: state.visibility,
    html_url: web,
    description: null,
    fork: false,
    url: api,
    ...urls,
    git_url: `git://github.com/${state.owner}/${state.repo}.git`,
    ssh_url: `git@github.com:${state.owner}/${state.repo}.git`,
    clone_url: `${web}.git`,
    svn_url: web,
    mirror_url: null,
    homepage: null,
    language: 'TypeScript',
    size: 1024,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    forks_count: 0,
    forks: 0,
    open_issues_count: 0,
    open_issues: 0,
    network_count: 0,
    subscribers_count: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    is_template: false,
    license: null,
    topics: [],
    default_branch: 'main',
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-06-01T00:00:00Z',
    pushed_at: '2025-06-01T00:00:00Z',
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true }
  }
}

export function appJson(state: FakeState): Record<string, unknown> {
  return {
    id: APP_ID,
    slug: 'github-actions',
    node_id: nodeId('A', 'github-actions'),
    client_id: 'Iv1.0000000000000000',
    owner: userJson(state, 'github'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${WEB}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: {
      checks: 'write',
      contents: 'read',
      issues: 'write',
      metadata: 'read',
      pull_requests: 'write'
    },
    events: ['check_run', 'check_suite']
  }
}

export function checkRunJson(state: FakeState, run: CheckRunState): Record<string, unknown> {
  const url = `${repoApi(state)}/check-runs/${run.id}`
  return {
    id: run.id,
    node_id: nodeId('CR', String(run.id)),
    head_sha: run.head_sha,
    external_id: run.external_id ?? '',
    url,
    html_url: `${repoWeb(state)}/runs/${run.id}`,
    details_url: run.details_url ?? `${repoWeb(state)}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`
    },
    name: run.name,
    check_suite: { id: 7000000 + run.id },
    app: appJson(state),
    pull_requests: []
  }
}

export function annotationJson(
  state: FakeState,
  run: CheckRunState,
  a: CheckRunAnnotation
): Record<string, unknown> {
  return {
    path: a.path,
    blob_href: `${repoWeb(state)}/blob/${run.head_sha}/${a.path}`,
    start_line: a.start_line,
    end_line: a.end_line,
    start_column: a.start_column ?? null,
    end_column: a.end_column ?? null,
    annotation_level: a.annotation_level,
    title: a.title ?? null,
    message: a.message,
    raw_details: a.raw_details ?? null
  }
}

export function commentJson(state: FakeState, c: CommentState): Record<string, unknown> {
  return {
    id: c.id,
    node_id: nodeId('IC', String(c.id)),
    url: `${repoApi(state)}/issues/comments/${c.id}`,
    html_url: `${repoWeb(state)}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${repoApi(state)}/issues/${c.issue}`,
    body: c.body,
    user: userJson(state, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user === BOT_LOGIN ? 'NONE' : 'MEMBER'
  }
}

function stableId(text: string): number {
  let h = 7
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000
  return 1_000_000 + h
}

function nodeId(prefix: string, text: string): string {
  return `${prefix}_${Buffer.from(text).toString('base64url')}`
}
