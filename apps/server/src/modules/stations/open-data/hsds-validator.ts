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
import { DATASET_TABLES, datasetShapeProblems, type HsdsProblem } from './hsds'

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
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false })
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

/** Problems of one object against one HSDS table schema (paths like "locations/0/latitude"). */
export const validateHsdsObject = (table: HsdsTable, value: unknown, at: string): HsdsProblem[] => {
  const validate = compiled().get(table)!
  if (validate(value)) return []
  return (validate.errors ?? []).map((e) => ({
    path: `${at}${e.instancePath}`,
    message: describe(e),
  }))
}

/** Every problem of a dataset: its shape, then each list item against its table's schema. */
export const validateHsdsDataset = (doc: unknown, limit = 100): HsdsProblem[] => {
  const shape = datasetShapeProblems(doc)
  if (shape.length > 0) return shape
  const problems: HsdsProblem[] = []
  const d = doc as Record<string, unknown[] | undefined>
  for (const [key, table] of Object.entries(DATASET_TABLES)) {
    for (const [i, item] of (d[key] ?? []).entries()) {
      problems.push(...validateHsdsObject(table, item, `${key}/${i}`))
      if (problems.length >= limit) return problems.slice(0, limit)
    }
  }
  return problems
}
