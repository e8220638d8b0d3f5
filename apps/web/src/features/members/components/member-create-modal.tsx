import { useOnChange } from '../../../components/form/use-on-change'
import { type CreateMemberBody, CreateMemberBodySchema } from '@unionhall/contracts'
import { Alert, App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { OrgSelect } from '../../../components/org-select/org-select'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { useCreateMember } from '../api/use-members'
import { politicalStatusOptions } from './member-status'
import { FormSelect } from '../../../components/form/form-select'

const FIELD_ERRORS = new Set(['MEMBER_MOBILE_TAKEN', 'MEMBER_ID_CARD_TAKEN'])

type Props = {
  open: boolean
  onClose: () => void
  scope: { id: string; name: string } | null
}

export const MemberCreateModal = ({ open, onClose, scope }: Props) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<CreateMemberBody>()
  const rules = useZodRules(CreateMemberBodySchema)
  const create = useCreateMember()

  useOnChange(open, () => {
    if (!open) return
    create.reset()
    form.resetFields()
    form.setFieldsValue({ politicalStatus: 'unknown', ...(scope ? { orgId: scope.id } : {}) })
  })

  return (
    <Modal
      open={open}
      title={t('members.create.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          const body = parseFormValues(t, form, CreateMemberBodySchema, values)
          if (!body) return
          create.mutate(body, {
            onSuccess: () => {
              void message.success(t('members.create.done'))
              onClose()
            },
            onError: (e) => {
              const msg = errorMessage(t, e)
              if (isApiError(e) && e.code === 'MEMBER_MOBILE_TAKEN') {
                form.setFields([{ name: 'mobile', errors: [msg] }])
              } else if (isApiError(e) && e.code === 'MEMBER_ID_CARD_TAKEN') {
                form.setFields([{ name: 'idCardNumber', errors: [msg] }])
              }
            },
          })
        }}
      >
        {create.error && !(isApiError(create.error) && FIELD_ERRORS.has(create.error.code)) ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={errorMessage(t, create.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item label={t('members.fields.name')} name="name" rules={rules.name} required>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('members.fields.mobile')} name="mobile" rules={rules.mobile} required>
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('members.fields.idCardNumber')}
          name="idCardNumber"
          rules={rules.idCardNumber}
          extra={t('members.create.idCardHint')}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('members.fields.org')} name="orgId" rules={rules.orgId} required>
          <OrgSelect withinOrgId={scope?.id ?? null} initialOption={scope} />
        </Form.Item>
        <Form.Item
          label={t('members.fields.politicalStatus')}
          name="politicalStatus"
          rules={rules.politicalStatus}
          extra={t('members.fields.politicalStatusHint')}
        >
          <FormSelect options={politicalStatusOptions(t)} />
        </Form.Item>
        <Form.Item
          label={t('members.fields.password')}
          name="password"
          rules={rules.password}
          extra={t('members.create.passwordHint')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
