import { useMutation } from '@tanstack/react-query'
import { Flex, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { useSession } from '../../../lib/session'
import { login } from '../api/auth-api'
import { safeNext } from '../lib-next'
import { AuthShell } from '../components/auth-shell'
import { LoginForm } from '../components/login-form'

export const Component = () => {
  const { t } = useTranslation()
  const { session, setSession } = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (s) => {
      setSession(s)
      void navigate(next, { replace: true })
    },
  })

  useEffect(() => {
    document.title = `${t('auth.login.title')} · ${t('app.name')}`
  }, [t])

  if (session && !mutation.isPending && !mutation.isSuccess) return <Navigate to={next} replace />

  return (
    <AuthShell title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      <LoginForm
        onSubmit={(values) => mutation.mutate(values)}
        loading={mutation.isPending}
        error={mutation.error}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Typography.Text>
          {t('auth.login.noAccount')}{' '}
          <Link
            to={next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`}
            style={{ textDecoration: 'underline' }}
          >
            {t('auth.login.registerLink')}
          </Link>
        </Typography.Text>
      </Flex>
    </AuthShell>
  )
}
