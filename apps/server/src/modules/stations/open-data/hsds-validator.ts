import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import accessibility from './hsds-schema/accessibility.json'
import address from './hsds-schema/address.json'
import attribute from './hsds-schema/attribute.json'
import contact from './hsds-schema/contact.json'
import costOption from './hsds-schema/cost_option.json'
import funding from './hsds-schema/funding.json'
import language from './hsds-schema/language.json'
import location from './hsds-schema/location.json'
import metadata from './hsds-schema/metadata.json'
import organization from './hsds-schema/organization.json'
import organizationIdentifier from './hsds-schema/organization_identifier.json'
import phone from './hsds-schema/phone.json'
import program from './hsds-schema/program.json'
import requiredDocument from './hsds-schema/required_document.json'
import schedule from './hsds-schema/schedule.json'
import service from './hsds-schema/service.json'
import serviceArea from './hsds-schema/service_area.json'
import serviceAtLocation from './hsds-schema/service_at_location.json'
import serviceCapacity from './hsds-schema/service_capacity.json'
import taxonomy from './hsds-schema/taxonomy.json'
import taxonomyTerm from './hsds-schema/taxonomy_term.json'
import unit from './hsds-schema/unit.json'
import url from './hsds-schema/url.json'
import { DATASET_TABLES, datasetShapeProblems, type HsdsProblem, hsdsItemPath } from './hsds'
import { importProblem } from './import-problems'

/**
 * Validation against the official HSDS 3.2 JSON schemas (vendored in hsds-schema/, see its
 * README). Ajv compiles them once, on first use; the Table Schema annotations the files carry
 * (`constraints`, `example`, …) are declared as annotation-only keywords so Ajv's strict mode
 * still catches real mistakes in the schemas.
 */

const SCHEMAS = [
  accessibility,
  address,
  attribute,
  contact,
  costOption,
  funding,
  language,
  location,
  metadata,
  organization,
  organizationIdentifier,
  phone,
  program,
  requiredDocument,
  schedule,
  service,
  serviceArea,
  serviceAtLocation,
  serviceCapacity,
  taxonomy,
  taxonomyTerm,
  unit,
  url,
]

const ANNOTATIONS = [
  'name',
  'path',
  'constraints',
  'example',
  'core',
  'datapackage_metadata',
  'datapackage_type',
  'tabular_required',
]

export type HsdsTable = (typeof DATASET_TABLES)[keyof typeof DATASET_TABLES]

const SCHEMA_BASE =
  'https://raw.githubusercontent.com/openreferral/specification/refs/heads/3.2/schema/'

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv

let validators: Map<HsdsTable, ValidateFunction> | null = null

const compiled = () => {
  if (validators) return validators
  // verbose: errors carry the value they are about, which the problem quotes.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, verbose: true })
  addFormats(ajv)
  ajv.addVocabulary(ANNOTATIONS)
  for (const s of SCHEMAS) ajv.addSchema(s)
  validators = new Map(
    Object.values(DATASET_TABLES).map((table): [HsdsTable, ValidateFunction] => [
      table,
      ajv.getSchema(`${SCHEMA_BASE}${table}.json`)!,
    ]),
  )
  return validators
}

const describe = (e: ErrorObject) =>
  e.keyword === 'required'
    ? `must have ${String(e.params.missingProperty)}`
    : e.keyword === 'enum'
      ? `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`
      : (e.message ?? 'is invalid')

/** JSON types as staff read them (the English names stay in the params for other readers). */
const TYPE_ZH: Record<string, string> = {
  string: '文字（JSON 字符串）',
  number: '数字',
  integer: '整数',
  boolean: 'true 或 false',
  array: '列表（JSON 数组）',
  object: '对象（JSON 对象）',
  null: 'null',
}

/** The formats the HSDS schemas use, as staff read them. */
const FORMAT_ZH: Record<string, string> = {
  uuid: 'UUID（如 0193a1b2-0000-7000-8000-000000000001）',
  date: '日期（YYYY-MM-DD，如 2026-12-24）',
  'date-time': '时间（ISO 8601，如 2026-12-24T09:00:00+08:00）',
  time: '时刻（HH:MM:SS）',
  uri: '网址（如 https://example.org）',
  url: '网址（如 https://example.org）',
  email: '电子邮箱地址',
}

/** A value in a sentence: short, and quoted as JSON so "36.05" and 36.05 read differently. */
const shownValue = (v: unknown) => {
  const text = v === undefined ? 'undefined' : JSON.stringify(v)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/**
 * "locations[0]" + "/addresses/0/city" → "locations[0].addresses[0].city": the path as one
 * writes it in JSON tools, not Ajv's JSON pointer.
 */
const joinPath = (at: string, pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : `${path}.${key}`), at)

/** An Ajv error as an import problem: a stable code, params and the Chinese sentence. */
const problemOf = (e: ErrorObject, at: string): HsdsProblem => {
  const path = joinPath(at, e.instancePath)
  const value = shownValue(e.data)
  switch (e.keyword) {
    case 'required': {
      const field = String(e.params.missingProperty)
      return importProblem(`${path}.${field}`, 'HSDS_FIELD_REQUIRED', { field })
    }
    case 'type': {
      const types = ([] as string[]).concat(e.params.type as string | string[])
      return importProblem(path, 'HSDS_WRONG_TYPE', {
        expected: types.join(' | '),
        expectedZh: types.map((t) => TYPE_ZH[t] ?? t).join('或'),
        value,
      })
    }
    case 'format': {
      const format = String(e.params.format)
      return importProblem(path, 'HSDS_FORMAT', {
        format,
        formatZh: FORMAT_ZH[format] ?? format,
        value,
      })
    }
    case 'enum':
      return importProblem(path, 'HSDS_ENUM', {
        allowed: (e.params.allowedValues as unknown[]).map(String).join(', '),
        value,
      })
    case 'pattern':
      return importProblem(path, 'HSDS_PATTERN', { pattern: String(e.params.pattern), value })
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return importProblem(path, 'HSDS_RANGE', {
        limit: `${String(e.params.comparison)} ${String(e.params.limit)}`,
        value,
      })
    default:
      return importProblem(path, 'HSDS_SCHEMA', { detail: describe(e) })
  }
}

/** Problems of one object against one HSDS table schema (paths like "locations[0].latitude"). */
export const validateHsdsObject = (table: HsdsTable, value: unknown, at: string): HsdsProblem[] => {
  const validate = compiled().get(table)!
  if (validate(value)) return []
  return (validate.errors ?? []).map((e) => problemOf(e, at))
}

/** Every problem of a dataset: its shape, then each list item against its table's schema. */
export const validateHsdsDataset = (doc: unknown, limit = 100): HsdsProblem[] => {
  const shape = datasetShapeProblems(doc)
  if (shape.length > 0) return shape
  const problems: HsdsProblem[] = []
  const d = doc as Record<string, unknown[] | undefined>
  for (const [key, table] of Object.entries(DATASET_TABLES)) {
    for (const [i, item] of (d[key] ?? []).entries()) {
      problems.push(...validateHsdsObject(table, item, hsdsItemPath(key, i)))
      if (problems.length >= limit) return problems.slice(0, limit)
    }
  }
  return problems
}
