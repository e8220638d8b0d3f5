import { PasswordSchema } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { Loading, PublicShell } from '../../campaigns-public/components/shell'
import { requestResetOtp, resetPassword } from '../../auth/api/auth-api'
import { useCountdown } from '../../auth/components/use-countdown'
import { codeWaitSeconds, MobileField, NewPasswordField, otpRefusal, SmsCodeStep } from '../fields'
import { isMobile, plainMobile, useCarriedMobile, useFocusFirstError } from '../form'
import { memberLoginPath, memberRegisterPath, useGoNext, useNextParam } from '../go-next'

type Errors = Partial<Record<'mobile' | 'code' | 'password', string>>

/**
 * A forgotten password: an SMS code to the account's mobile, a new password, and the member is
 * signed in and back on the page that asked (other sessions end).
 */
export const Component = () => {
  const { t } = useTranslation()
  const { session, isLoading, setSession } = useSession()
  const next = useNextParam()
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
      goNext(next, s)
    },
  })

  const alreadyIn = session !== null && submit.isIdle
  useEffect(() => {
    if (alreadyIn && session) goNext(next, session)
  }, [alreadyIn, goNext, next, session])

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
  const notRegistered = isApiError(otp.error) && otp.error.code === 'AUTH_MOBILE_NOT_REGISTERED'
  const waitSeconds = codeWaitSeconds(otp.error)

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
        <MobileField
          label={t('auth.login.mobile')}
          autoComplete="username"
          value={mobile}
          error={errors.mobile}
          onChange={(v) => {
            setMobile(v)
            recheck('mobile', v)
          }}
        />
        <SmsCodeStep
          countdown={countdown}
          sending={otp.isPending}
          onSend={sendCode}
          sentTo={sentTo && !otp.error ? sentTo : null}
          refusal={otpRefusal(t, {
            notRegistered,
            waitSeconds,
            error: otp.error,
            registerTo: memberRegisterPath(next),
            mobile,
          })}
          value={code}
          error={errors.code}
          onChange={(v) => {
            setCode(v)
            recheck('code', v)
          }}
        />
        <NewPasswordField
          label={t('auth.worker.newPassword')}
          value={password}
          error={errors.password}
          onChange={(v) => {
            setPassword(v)
            recheck('password', v)
          }}
        />
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
