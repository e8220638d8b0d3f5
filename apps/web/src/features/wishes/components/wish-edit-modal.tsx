import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type UpdateWishBody, type Wish, type WishCategory } from '@unionhall/contracts'
import { Alert, App, Form, Modal } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { updateWish, wishKeys } from '../api/wishes-api'
import { StationSelect } from './station-select'
import { WishPublicFields } from './wish-public-fields'

type Values = {
  title: string
  description?: string
  category: WishCategory
  deadline: Dayjs
  stationId?: string
}

/**
 * The PATCH body: only the fields that differ from the wish (trimmed), so the audit names
 * exactly what changed. An empty object means nothing changed. A cleared station is null.
 */
export const editBodyOf = (w: Wish, v: Values): UpdateWishBody => {
  const body: UpdateWishBody = {}
  const title = v.title.trim()
  const description = (v.description ?? '').trim()
  const deadline = v.deadline.format('YYYY-MM-DD')
  const stationId = v.stationId ?? null
  if (title !== w.title) body.title = title
  if (description !== w.description) body.description = description
  if (v.category !== w.category) body.category = v.category
  if (deadline !== w.deadline) body.deadline = deadline
  if (stationId !== w.stationId) body.stationId = stationId
  return body
}

/**
 * Staff correct a wish's public fields before anyone claims it. Unlike the worker's own edit,
 * it does not send the wish back to review: staff are the reviewers.
 */
export const WishEditModal = ({
  wish,
  open,
  onClose,
}: {
  wish: Wish
  open: boolean
  onClose: () => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentOrgId } = useSession()
  const [form] = Form.useForm<Values>()
  const qc = useQueryClient()
  const save = useMutation({
    mutationFn: updateWish,
    onSuccess: () => {
      void message.success(t('wishes.edit.done'))
      void qc.invalidateQueries({ queryKey: wishKeys.all })
      onClose()
    },
  })

  return (
    <Modal
      open={open}
      title={t('wishes.edit.title')}
      okText={t('wishes.edit.submit')}
      confirmLoading={save.isPending}
      onCancel={() => {
        save.reset()
        onClose()
      }}
      onOk={() => form.submit()}
      destroyOnHidden
      width={600}
    >
      <Alert type="info" showIcon message={t('wishes.edit.hint')} style={{ marginBottom: 12 }} />
      {save.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorMessage(t, save.error)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: wish.title,
          description: wish.description,
          category: wish.category,
          deadline: dayjs(wish.deadline),
          stationId: wish.stationId ?? undefined,
        }}
        onFinish={(v) => {
          const body = editBodyOf(wish, v)
          if (Object.keys(body).length === 0) {
            void message.info(t('wishes.edit.unchanged'))
            onClose()
            return
          }
          save.mutate({ id: wish.id, body })
        }}
      >
        <WishPublicFields idPrefix="wish-edit" />
        <Form.Item
          name="stationId"
          label={t('wishes.fields.station')}
          htmlFor="wish-edit-station"
          extra={t('wishes.edit.stationHint')}
        >
          <StationSelect
            id="wish-edit-station"
            orgId={currentOrgId}
            activeOnly
            initialOption={
              wish.stationId && wish.stationName
                ? { id: wish.stationId, label: wish.stationName }
                : null
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
