import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { fetchSession, hasSignedInMarker, useSession } from '../../../lib/session'
import { Field } from '../../campaigns-public/components/field'
import { Loading, PublicShell } from '../../campaigns-public/components/shell'
import { login } from '../../auth/api/auth-api'
import { MobileField } from '../fields'
import { isMobile, plainMobile, useCarriedMobile, useFocusFirstError } from '../form'
import { memberRegisterPath, memberResetPath, useGoNext, useNextParam } from '../go-next'

type Errors = { mobile?: string; password?: string }

/** A member signs in with mobile and password, then goes back to the page that asked. */
export const Component = () => {
  const { t } = useTranslation()
  const { session, isLoading, setSession } = useSession()
  const next = useNextParam()
  const goNext = useGoNext()
  const [mobile, setMobile] = useState(useCarriedMobile())
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const { formRef, focusFirstError } = useFocusFirstError()
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (s) => {
      setSession(s)
      goNext(next, s)
    },
  })

  // Already signed in (a second tab, Back after signing in): nothing to do here.
  const alreadyIn = session !== null && mutation.isIdle
  useEffect(() => {
    if (alreadyIn && session) goNext(next, session)
  }, [alreadyIn, goNext, next, session])

  // A session begun before the signed-in marker existed is invisible to worker pages (they ask
  // only with the marker): ask once here, where the member came to sign in anyway.
  useEffect(() => {
    if (hasSignedInMarker()) return
    let live = true
    fetchSession().then(
      (s) => {
        if (live && s) setSession(s)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [setSession])

  const check = {
    mobile: (v: string) => (isMobile(v) ? undefined : t('auth.worker.mobileInvalid')),
    password: (v: string) => (v === '' ? t('auth.worker.passwordRequired') : undefined),
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = { mobile: check.mobile(mobile), password: check.password(password) }
    setErrors(found)
    if (found.mobile || found.password) return focusFirstError()
    mutation.mutate({ mobile: plainMobile(mobile), password })
  }
  const failure = mutation.error
  // Locked out or a wrong password: the way out is a reset, not waiting.
  const offerReset =
    isApiError(failure) &&
    (failure.code === 'AUTH_THROTTLED' || failure.code === 'AUTH_INVALID_CREDENTIALS')

  return (
    <PublicShell title={t('auth.login.title')}>
      {isLoading || alreadyIn ? (
        <Loading />
      ) : (
        <>
          <form
            ref={formRef}
            className="cp-card"
            onSubmit={submit}
            noValidate
            aria-label={t('auth.login.title')}
          >
            <p>{t('auth.worker.loginIntro')}</p>
            <MobileField
              label={t('auth.login.mobile')}
              autoComplete="username"
              value={mobile}
              error={errors.mobile}
              onChange={(v) => {
                setMobile(v)
                if (errors.mobile) setErrors({ ...errors, mobile: check.mobile(v) })
              }}
            />
            <Field label={t('auth.login.password')} error={errors.password}>
              {(a) => (
                <input
                  {...a}
                  className="cp-input"
                  type="password"
                  autoComplete="current-password"
                  maxLength={128}
                  value={password}
                  onChange={(e) => {
                    setPassword(e.target.value)
                    if (errors.password)
                      setErrors({ ...errors, password: check.password(e.target.value) })
                  }}
                />
              )}
            </Field>
            {failure ? (
              <div className="cp-error" role="alert">
                <p>{errorMessage(t, failure)}</p>
                {offerReset ? <p>{t('auth.worker.lockedHint')}</p> : null}
              </div>
            ) : null}
            <button
              type="submit"
              className="cp-btn cp-btn-primary cp-btn-block"
              disabled={mutation.isPending || mutation.isSuccess}
              aria-busy={mutation.isPending}
            >
              {mutation.isPending ? t('common.loading') : t('auth.login.submit')}
            </button>
          </form>
          <p>
            <Link className="cp-link-tap" to={memberResetPath(next)} state={{ mobile }}>
              {t('auth.worker.forgotLink')}
            </Link>
          </p>
          <p>
            {t('auth.login.noAccount')}{' '}
            <Link className="cp-link-tap" to={memberRegisterPath(next)} state={{ mobile }}>
              {t('auth.login.registerLink')}
            </Link>
          </p>
        </>
      )}
    </PublicShell>
  )
}
