import { type RegisterBody, RegisterBodySchema } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { Alert, App, Button, Flex, Form, Input, Space, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { register, requestRegisterOtp } from '../api/auth-api'
import { AuthShell } from '../components/auth-shell'
import { safeNext } from '../lib-next'
import { EmployerSelect } from '../components/employer-select'
import { useCountdown } from '../components/use-countdown'

export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<RegisterBody>()
  const rules = useZodRules(RegisterBodySchema)
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const { setSession } = useSession()
  const countdown = useCountdown(60)

  const otp = useMutation({
    mutationFn: requestRegisterOtp,
    onSuccess: () => {
      countdown.start()
      void message.success(t('auth.register.codeSent'))
    },
    onError: (e) => void message.error(errorMessage(t, e)),
  })
  const submit = useMutation({
    mutationFn: register,
    onSuccess: (s) => {
      setSession(s)
      void message.success(t('auth.register.success'))
      // Back to where the worker started (e.g. the wish form), as the login page does.
      void navigate(next, { replace: true })
    },
  })

  useEffect(() => {
    document.title = `${t('auth.register.title')} · ${t('app.name')}`
  }, [t])

  const sendCode = () => {
    form
      .validateFields(['mobile'])
      .then(({ mobile }) => otp.mutate(mobile))
      .catch(() => undefined)
  }

  return (
    <AuthShell title={t('auth.register.title')} subtitle={t('auth.register.subtitle')}>
      <Form
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(values) => {
          const parsed = parseFormValues(t, form, RegisterBodySchema, values)
          if (parsed) submit.mutate(parsed)
        }}
      >
        {submit.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={errorMessage(t, submit.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item label={t('auth.register.name')} name="name" rules={rules.name} required>
          <Input autoComplete="name" maxLength={50} />
        </Form.Item>
        <Form.Item label={t('auth.register.employer')} name="orgId" rules={rules.orgId} required>
          <EmployerSelect />
        </Form.Item>
        <Form.Item label={t('auth.register.mobile')} name="mobile" rules={rules.mobile} required>
          <Input inputMode="numeric" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <Form.Item label={t('auth.register.code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="otpCode" rules={rules.otpCode} noStyle>
              <Input
                aria-label={t('auth.register.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            </Form.Item>
            <Button onClick={sendCode} disabled={countdown.running} loading={otp.isPending}>
              {countdown.running
                ? t('auth.register.resendIn', { seconds: countdown.left })
                : t('auth.register.sendCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label={t('auth.register.password')}
          name="password"
          rules={rules.password}
          extra={t('auth.register.passwordHint')}
          required
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          {t('auth.register.submit')}
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Typography.Text>
          {t('auth.register.haveAccount')}{' '}
          <Link to="/login" style={{ textDecoration: 'underline' }}>
            {t('auth.register.loginLink')}
          </Link>
        </Typography.Text>
      </Flex>
    </AuthShell>
  )
}
