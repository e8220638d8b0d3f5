import { WISH_CATEGORIES } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'
import { Field } from '../../campaigns-public/components/field'
import {
  DESCRIPTION_MAX,
  TITLE_MAX,
  charCount,
  latestDeadline,
  type PostFormErrors,
  type PostFormValues,
} from '../lib/wish-form'

const k = 'wishesPublic.post'

type Props = {
  values: PostFormValues
  errors: PostFormErrors
  today: string
  onChange: <K extends keyof PostFormValues>(key: K, value: PostFormValues[K]) => void
}

/**
 * What a wish says: its text, details, category and deadline. The post page and the edit
 * form on "my wishes" share these fields, their limits and their error texts. Each control
 * carries data-field so a form can move the focus to its first error.
 */
export const WishFields = ({ values, errors, today, onChange }: Props) => {
  const { t } = useTranslation()
  const err = (key: keyof PostFormValues) =>
    errors[key] ? t(`${k}.errors.${errors[key]}`, { max: latestDeadline(today) }) : undefined
  return (
    <>
      <Field
        label={t(`${k}.titleLabel`)}
        hint={t(`${k}.titleHint`, { count: charCount(values.title), max: TITLE_MAX })}
        error={err('title')}
      >
        {(a11y) => (
          <input
            {...a11y}
            data-field="title"
            className="cp-input"
            value={values.title}
            maxLength={TITLE_MAX}
            onChange={(e) => onChange('title', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t(`${k}.descriptionLabel`)}
        hint={t(`${k}.descriptionHint`, {
          count: charCount(values.description),
          max: DESCRIPTION_MAX,
        })}
        error={err('description')}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            data-field="description"
            className="cp-textarea"
            value={values.description}
            maxLength={DESCRIPTION_MAX}
            onChange={(e) => onChange('description', e.target.value)}
          />
        )}
      </Field>
      <Field label={t(`${k}.categoryLabel`)} error={err('category')}>
        {(a11y) => (
          <select
            {...a11y}
            data-field="category"
            className="cp-select"
            value={values.category}
            onChange={(e) => onChange('category', e.target.value as PostFormValues['category'])}
          >
            <option value="">{t(`${k}.categoryPlaceholder`)}</option>
            {WISH_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`wishesPublic.category.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t(`${k}.deadlineLabel`)} hint={t(`${k}.deadlineHint`)} error={err('deadline')}>
        {(a11y) => (
          <input
            {...a11y}
            data-field="deadline"
            className="cp-input"
            type="date"
            min={today}
            max={latestDeadline(today)}
            value={values.deadline}
            onChange={(e) => onChange('deadline', e.target.value)}
          />
        )}
      </Field>
    </>
  )
}
