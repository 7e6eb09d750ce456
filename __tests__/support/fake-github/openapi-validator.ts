import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import formats from 'ajv-formats'
import type { JsonSchema, SpecOperation, SpecParameter } from './openapi-spec.js'

export interface ValidationProblem {
  /** JSON pointer into the checked value (`/output/annotations`) or the parameter name. */
  field: string
  message: string
}

// GitHub documents these bounds in prose only ("max 100"); the schemas carry just the type.
const PARAMETER_BOUNDS: Record<string, JsonSchema> = {
  per_page: { minimum: 1, maximum: 100 },
  page: { minimum: 1 }
}

let ajv: Ajv | undefined
const compiled = new WeakMap<JsonSchema, ValidateFunction>()

function getAjv(): Ajv {
  if (ajv === undefined) {
    // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; `strict: false` tolerates the
    // spec's extra keywords (e.g. `required` naming a field missing from `properties`).
    ajv = new Ajv({ strict: false, allErrors: true, logger: false })
    formats.default(ajv)
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) })
    ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31
    })
  }
  return ajv
}

function validatorFor(schema: JsonSchema): ValidateFunction {
  let fn = compiled.get(schema)
  if (fn === undefined) {
    fn = getAjv().compile(schema)
    compiled.set(schema, fn)
  }
  return fn
}

export function validateAgainst(
  schema: JsonSchema,
  value: unknown,
  prefix = ''
): ValidationProblem[] {
  const fn = validatorFor(schema)
  if (fn(value)) return []
  return (fn.errors ?? []).map((e) => toProblem(e, prefix))
}

function toProblem(error: ErrorObject, prefix: string): ValidationProblem {
  const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : ''
  const field = `${prefix}${error.instancePath}${missing}` || '(root)'
  return { field, message: error.message ?? error.keyword }
}

/**
 * Path parameters typed by the spec, converted from their URL text; undefined when one does not
 * fit (GitHub's router then answers 404, as for `check-runs/abc`).
 */
export function convertPathParams(
  op: SpecOperation,
  raw: Record<string, string>
): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {}
  // Path parameters in GitHub's spec are strings and integers only.
  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    const value = convertParam(param, raw[param.name] ?? '')
    if (value === undefined || typeof value === 'boolean') return undefined
    if (validateAgainst(param.schema, value).length > 0) return undefined
    out[param.name] = value
  }
  return out
}

/** Problems with typed query parameters (`per_page=500`, `page=x`); unknown ones are ignored, as GitHub does. */
export function checkQuery(op: SpecOperation, query: Record<string, string>): ValidationProblem[] {
  const problems: ValidationProblem[] = []
  for (const param of op.parameters.filter((p) => p.in === 'query')) {
    const text = query[param.name]
    if (text === undefined) {
      if (param.required) problems.push({ field: param.name, message: 'is required' })
      continue
    }
    const value = convertParam(param, text)
    if (value === undefined) {
      problems.push({ field: param.name, message: `must be ${String(param.schema.type)}` })
      continue
    }
    problems.push(
      ...validateAgainst(parameterSchema(param), value).map((p) => ({ ...p, field: param.name }))
    )
  }
  return problems
}

function convertParam(param: SpecParameter, text: string): string | number | boolean | undefined {
  switch (param.schema.type) {
    case 'integer':
      return /^-?\d{1,16}$/.test(text) ? Number(text) : undefined
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined
    default:
      return text
  }
}

// The compiled-schema cache is keyed by schema object, so bound schemas are built once per parameter.
const boundSchemas = new WeakMap<SpecParameter, JsonSchema>()
export function parameterSchema(param: SpecParameter): JsonSchema {
  let schema = boundSchemas.get(param)
  if (schema === undefined) {
    schema = { ...param.schema, ...PARAMETER_BOUNDS[param.name] }
    boundSchemas.set(param, schema)
  }
  return schema
}
