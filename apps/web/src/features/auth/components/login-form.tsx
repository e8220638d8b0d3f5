import { LockOutlined, MobileOutlined } from '@ant-design/icons'
import { type LoginBody, LoginBodySchema } from '@unionhall/contracts'
import { Alert, Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { errorMessage } from '../../../lib/error-message'

type Props = {
  onSubmit: (values: LoginBody) => void
  loading?: boolean
  error?: unknown
}

export const LoginForm = ({ onSubmit, loading, error }: Props) => {
  const { t } = useTranslation()
  const [form] = Form.useForm<LoginBody>()
  const rules = useZodRules(LoginBodySchema)

  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => {
        const parsed = parseFormValues(t, form, LoginBodySchema, values)
        if (parsed) onSubmit(parsed)
      }}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorMessage(t, error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item label={t('auth.login.mobile')} name="mobile" rules={rules.mobile} required>
        <Input
          prefix={<MobileOutlined aria-hidden />}
          inputMode="numeric"
          autoComplete="username"
          maxLength={11}
          placeholder={t('auth.login.mobilePlaceholder')}
        />
      </Form.Item>
      <Form.Item label={t('auth.login.password')} name="password" rules={rules.password} required>
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          placeholder={t('auth.login.passwordPlaceholder')}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={loading} data-testid="login-submit">
        {t('auth.login.submit')}
      </Button>
    </Form>
  )
}
