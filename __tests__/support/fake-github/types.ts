/** One request as the fake saw it. Headers (and so the token) are never kept. */
export interface RecordedRequest {
  method: string
  /** Path without the query string, as sent (percent-encoding kept). */
  path: string
  query: Record<string, string>
  /** Parsed JSON body, the raw text if it was not JSON, or undefined when empty. */
  body: unknown
  /** Status the fake answered. */
  status: number
  /** Matched route, e.g. `PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}`; undefined if none. */
  route?: string
}

export interface CheckRunAnnotation {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  raw_details?: string
}

/** A check run's state after every create/update so far. */
export interface CheckRunState {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  started_at: string | null
  completed_at: string | null
  details_url: string | null
  external_id: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  /** Every annotation of every request, in order. */
  annotations: CheckRunAnnotation[]
  /** Annotation count of each request that carried `output.annotations`. */
  annotationBatches: number[]
}

export interface CommentState {
  id: number
  issue: number
  body: string
  /** Login of the author; the token's user is `github-actions[bot]`. */
  user: string
  created_at: string
  updated_at: string
}

export interface AddArtifact {
  name: string
  zip: Buffer
  /** Defaults to the fake's current run. */
  runId?: number
  id?: number
}

export interface AddRelease {
  tag: string
  name?: string
  draft?: boolean
  prerelease?: boolean
  assets: { name: string; data: Buffer; contentType?: string }[]
}

export interface StartOptions {
  owner?: string
  repo?: string
  /** The current workflow run (Twirp answers for it). Default 1. */
  runId?: number
  /** The only accepted REST token. Default: a random `ghs_…` value. */
  token?: string
  /** Backend IDs the runtime token must carry. Defaults derive from `runId`. */
  runBackendId?: string
  jobBackendId?: string
  /**
   * Check each JSON answer of a REST route against the spec's response schema and collect the
   * problems in `responseProblems` (for the fake's own tests; costs compile time).
   */
  checkResponses?: boolean
}

export interface FakeGitHub {
  /** `http://127.0.0.1:PORT`: use as GITHUB_API_URL and ACTIONS_RESULTS_URL. */
  url: string
  /** The only accepted REST token. */
  token: string
  /** A JWT for ACTIONS_RUNTIME_TOKEN carrying this run's backend IDs. */
  runtimeToken: string
  owner: string
  repo: string
  runId: number
  /** Every request so far (clear with `requests.length = 0`; the array itself is kept). */
  readonly requests: RecordedRequest[]
  readonly checkRuns: Map<number, CheckRunState>
  readonly comments: Map<number, CommentState>
  /**
   * Answers that do not match the spec's response schema (only with `checkResponses`), and any
   * crash of the fake itself (always; such a request was answered 500).
   */
  readonly responseProblems: string[]
  addArtifact(a: AddArtifact): number
  addRelease(r: AddRelease): number
  /** A comment that already exists, e.g. the sticky summary of an earlier run. */
  addComment(c: { issue: number; body: string; user?: string }): number
  /** What `GET /repos/{owner}/{repo}` reports (`visibility`, `private`); 'private' until set. */
  setRepo(r: { visibility: 'public' | 'private' }): void
  /**
   * The next `times` (default 1) requests to `route` (`'METHOD /template'`, placeholders may use
   * any name) answer `status` with `body` (default: GitHub's error shape, or Twirp's on a Twirp
   * route) and extra `headers` (e.g. `retry-after`). Queued calls apply one after another.
   */
  failNext(
    route: string,
    status: number,
    times?: number,
    body?: unknown,
    headers?: Record<string, string>
  ): void
  /** Every request to `route` answers 403 or 404, e.g. a fork PR token without checks:write. */
  deny(route: string, status: 403 | 404): void
  close(): Promise<void>
}
