import type { FormInstance } from 'antd'
import type { Rule } from 'antd/es/form'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'

export type FieldError = { name: (string | number)[]; errors: string[] }

type Issue = z.core.$ZodIssue

const ERROR_CODE = /^[A-Z][A-Z0-9_]+$/

const isEmpty = (v: unknown) => v === undefined || v === null || v === ''

/** One zod issue as a translated sentence. Contract messages that are error codes map to `errors.<CODE>`. */
export const translateIssue = (t: TFunction, issue: Issue): string => {
  if (ERROR_CODE.test(issue.message)) return t(`errors.${issue.message}`)
  switch (issue.code) {
    case 'invalid_type':
      return t('validation.required')
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') {
        return min <= 1 ? t('validation.required') : t('validation.minLength', { min })
      }
      return t('validation.min', { min })
    }
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.maxLength', { max: Number(issue.maximum) })
        : t('validation.max', { max: Number(issue.maximum) })
    case 'invalid_value':
      return t('validation.choose')
    default:
      return t('validation.invalid')
  }
}

/** Empty strings from cleared inputs mean "not given" to the contracts. */
export const compactValues = <T extends Record<string, unknown>>(values: T): Partial<T> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) if (!isEmpty(v)) out[k] = v
  return out as Partial<T>
}

/** Maps zod issues to AntD `form.setFields` entries, one per field (first message wins). */
export const zodIssuesToFieldErrors = (t: TFunction, issues: readonly Issue[]): FieldError[] => {
  const byField = new Map<string, FieldError>()
  for (const issue of issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    const key = name.join('.')
    if (byField.has(key)) continue
    byField.set(key, { name, errors: [translateIssue(t, issue)] })
  }
  return [...byField.values()]
}

/** Parses form values with a contracts schema; on failure shows the errors on the form fields. */
export const parseFormValues = <S extends z.ZodTypeAny>(
  t: TFunction,
  form: FormInstance,
  schema: S,
  values: Record<string, unknown>,
): z.infer<S> | null => {
  const result = schema.safeParse(compactValues(values))
  if (result.success) return result.data
  form.setFields(zodIssuesToFieldErrors(t, result.error.issues))
  return null
}

type ObjectSchema = z.ZodObject<z.ZodRawShape>

/**
 * AntD `rules` for the fields of a contracts object schema, so fields validate as the user
 * types with the same rules the server applies. Usage: `const rules = useZodRules(Schema)`,
 * then `<Form.Item name="mobile" rules={rules.mobile}>`.
 */
export const zodRules = <S extends ObjectSchema>(
  t: TFunction,
  schema: S,
): Record<keyof S['shape'], Rule[]> => {
  const out: Record<string, Rule[]> = {}
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    const s = fieldSchema as z.ZodTypeAny
    out[field] = [
      {
        validator: async (_rule, value: unknown) => {
          if (isEmpty(value) && s.safeParse(undefined).success) return
          const result = s.safeParse(isEmpty(value) ? undefined : value)
          if (!result.success) {
            const issue = result.error.issues[0]
            throw new Error(issue ? translateIssue(t, issue) : t('validation.invalid'))
          }
        },
      },
    ]
  }
  return out as Record<keyof S['shape'], Rule[]>
}

export const useZodRules = <S extends ObjectSchema>(schema: S) => {
  const { t, i18n } = useTranslation()
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => zodRules(t, schema), [t, schema, i18n.language])
}
