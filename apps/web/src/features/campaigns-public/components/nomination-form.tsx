import type { Category, CreateNominationBody, PublicOrg } from '@unionhall/contracts'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  emptyNomination,
  type NominationField,
  type NominationFormValues,
  validateNomination,
} from '../lib/nomination-form'
import { EmployerSearch } from './employer-search'
import { Field } from './field'
import { PhotoPicker } from './photo-picker'

type Props = {
  categories: Category[]
  pending: boolean
  serverError: string | null
  onSubmit: (body: CreateNominationBody) => void
}

const FIELD_ORDER: NominationField[] = [
  'categoryId',
  'nomineeName',
  'nomineeMobile',
  'nomineeIdCardNumber',
  'employerOrgId',
  'trade',
  'years',
  'isFrontLine',
  'achievements',
  'photoUrls',
  'videoUrl',
  'reason',
]

/** The nomination form, checked with the contract the server applies (CreateNominationBodySchema). */
export const NominationForm = ({ categories, pending, serverError, onSubmit }: Props) => {
  const { t } = useTranslation()
  const [values, setValues] = useState<NominationFormValues>(() =>
    emptyNomination(categories.length === 1 ? categories[0]!.id : ''),
  )
  const [employer, setEmployer] = useState<PublicOrg | null>(null)
  const [errors, setErrors] = useState<Partial<Record<NominationField, string>>>({})
  const formRef = useRef<HTMLFormElement>(null)
  const k = 'campaignsPublic.nominate'

  const set = (field: NominationField) => (e: { target: { value: string } }) => {
    const value = e.target.value
    setValues((v) => ({ ...v, [field]: value }))
    if (errors[field]) setErrors((er) => ({ ...er, [field]: undefined }))
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const result = validateNomination(t, values)
    if (result.ok) {
      setErrors({})
      onSubmit(result.body)
      return
    }
    setErrors(result.errors)
    const first = FIELD_ORDER.find((f) => result.errors[f])
    if (first) {
      const el = formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)
      el?.focus()
    }
  }
  const errorCount = Object.values(errors).filter(Boolean).length

  return (
    <form
      ref={formRef}
      className="cp-card"
      onSubmit={submit}
      noValidate
      aria-label={t(`${k}.formLabel`)}
    >
      {errorCount > 0 ? (
        <p className="cp-notice cp-notice-error" role="alert">
          {t(`${k}.fixErrors`, { count: errorCount })}
        </p>
      ) : null}
      <Field label={t(`${k}.category`)} error={errors.categoryId}>
        {(a) => (
          <select
            {...a}
            data-field="categoryId"
            className="cp-select"
            value={values.categoryId}
            onChange={set('categoryId')}
          >
            <option value="">{t(`${k}.categoryPlaceholder`)}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t(`${k}.name`)} error={errors.nomineeName}>
        {(a) => (
          <input
            {...a}
            data-field="nomineeName"
            className="cp-input"
            autoComplete="off"
            maxLength={50}
            value={values.nomineeName}
            onChange={set('nomineeName')}
          />
        )}
      </Field>
      <Field label={t(`${k}.mobile`)} hint={t(`${k}.mobileHint`)} error={errors.nomineeMobile}>
        {(a) => (
          <input
            {...a}
            data-field="nomineeMobile"
            className="cp-input"
            type="tel"
            inputMode="numeric"
            autoComplete="off"
            maxLength={11}
            value={values.nomineeMobile}
            onChange={set('nomineeMobile')}
          />
        )}
      </Field>
      <Field
        label={t(`${k}.idCard`)}
        hint={t(`${k}.idCardHint`)}
        error={errors.nomineeIdCardNumber}
      >
        {(a) => (
          <input
            {...a}
            data-field="nomineeIdCardNumber"
            className="cp-input"
            autoComplete="off"
            maxLength={18}
            value={values.nomineeIdCardNumber}
            onChange={set('nomineeIdCardNumber')}
          />
        )}
      </Field>
      <div data-field="employerOrgId" tabIndex={-1}>
        <EmployerSearch
          value={employer}
          error={errors.employerOrgId}
          onChange={(org) => {
            setEmployer(org)
            setValues((v) => ({ ...v, employerOrgId: org?.id ?? '' }))
            if (org) setErrors((er) => ({ ...er, employerOrgId: undefined }))
          }}
        />
      </div>
      <Field label={t(`${k}.trade`)} hint={t(`${k}.tradeHint`)} error={errors.trade}>
        {(a) => (
          <input
            {...a}
            data-field="trade"
            className="cp-input"
            maxLength={50}
            value={values.trade}
            onChange={set('trade')}
          />
        )}
      </Field>
      <Field label={t(`${k}.years`)} error={errors.years}>
        {(a) => (
          <input
            {...a}
            data-field="years"
            className="cp-input"
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            value={values.years}
            onChange={set('years')}
          />
        )}
      </Field>
      <div className="cp-field">
        <fieldset aria-describedby={errors.isFrontLine ? 'cp-frontline-error' : undefined}>
          <legend>{t(`${k}.frontLine`)}</legend>
          <div className="cp-row">
            {(['yes', 'no'] as const).map((opt, i) => (
              <label key={opt} className="cp-choice">
                <input
                  type="radio"
                  name="isFrontLine"
                  value={opt}
                  data-field={i === 0 ? 'isFrontLine' : undefined}
                  checked={values.isFrontLine === opt}
                  onChange={set('isFrontLine')}
                />
                {t(`${k}.${opt}`)}
              </label>
            ))}
          </div>
          <div className="cp-hint">{t(`${k}.frontLineHint`)}</div>
          {errors.isFrontLine ? (
            <div className="cp-error" id="cp-frontline-error">
              {errors.isFrontLine}
            </div>
          ) : null}
        </fieldset>
      </div>
      <Field
        label={t(`${k}.achievements`)}
        hint={t(`${k}.achievementsHint`)}
        error={errors.achievements}
      >
        {(a) => (
          <textarea
            {...a}
            data-field="achievements"
            className="cp-textarea"
            rows={5}
            maxLength={5000}
            value={values.achievements}
            onChange={set('achievements')}
          />
        )}
      </Field>
      <Field label={t(`${k}.photos`)} hint={t(`${k}.photosHint`)} error={errors.photoUrls}>
        {(a) => (
          <PhotoPicker
            a11y={a}
            max={9}
            value={values.photoUrls}
            onChange={(update) => setValues((v) => ({ ...v, photoUrls: update(v.photoUrls) }))}
            onError={(message) => setErrors((er) => ({ ...er, photoUrls: message ?? undefined }))}
          />
        )}
      </Field>
      <Field label={t(`${k}.video`)} hint={t(`${k}.videoHint`)} error={errors.videoUrl}>
        {(a) => (
          <input
            {...a}
            data-field="videoUrl"
            className="cp-input"
            type="url"
            inputMode="url"
            autoCapitalize="off"
            value={values.videoUrl}
            onChange={set('videoUrl')}
          />
        )}
      </Field>
      <Field label={t(`${k}.reason`)} hint={t(`${k}.reasonHint`)} error={errors.reason}>
        {(a) => (
          <textarea
            {...a}
            data-field="reason"
            className="cp-textarea"
            rows={4}
            maxLength={2000}
            value={values.reason}
            onChange={set('reason')}
          />
        )}
      </Field>
      {serverError ? (
        <p className="cp-notice cp-notice-error" role="alert">
          {serverError}
        </p>
      ) : null}
      <button type="submit" className="cp-btn cp-btn-primary cp-btn-block" disabled={pending}>
        {pending ? t('common.loading') : t(`${k}.submit`)}
      </button>
    </form>
  )
}
