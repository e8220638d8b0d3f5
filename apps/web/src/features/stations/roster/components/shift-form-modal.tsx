import {
  type CreateShiftBody,
  SHIFT_NOTE_MAX,
  SHIFT_ROLES,
  type Shift,
  type ShiftRole,
} from '@unionhall/contracts'
import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../../lib/error-message'
import { useMemberSearch } from '../api/use-roster'
import { instantsOf, shiftTimesError, shiftTimesOf, type ShiftTimes } from '../lib/roster-model'
import { FormRadioGroup } from '../../../../components/form/form-radio-group'

const DATE = 'YYYY-MM-DD'
/** Clock times on a 15-minute grid, as the roster is planned. */
const TIMES = Array.from({ length: 96 }, (_, i) => {
  const hhmm = `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`
  return { value: hhmm, label: hhmm }
})

type Values = ShiftTimes & { memberId?: string; role: ShiftRole; note?: string }

export type ShiftFormModalProps = {
  open: boolean
  /** The station's org: the people offered are active members of its subtree. */
  orgId: string
  /** The shift being edited, or null for a new one on `date`. */
  shift: Shift | null
  date?: string
  /** Injectable clock for the "more than a day in the past" rule. */
  now?: () => number
  submitting?: boolean
  deleting?: boolean
  /** The server's refusal (overlap, ineligible person…), shown above the buttons. */
  error?: unknown
  onSubmit: (body: CreateShiftBody) => void
  onDelete?: () => void
  onCancel: () => void
}

/** Add or edit a shift: person, role, date and clock times (Asia/Shanghai), note. */
export const ShiftFormModal = ({
  open,
  orgId,
  shift,
  date,
  now = Date.now,
  submitting,
  deleting,
  error,
  onSubmit,
  onDelete,
  onCancel,
}: ShiftFormModalProps) => {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [q, setQ] = useState('')
  const members = useMemberSearch(orgId, q)
  const options = useMemo(() => {
    const found = (members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))
    if (shift && !found.some((o) => o.value === shift.memberId)) {
      found.unshift({ value: shift.memberId, label: shift.memberName })
    }
    return found
  }, [members.data, shift])
  const start = Form.useWatch('start', form)
  const end = Form.useWatch('end', form)

  const initialValues: Partial<Values> = shift
    ? {
        ...shiftTimesOf(shift.startsAt, shift.endsAt),
        memberId: shift.memberId,
        role: shift.role,
        note: shift.note,
      }
    : { date, start: '07:00', end: '14:30', role: 'staff', note: '' }

  const submit = (v: Values) => {
    const { startMs, endMs } = instantsOf(v)
    onSubmit({
      memberId: v.memberId!,
      role: v.role,
      startsAt: new Date(startMs).toISOString(),
      endsAt: new Date(endMs).toISOString(),
      note: v.note?.trim() ?? '',
    })
  }

  const overnight = typeof start === 'string' && typeof end === 'string' && end < start

  return (
    <Modal
      open={open}
      title={shift ? t('stations.roster.editShift') : t('stations.roster.addShift')}
      onCancel={onCancel}
      destroyOnHidden
      footer={null}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item
          name="memberId"
          label={t('stations.roster.member')}
          rules={[{ required: true, message: t('stations.roster.form.memberRequired') }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={members.isFetching}
            options={options}
            placeholder={t('stations.roster.memberPlaceholder')}
            notFoundContent={q ? t('stations.roster.noMembers') : null}
          />
        </Form.Item>
        <Form.Item name="role" label={t('stations.roster.role')} rules={[{ required: true }]}>
          <FormRadioGroup
            aria-label={t('stations.roster.role')}
            options={SHIFT_ROLES.map((r) => ({ value: r, label: t(`stations.roster.roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('stations.roster.date')}
          rules={[{ required: true, message: t('stations.roster.form.dateRequired') }]}
          getValueProps={(v: unknown) => ({
            value: typeof v === 'string' && v ? dayjs(v, DATE) : null,
          })}
          normalize={(d: Dayjs | null) => (d ? d.format(DATE) : undefined)}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="start"
            label={t('stations.roster.start')}
            style={{ flex: 1 }}
            rules={[{ required: true }]}
          >
            <Select options={TIMES} />
          </Form.Item>
          <Form.Item
            name="end"
            label={t('stations.roster.end')}
            style={{ flex: 1 }}
            dependencies={['date', 'start']}
            extra={overnight ? t('stations.roster.overnight') : undefined}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: async (_r, value: string | undefined) => {
                  const d = getFieldValue('date') as string | undefined
                  const s = getFieldValue('start') as string | undefined
                  if (!d || !s || !value) return
                  const problem = shiftTimesError({ date: d, start: s, end: value }, now())
                  if (problem) throw new Error(t(`stations.roster.form.${problem}`))
                },
              }),
            ]}
          >
            <Select options={TIMES} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('stations.roster.note')}>
          <Input.TextArea
            maxLength={SHIFT_NOTE_MAX}
            showCount
            autoSize={{ minRows: 1, maxRows: 3 }}
          />
        </Form.Item>
        {error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={errorMessage(t, error)}
          />
        ) : null}
        <Flex justify="space-between">
          {shift && onDelete ? (
            <Popconfirm title={t('stations.roster.deleteConfirm')} onConfirm={onDelete}>
              <Button danger loading={deleting}>
                {t('stations.roster.deleteShift')}
              </Button>
            </Popconfirm>
          ) : (
            <span />
          )}
          <Flex gap={8}>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </Modal>
  )
}
