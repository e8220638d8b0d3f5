import { PasswordSchema } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { Field } from '../../campaigns-public/components/field'
import { Loading, PublicShell } from '../../campaigns-public/components/shell'
import { requestResetOtp, resetPassword } from '../../auth/api/auth-api'
import { useCountdown } from '../../auth/components/use-countdown'
import { safeNext } from '../../auth/lib-next'
import { isMobile, plainMobile, useCarriedMobile, useFocusFirstError } from '../form'
import { memberLoginPath, memberRegisterPath, useGoNext } from '../go-next'

type Errors = Partial<Record<'mobile' | 'code' | 'password', string>>

/**
 * A forgotten password: an SMS code to the account's mobile, a new password, and the member is
 * signed in and back on the page that asked (other sessions end).
 */
export const Component = () => {
  const { t } = useTranslation()
  const { session, isLoading, setSession } = useSession()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const goNext = useGoNext()
  const countdown = useCountdown(60)
  const [mobile, setMobile] = useState(useCarriedMobile())
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [sentTo, setSentTo] = useState<string | null>(null)
  const { formRef, focusFirstError } = useFocusFirstError()

  const otp = useMutation({
    mutationFn: requestResetOtp,
    onSuccess: (_r, sent) => {
      countdown.start()
      setSentTo(sent)
    },
  })
  const submit = useMutation({
    mutationFn: resetPassword,
    onSuccess: (s) => {
      setSession(s)
      goNext(next)
    },
  })

  const alreadyIn = session !== null && submit.isIdle
  useEffect(() => {
    if (alreadyIn) goNext(next)
  }, [alreadyIn, goNext, next])

  const check = {
    mobile: (v: string) => (isMobile(v) ? undefined : t('auth.worker.mobileInvalid')),
    code: (v: string) => (/^\d{6}$/.test(v.trim()) ? undefined : t('auth.worker.codeInvalid')),
    password: (v: string) =>
      PasswordSchema.safeParse(v).success ? undefined : t('auth.worker.passwordTooShort'),
  }
  const recheck = (field: keyof Errors, value: string) => {
    if (errors[field]) setErrors({ ...errors, [field]: check[field](value) })
  }
  const sendCode = () => {
    const e = check.mobile(mobile)
    setErrors({ ...errors, mobile: e })
    if (e) return focusFirstError()
    otp.mutate(plainMobile(mobile))
  }
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault()
    const found: Errors = {
      mobile: check.mobile(mobile),
      code: check.code(code),
      password: check.password(password),
    }
    setErrors(found)
    if (Object.values(found).some(Boolean)) return focusFirstError()
    submit.mutate({ mobile: plainMobile(mobile), otpCode: code.trim(), newPassword: password })
  }
  const otpFailure = otp.error
  const notRegistered = isApiError(otpFailure) && otpFailure.code === 'AUTH_MOBILE_NOT_REGISTERED'
  const tooSoon = isApiError(otpFailure) && otpFailure.code === 'OTP_TOO_FREQUENT'
  const retryAfter = tooSoon
    ? ((otpFailure.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60)
    : 0

  if (isLoading || alreadyIn)
    return (
      <PublicShell title={t('auth.worker.resetTitle')}>
        <Loading />
      </PublicShell>
    )
  return (
    <PublicShell title={t('auth.worker.resetTitle')}>
      <form
        ref={formRef}
        className="cp-card"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('auth.worker.resetTitle')}
      >
        <p>{t('auth.worker.resetIntro')}</p>
        <Field label={t('auth.login.mobile')} error={errors.mobile}>
          {(a) => (
            <input
              {...a}
              className="cp-input"
              type="tel"
              inputMode="tel"
              autoComplete="username"
              maxLength={20}
              value={mobile}
              onChange={(e) => {
                setMobile(e.target.value)
                recheck('mobile', e.target.value)
              }}
            />
          )}
        </Field>
        <button
          type="button"
          className="cp-btn cp-btn-block"
          onClick={sendCode}
          disabled={countdown.running || otp.isPending}
        >
          {countdown.running
            ? t('auth.register.resendIn', { seconds: countdown.left })
            : t('auth.register.sendCode')}
        </button>
        {sentTo && !otpFailure ? (
          <p role="status" className="cp-small">
            {t('auth.worker.codeSentTo', { mobile: sentTo })}
          </p>
        ) : null}
        {notRegistered ? (
          <div className="cp-error" role="alert">
            <p>{t('auth.worker.notRegisteredHint')}</p>
            <Link className="cp-link-tap" to={memberRegisterPath(next)} state={{ mobile }}>
              {t('auth.worker.toRegister')}
            </Link>
          </div>
        ) : tooSoon ? (
          <p className="cp-error" role="alert">
            {t('auth.worker.codeStillValid', { seconds: retryAfter })}
          </p>
        ) : otpFailure ? (
          <p className="cp-error" role="alert">
            {errorMessage(t, otpFailure)}
          </p>
        ) : null}
        <div style={{ height: '0.8em' }} />
        <Field label={t('auth.register.code')} error={errors.code}>
          {(a) => (
            <input
              {...a}
              className="cp-input"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => {
                setCode(e.target.value)
                recheck('code', e.target.value)
              }}
            />
          )}
        </Field>
        <Field
          label={t('auth.worker.newPassword')}
          hint={t('auth.register.passwordHint')}
          error={errors.password}
        >
          {(a) => (
            <input
              {...a}
              className="cp-input"
              type="password"
              autoComplete="new-password"
              maxLength={128}
              value={password}
              onChange={(e) => {
                setPassword(e.target.value)
                recheck('password', e.target.value)
              }}
            />
          )}
        </Field>
        {submit.error ? (
          <p className="cp-error" role="alert">
            {errorMessage(t, submit.error)}
          </p>
        ) : null}
        <button
          type="submit"
          className="cp-btn cp-btn-primary cp-btn-block"
          disabled={submit.isPending || submit.isSuccess}
          aria-busy={submit.isPending}
        >
          {submit.isPending ? t('common.loading') : t('auth.worker.resetSubmit')}
        </button>
      </form>
      <p>
        <Link className="cp-link-tap" to={memberLoginPath(next)} state={{ mobile }}>
          {t('auth.worker.toLogin')}
        </Link>
      </p>
    </PublicShell>
  )
}
