import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { extractOperations, readOrExtractOperations } from '../support/fake-github/openapi-spec.js'
import { validateAgainst } from '../support/fake-github/openapi-validator.js'

const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}'
const GET_REPO = 'GET /repos/{owner}/{repo}'

describe('OpenAPI extraction for the fake GitHub', () => {
  let cacheDir: string
  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'fake-github-spec-'))
  })
  afterAll(() => rm(cacheDir, { recursive: true, force: true }))

  it('extracts operations from the real 70 MB spec once, then reads them from a small cache file', async () => {
    let start = performance.now()
    const extracted = await readOrExtractOperations([UPDATE, GET_REPO], cacheDir)
    const extractMs = performance.now() - start
    start = performance.now()
    const cached = await readOrExtractOperations([GET_REPO, UPDATE], cacheDir)
    const cachedMs = performance.now() - start

    expect(cached).toEqual(extracted)
    expect(await readdir(cacheDir)).toEqual([
      expect.stringMatching(/^openapi-\d+\.\d+\.\d+-[0-9a-f]{16}\.json$/)
    ])
    expect(cachedMs).toBeLessThan(Math.min(extractMs, 250))

    const update = extracted.get(UPDATE)!
    expect(update.operationId).toBe('checks/update')
    expect(update.docsUrl).toBe('https://docs.github.com/rest/checks/runs#update-a-check-run')
    expect(update.parameters.map((p) => [p.name, p.in, p.schema.type])).toEqual([
      ['owner', 'path', 'string'],
      ['repo', 'path', 'string'],
      ['check_run_id', 'path', 'integer']
    ])
    const annotations = {
      output: { title: 't', summary: 's', annotations: new Array(51).fill({}) }
    }
    expect(validateAgainst(update.requestBody!, annotations)).toContainEqual({
      field: '/output/annotations',
      message: 'must NOT have more than 50 items'
    })
    // Prose is dropped, but a field that happens to be called `description` is kept.
    const repo = extracted.get(GET_REPO)!.responses['200']!
    expect(repo).not.toHaveProperty('description')
    expect(repo).toHaveProperty(['properties', 'description', 'type'], 'string')
  })

  const tiny = {
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'things/get',
          description: 'Gets a thing.',
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'integer' },
              'x-multi-segment': true
            }
          ],
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    description: 'A thing.',
                    properties: {
                      state: {
                        type: 'string',
                        nullable: true,
                        enum: ['open', 'closed'],
                        example: 'open'
                      }
                    }
                  }
                }
              }
            },
            '204': {}
          }
        }
      }
    }
  }

  it('lets a nullable enum hold null, keeps parameters and documents bodiless answers', () => {
    const [op] = extractOperations(tiny, ['GET /things/{id}'])
    expect(op).toEqual({
      key: 'GET /things/{id}',
      operationId: 'things/get',
      docsUrl: 'https://docs.github.com/rest',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, multiSegment: true }
      ],
      responses: {
        '200': {
          type: 'object',
          properties: { state: { type: 'string', nullable: true, enum: ['open', 'closed', null] } }
        },
        '204': undefined
      }
    })
    expect(validateAgainst(op.responses['200']!, { state: null })).toEqual([])
    expect(validateAgainst(op.responses['200']!, { state: 'merged' })).toHaveLength(1)
  })

  it('names an operation the spec does not have', () => {
    expect(() => extractOperations(tiny, ['POST /things'])).toThrow(
      '@octokit/openapi has no operation POST /things'
    )
  })
})
