import type { Handler } from '../router.js'
import { repoJson } from '../shapes.js'

const getRepo: Handler = (ctx) => ({ status: 200, json: repoJson(ctx.state) })

export const REPO_ROUTES: Record<string, Handler> = {
  'GET /repos/{owner}/{repo}': getRepo
}
