export { fakeGitHubEnv } from './env.js'
export { startFakeGitHub } from './server.js'
export { runtimeToken } from './runtime-token.js'
export { MAX_COMMENT_CHARS } from './routes/comments.js'
export type {
  AddArtifact,
  AddRelease,
  CheckRunAnnotation,
  CheckRunState,
  CommentState,
  FakeGitHub,
  RecordedRequest,
  StartOptions
} from './types.js'
