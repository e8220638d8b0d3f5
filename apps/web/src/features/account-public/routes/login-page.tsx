import { MobileSchema } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { Field } from '../../campaigns-public/components/field'
import { Loading, PublicShell } from '../../campaigns-public/components/shell'
import { login } from '../../auth/api/auth-api'
import { safeNext } from '../../auth/lib-next'
import { memberRegisterPath, useGoNext } from '../go-next'

type Errors = { mobile?: string; password?: string }

/** A member signs in with mobile and password, then goes back to the page that asked. */
export const Component = () => {
  const { t } = useTranslation()
  const { session, isLoading, setSession } = useSession()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const goNext = useGoNext()
  const [mobile, setMobile] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (s) => {
      setSession(s)
      goNext(next)
    },
  })

  // Already signed in (a second tab, Back after signing in): nothing to do here.
  const alreadyIn = session !== null && mutation.isIdle
  useEffect(() => {
    if (alreadyIn) goNext(next)
  }, [alreadyIn, goNext, next])

  const check = (): Errors => ({
    mobile: MobileSchema.safeParse(mobile).success ? undefined : t('auth.worker.mobileInvalid'),
    password: password === '' ? t('auth.worker.passwordRequired') : undefined,
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = check()
    setErrors(found)
    if (!found.mobile && !found.password) mutation.mutate({ mobile: mobile.trim(), password })
  }

  return (
    <PublicShell title={t('auth.login.title')}>
      {isLoading || alreadyIn ? (
        <Loading />
      ) : (
        <>
          <form className="cp-card" onSubmit={submit} noValidate aria-label={t('auth.login.title')}>
            <p>{t('auth.worker.loginIntro')}</p>
            <Field label={t('auth.login.mobile')} error={errors.mobile}>
              {(a) => (
                <input
                  {...a}
                  className="cp-input"
                  type="tel"
                  inputMode="numeric"
                  autoComplete="username"
                  maxLength={11}
                  value={mobile}
                  onChange={(e) => setMobile(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('auth.login.password')} error={errors.password}>
              {(a) => (
                <input
                  {...a}
                  className="cp-input"
                  type="password"
                  autoComplete="current-password"
                  maxLength={128}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
            {mutation.error ? (
              <p className="cp-error" role="alert">
                {errorMessage(t, mutation.error)}
              </p>
            ) : null}
            <button
              type="submit"
              className="cp-btn cp-btn-primary cp-btn-block"
              disabled={mutation.isPending || mutation.isSuccess}
            >
              {mutation.isPending ? t('common.loading') : t('auth.login.submit')}
            </button>
          </form>
          <p>
            {t('auth.login.noAccount')}{' '}
            <Link to={memberRegisterPath(next)}>{t('auth.login.registerLink')}</Link>
          </p>
        </>
      )}
    </PublicShell>
  )
}
