import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

/** What the fake needs of one operation of GitHub's OpenAPI description. */
export interface SpecOperation {
  /** `METHOD /template`, e.g. `POST /repos/{owner}/{repo}/check-runs`. */
  key: string
  operationId: string
  docsUrl: string
  parameters: SpecParameter[]
  /** Schema of the `application/json` request body, if the operation takes one. */
  requestBody?: JsonSchema
  /** Schema of each documented status's `application/json` answer (undefined: no JSON body). */
  responses: Record<string, JsonSchema | undefined>
}

export interface SpecParameter {
  name: string
  in: string
  required: boolean
  schema: JsonSchema
  /** GitHub's `x-multi-segment`: the value may contain `/` (a tag such as `release/1.0`). */
  multiSegment: boolean
}

export type JsonSchema = Record<string, unknown>

// Bump when the extracted shape changes so stale cache files are not reused.
const EXTRACT_FORMAT = 2
const SPEC_FILE = 'generated/api.github.com.deref.json'
const DEFAULT_CACHE_DIR = path.join(os.tmpdir(), 'release-audit-fake-github')
const DROPPED_SCHEMA_KEYS = new Set(['description', 'example', 'examples', 'externalDocs'])

const loads = new Map<string, Promise<Map<string, SpecOperation>>>()

/**
 * The operations `keys` from @octokit/openapi's dereferenced description. The 70 MB file is
 * parsed only when no cache file exists yet; the extract is kept under os.tmpdir(), keyed by
 * package version and the key list, and written atomically (parallel jest workers race on it).
 */
export function loadOperations(keys: readonly string[]): Promise<Map<string, SpecOperation>> {
  const id = [...keys].sort().join('\n')
  let load = loads.get(id)
  if (load === undefined) {
    load = readOrExtractOperations([...keys].sort())
    loads.set(id, load)
  }
  return load
}

/** Unmemoised: reads the cache file in `cacheDir`, or extracts from the spec and writes it. */
export async function readOrExtractOperations(
  keys: readonly string[],
  cacheDir = DEFAULT_CACHE_DIR
): Promise<Map<string, SpecOperation>> {
  const require = createRequire(import.meta.url)
  const pkgJson = require.resolve('@octokit/openapi/package.json')
  const { version } = JSON.parse(await readFile(pkgJson, 'utf8')) as { version: string }
  const hash = createHash('sha256')
    .update(`${EXTRACT_FORMAT}\n${[...keys].sort().join('\n')}`)
    .digest('hex')
    .slice(0, 16)
  const cacheFile = path.join(cacheDir, `openapi-${version}-${hash}.json`)
  const cached = await readCache(cacheFile)
  if (cached && keys.every((k) => cached.some((op) => op.key === k))) return toMap(cached)
  const ops = extractOperations(await readSpec(path.join(path.dirname(pkgJson), SPEC_FILE)), keys)
  await mkdir(cacheDir, { recursive: true })
  const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`
  await writeFile(tmp, JSON.stringify(ops))
  await rename(tmp, cacheFile)
  return toMap(ops)
}

async function readCache(file: string): Promise<SpecOperation[] | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SpecOperation[]
  } catch {
    return undefined // missing or half-written by a crashed run: rebuild it
  }
}

interface RawOperation {
  operationId: string
  externalDocs?: { url: string }
  parameters?: {
    name: string
    in: string
    required?: boolean
    schema: JsonSchema
    'x-multi-segment'?: boolean
  }[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>
}

interface RawSpec {
  paths: Record<string, Record<string, RawOperation>>
}

async function readSpec(file: string): Promise<RawSpec> {
  return JSON.parse(await readFile(file, 'utf8')) as RawSpec
}

export function extractOperations(spec: RawSpec, keys: readonly string[]): SpecOperation[] {
  return keys.map((key) => {
    const [method, template] = key.split(' ')
    const raw = spec.paths[template]?.[method.toLowerCase()]
    if (raw === undefined) throw new Error(`@octokit/openapi has no operation ${key}`)
    const body = raw.requestBody?.content?.['application/json']?.schema
    return {
      key,
      operationId: raw.operationId,
      docsUrl: raw.externalDocs?.url ?? 'https://docs.github.com/rest',
      parameters: (raw.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema: stripSchema(p.schema),
        multiSegment: p['x-multi-segment'] === true
      })),
      ...(body ? { requestBody: stripSchema(body) } : {}),
      responses: Object.fromEntries(
        Object.entries(raw.responses).map(([status, r]) => {
          const schema = r.content?.['application/json']?.schema
          return [status, schema ? stripSchema(schema) : undefined]
        })
      )
    }
  })
}

/**
 * Drops prose and examples from a schema, never from a `properties` map (fields may be called
 * `description`). OpenAPI 3.0 `nullable` does not reach into `enum` for Ajv, yet GitHub's
 * nullable enums (a check run's `conclusion`) do hold null, so null joins such enums.
 */
function stripSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {}
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    out.enum = [...(schema.enum as unknown[]), null]
  }
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_SCHEMA_KEYS.has(key) || key.startsWith('x-') || (key === 'enum' && 'enum' in out))
      continue
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, stripSchema(v as JsonSchema)])
      )
    } else if (
      (key === 'items' || key === 'additionalProperties' || key === 'not') &&
      isObject(value)
    ) {
      out[key] = stripSchema(value)
    } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
      out[key] = value.map((v) => stripSchema(v as JsonSchema))
    } else {
      out[key] = value
    }
  }
  return out
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toMap(ops: SpecOperation[]): Map<string, SpecOperation> {
  return new Map(ops.map((op) => [op.key, op]))
}
