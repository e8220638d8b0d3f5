import { WISH_MAX_DEADLINE_DAYS } from '@unionhall/contracts'
import { DatePicker, Form, Input, Select } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { wishOptions } from '../lib/wish-labels'

/** China today (deadlines are China days), as a dayjs date for the picker. */
export const chinaToday = () =>
  dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10))

/**
 * The public fields of a wish (what it is, its category and deadline) as staff enter them for a
 * walk-in worker or correct them later: one set of rules for both forms. `idPrefix` keeps the
 * labels' ids unique on a page.
 */
export const WishPublicFields = ({ idPrefix }: { idPrefix: string }) => {
  const { t } = useTranslation()
  const today = chinaToday()
  const required = { required: true, message: t('wishes.create.required') }
  const options = wishOptions(t)
  return (
    <>
      <Form.Item
        name="title"
        label={t('wishes.fields.title')}
        rules={[required, { max: 60, whitespace: true }]}
      >
        <Input maxLength={60} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('wishes.fields.description')}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('wishes.fields.category')}
        htmlFor={`${idPrefix}-category`}
        rules={[required]}
      >
        <Select id={`${idPrefix}-category`} options={options.categories} />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('wishes.fields.deadline')}
        htmlFor={`${idPrefix}-deadline`}
        rules={[required]}
      >
        <DatePicker
          id={`${idPrefix}-deadline`}
          style={{ width: '100%' }}
          disabledDate={(d) =>
            d.isBefore(today, 'day') || d.isAfter(today.add(WISH_MAX_DEADLINE_DAYS, 'day'), 'day')
          }
        />
      </Form.Item>
    </>
  )
}
