import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type CreateWishBody, MobileSchema, type WishCategory } from '@unionhall/contracts'
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { OrgSelect } from '../../../components/org-select/org-select'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { createWish, wishKeys } from '../api/wishes-api'
import { StationSelect } from './station-select'
import { WishPublicFields } from './wish-public-fields'

type Values = {
  stationId?: string
  orgId?: string
  workerName: string
  workerMobile: string
  title: string
  description?: string
  category: WishCategory
  deadline: Dayjs
  publish: boolean
}

/** The body for POST /wishes from the form (trimmed; the org only without a station). */
export const createBodyOf = (v: Values): CreateWishBody => ({
  title: v.title.trim(),
  description: (v.description ?? '').trim(),
  category: v.category,
  deadline: v.deadline.format('YYYY-MM-DD'),
  workerName: v.workerName.trim(),
  workerMobile: v.workerMobile.trim(),
  publish: v.publish,
  ...(v.stationId ? { stationId: v.stationId } : { orgId: v.orgId }),
})

/**
 * Staff enter a wish for a walk-in worker at a station (face to face, so it is published at
 * once unless they untick it). Without a station the wish belongs to the chosen org.
 */
export const WishCreateModal = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean
  onClose: () => void
  onCreated: (id: string) => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentOrgId, currentOrgName } = useSession()
  const [form] = Form.useForm<Values>()
  const qc = useQueryClient()
  const stationId = Form.useWatch('stationId', form)
  const create = useMutation({
    mutationFn: createWish,
    onSuccess: (w) => {
      void message.success(t('wishes.create.done'))
      void qc.invalidateQueries({ queryKey: wishKeys.all })
      form.resetFields()
      onCreated(w.id)
    },
  })
  const required = { required: true, message: t('wishes.create.required') }

  return (
    <Modal
      open={open}
      title={t('wishes.create.title')}
      okText={t('wishes.create.submit')}
      confirmLoading={create.isPending}
      onCancel={() => {
        create.reset()
        onClose()
      }}
      onOk={() => form.submit()}
      destroyOnHidden
      width={600}
    >
      {create.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorMessage(t, create.error)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ publish: true, orgId: currentOrgId ?? undefined }}
        onFinish={(v) => create.mutate(createBodyOf(v))}
      >
        <Form.Item
          name="stationId"
          label={t('wishes.fields.station')}
          htmlFor="wish-create-station"
        >
          <StationSelect id="wish-create-station" orgId={currentOrgId} activeOnly />
        </Form.Item>
        {!stationId ? (
          <Form.Item
            name="orgId"
            label={t('wishes.fields.org')}
            htmlFor="wish-create-org"
            rules={[required]}
            extra={t('wishes.create.orgHint')}
          >
            <OrgSelect
              id="wish-create-org"
              withinOrgId={currentOrgId}
              initialOption={currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="workerName"
          label={t('wishes.create.workerName')}
          rules={[required, { max: 50, whitespace: true }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="workerMobile"
          label={t('wishes.create.workerMobile')}
          rules={[
            required,
            {
              validator: (_, v: string | undefined) =>
                !v || MobileSchema.safeParse(v.trim()).success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('wishes.create.mobileInvalid'))),
            },
          ]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <WishPublicFields idPrefix="wish-create" />
        <Form.Item name="publish" valuePropName="checked">
          <Checkbox>{t('wishes.create.publish')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  )
}
