import { ObjectionBodySchema } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOnChange } from '../../../components/form/use-on-change'
import { translateIssue } from '../../../components/form/zod-form'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { fileObjection } from '../api/public-campaigns-api'
import { Field } from './field'
import { Notice } from './shell'

type Values = { contactName: string; contactMobile: string; reason: string }
type Errors = Partial<Record<keyof Values, string>>

/**
 * During publicity anyone may object to a candidate, with a way to be contacted back. The form
 * names the candidate it is about, and a signed-in member finds their own name filled in.
 */
export const ObjectionForm = ({
  campaignId,
  candidate,
}: {
  campaignId: string
  candidate: { id: string; name: string; number: number }
}) => {
  const { t } = useTranslation()
  const { session } = useSession()
  const candidateId = candidate.id
  const memberName = session?.member.name
  const [values, setValues] = useState<Values>({
    contactName: memberName ?? '',
    contactMobile: '',
    reason: '',
  })
  // The session may arrive after the form: fill the name in then, unless one was typed.
  useOnChange(memberName, () => {
    if (memberName) setValues((v) => (v.contactName ? v : { ...v, contactName: memberName }))
  })
  const [errors, setErrors] = useState<Errors>({})
  const submit = useMutation({
    mutationFn: (body: Values) => fileObjection(campaignId, { candidateId, ...body }),
  })

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = ObjectionBodySchema.safeParse({ candidateId, ...values })
    if (parsed.success) {
      setErrors({})
      submit.mutate(values)
      return
    }
    const next: Errors = {}
    for (const issue of parsed.error.issues) {
      const f = issue.path[0] as keyof Values
      if (next[f]) continue
      next[f] =
        values[f].trim() === ''
          ? t('campaignsPublic.nominate.errors.required')
          : f === 'contactMobile'
            ? t('campaignsPublic.nominate.errors.mobile')
            : translateIssue(t, issue)
    }
    setErrors(next)
  }
  const set = (k: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }))

  if (submit.isSuccess) {
    return (
      <Notice kind="ok" role="status">
        {t('campaignsPublic.objection.done')}
      </Notice>
    )
  }
  return (
    <form className="cp-card" onSubmit={onSubmit} noValidate aria-labelledby="cp-objection">
      <h2 id="cp-objection">
        {t('campaignsPublic.objection.title', { name: candidate.name, number: candidate.number })}
      </h2>
      <p className="cp-small">{t('campaignsPublic.objection.intro')}</p>
      <Field label={t('campaignsPublic.objection.name')} error={errors.contactName}>
        {(a) => (
          <input
            {...a}
            className="cp-input"
            autoComplete="name"
            maxLength={50}
            value={values.contactName}
            onChange={set('contactName')}
          />
        )}
      </Field>
      <Field label={t('campaignsPublic.objection.mobile')} error={errors.contactMobile}>
        {(a) => (
          <input
            {...a}
            className="cp-input"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            value={values.contactMobile}
            onChange={set('contactMobile')}
          />
        )}
      </Field>
      <Field
        label={t('campaignsPublic.objection.reason')}
        hint={t('campaignsPublic.objection.reasonHint')}
        error={errors.reason}
      >
        {(a) => (
          <textarea
            {...a}
            className="cp-textarea"
            maxLength={2000}
            value={values.reason}
            onChange={set('reason')}
          />
        )}
      </Field>
      {submit.error ? (
        <p className="cp-error" role="alert">
          {errorMessage(t, submit.error)}
        </p>
      ) : null}
      <button
        type="submit"
        className="cp-btn cp-btn-danger cp-btn-block"
        disabled={submit.isPending}
      >
        {submit.isPending ? t('common.loading') : t('campaignsPublic.objection.submit')}
      </button>
    </form>
  )
}
