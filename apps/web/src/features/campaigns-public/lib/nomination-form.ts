import { type CreateNominationBody, CreateNominationBodySchema } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { translateIssue } from '../../../components/form/zod-form'

/**
 * The nomination form as the inputs hold it: strings, yes/no for the front-line question, and
 * the URLs of the photos already uploaded.
 */
export type NominationFormValues = {
  categoryId: string
  nomineeName: string
  nomineeMobile: string
  nomineeIdCardNumber: string
  employerOrgId: string
  trade: string
  years: string
  isFrontLine: '' | 'yes' | 'no'
  achievements: string
  photoUrls: string[]
  videoUrl: string
  reason: string
}

export type NominationField = keyof NominationFormValues

export const emptyNomination = (categoryId = ''): NominationFormValues => ({
  categoryId,
  nomineeName: '',
  nomineeMobile: '',
  nomineeIdCardNumber: '',
  employerOrgId: '',
  trade: '',
  years: '',
  isFrontLine: '',
  achievements: '',
  photoUrls: [],
  videoUrl: '',
  reason: '',
})

const optional = (v: string) => (v.trim() === '' ? undefined : v.trim())

export const toNominationBody = (v: NominationFormValues): Record<string, unknown> => ({
  categoryId: optional(v.categoryId),
  nomineeName: v.nomineeName,
  nomineeMobile: v.nomineeMobile,
  nomineeIdCardNumber: optional(v.nomineeIdCardNumber),
  employerOrgId: optional(v.employerOrgId),
  trade: v.trade,
  years: v.years.trim() === '' ? undefined : Number(v.years),
  isFrontLine: v.isFrontLine === '' ? undefined : v.isFrontLine === 'yes',
  achievements: v.achievements,
  photoUrls: v.photoUrls,
  videoUrl: optional(v.videoUrl),
  reason: v.reason,
})

/** Messages that say what to type, where a generic "invalid" would leave people guessing. */
const specific = (
  t: TFunction,
  field: NominationField,
  issue: { code: string; path: PropertyKey[] },
) => {
  const k = 'campaignsPublic.nominate.errors'
  switch (field) {
    case 'categoryId':
      return t(`${k}.category`)
    case 'employerOrgId':
      return t(`${k}.employer`)
    case 'isFrontLine':
      return t(`${k}.frontLine`)
    case 'nomineeMobile':
      return issue.code === 'invalid_type' ? null : t(`${k}.mobile`)
    case 'nomineeIdCardNumber':
      return t(`${k}.idCard`)
    case 'years':
      return issue.code === 'invalid_type' ? t(`${k}.yearsNumber`) : t(`${k}.yearsRange`)
    case 'photoUrls': {
      const index = issue.path[1]
      return typeof index === 'number'
        ? t(`${k}.photoInvalid`, { n: index + 1 })
        : t(`${k}.photoCount`, { max: 9 })
    }
    case 'videoUrl':
      return t(`${k}.url`)
    default:
      return null
  }
}

export type NominationValidation =
  | { ok: true; body: CreateNominationBody }
  | { ok: false; errors: Partial<Record<NominationField, string>> }

/** Checks the form with the contract the server applies; one clear message per field. */
export const validateNomination = (t: TFunction, v: NominationFormValues): NominationValidation => {
  const result = CreateNominationBodySchema.safeParse(toNominationBody(v))
  if (result.success) return { ok: true, body: result.data }
  const errors: Partial<Record<NominationField, string>> = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0] as NominationField | undefined
    if (!field || errors[field]) continue
    const empty = v[field] === undefined || String(v[field]).trim() === ''
    // An empty required field: "please fill this in", whatever rule the contract broke first.
    const required = empty ? t('campaignsPublic.nominate.errors.required') : null
    const choice = field === 'categoryId' || field === 'employerOrgId' || field === 'isFrontLine'
    errors[field] =
      (choice ? null : required) ?? specific(t, field, issue) ?? translateIssue(t, issue)
  }
  return { ok: false, errors }
}
