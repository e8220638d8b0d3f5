import { ChangePasswordBodySchema } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { errorMessage } from '../../../lib/error-message'
import { changePassword } from '../api/auth-api'

type Values = { currentPassword: string; newPassword: string }

export const ChangePasswordModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const rules = useZodRules(ChangePasswordBodySchema)
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      void message.success(t('auth.password.success'))
      form.resetFields()
      onClose()
    },
    onError: (e) => void message.error(errorMessage(t, e)),
  })
  return (
    <Modal
      open={open}
      title={t('auth.password.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          const parsed = parseFormValues(t, form, ChangePasswordBodySchema, values)
          if (parsed) mutation.mutate(parsed)
        }}
      >
        <Form.Item
          label={t('auth.password.current')}
          name="currentPassword"
          rules={rules.currentPassword}
          required
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.password.new')}
          name="newPassword"
          rules={rules.newPassword}
          extra={t('auth.register.passwordHint')}
          required
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
