import { CreateNominationBodySchema } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { z } from 'zod'
import type { FieldError } from '../../../components/form/zod-form'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'

const shape = CreateNominationBodySchema.shape
const letter = shape.recommendationLetter.unwrap()

/**
 * An org's nomination: the contract every nomination follows, with the nominating org and its
 * recommendation letter required. The server asks for the letter only once it sees an org
 * (NOMINATION_LETTER_REQUIRED); the form asks up front, with the same message.
 */
export const OrgNominationBodySchema = CreateNominationBodySchema.extend({
  nominatingOrgId: shape.nominatingOrgId.unwrap(),
  recommendationLetter: letter.refine((v) => v.trim() !== '', {
    message: 'NOMINATION_LETTER_REQUIRED',
  }),
})
export type OrgNominationBody = z.infer<typeof OrgNominationBodySchema>
export type OrgNominationField = keyof OrgNominationBody

/** Input limits read from the contract, so the form's counters follow the server's rules. */
export const ORG_NOMINATION_LIMITS = {
  name: shape.nomineeName.maxLength ?? undefined,
  trade: shape.trade.maxLength ?? undefined,
  yearsMin: shape.years.minValue ?? undefined,
  yearsMax: shape.years.maxValue ?? undefined,
  achievements: shape.achievements.maxLength ?? undefined,
  achievementsMin: shape.achievements.minLength ?? undefined,
  reason: shape.reason.maxLength ?? undefined,
  reasonMin: shape.reason.minLength ?? undefined,
  video: shape.videoUrl.unwrap().maxLength ?? undefined,
  letter: letter.maxLength ?? undefined,
  // zod exposes no array bound directly; its JSON Schema does.
  photos: z.toJSONSchema(shape.photoUrls.unwrap()).maxItems ?? 0,
}

const FIELDS = new Set<string>(Object.keys(OrgNominationBodySchema.shape))

/** Refusals whose code says which field is wrong. */
const FIELD_OF_CODE: Partial<Record<string, OrgNominationField>> = {
  NOMINATION_EMPLOYER_OUT_OF_SCOPE: 'employerOrgId',
  NOMINATION_LETTER_REQUIRED: 'recommendationLetter',
  CAMPAIGN_CATEGORY_NOT_FOUND: 'categoryId',
  UPLOAD_REFERENCE_MISSING: 'photoUrls',
  // The one permission an org nomination checks is campaign:manage at the nominating org.
  ACCESS_DENIED: 'nominatingOrgId',
}

const ERROR_CODE = /^[A-Z][A-Z0-9_]+$/

/**
 * Where a refusal of the server belongs: on a field when its code names one or its
 * VALIDATION_FAILED details point at fields, else in a message above the buttons.
 */
export const placeServerError = (
  t: TFunction,
  error: unknown,
): { fields: FieldError[]; alert: string | null } => {
  const message = errorMessage(t, error)
  if (!isApiError(error)) return { fields: [], alert: message }
  const field = FIELD_OF_CODE[error.code]
  if (field) return { fields: [{ name: [field], errors: [message] }], alert: null }
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
    const fields: FieldError[] = []
    for (const d of error.details as { path?: unknown; message?: unknown }[]) {
      // Paths read like body.nomineeMobile (or body.photoUrls.2).
      const name = typeof d.path === 'string' ? d.path.replace(/^body\.?/, '').split('.')[0] : ''
      if (!name || !FIELDS.has(name) || fields.some((f) => f.name[0] === name)) continue
      const text =
        typeof d.message === 'string' && ERROR_CODE.test(d.message)
          ? t(`errors.${d.message}`)
          : t('validation.invalid')
      fields.push({ name: [name], errors: [text] })
    }
    if (fields.length > 0) return { fields, alert: null }
  }
  return { fields: [], alert: message }
}
