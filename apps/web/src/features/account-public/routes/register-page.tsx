import { MobileSchema, NameSchema, PasswordSchema, type PublicOrg } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { EmployerSearch } from '../../campaigns-public/components/employer-search'
import { Field } from '../../campaigns-public/components/field'
import { Loading, Notice, PublicShell } from '../../campaigns-public/components/shell'
import { register, requestRegisterOtp } from '../../auth/api/auth-api'
import { useCountdown } from '../../auth/components/use-countdown'
import { safeNext } from '../../auth/lib-next'
import { memberLoginPath, useGoNext } from '../go-next'

type Errors = Partial<Record<'name' | 'employer' | 'mobile' | 'code' | 'password', string>>

/**
 * A worker registers as a member of their employer's union: name, union, mobile proved by an SMS
 * code, and a password. Afterwards they are signed in and back on the page that asked.
 */
export const Component = () => {
  const { t } = useTranslation()
  const { session, isLoading, setSession } = useSession()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const goNext = useGoNext()
  const countdown = useCountdown(60)
  const [name, setName] = useState('')
  const [employer, setEmployer] = useState<PublicOrg | null>(null)
  const [mobile, setMobile] = useState('')
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [sentTo, setSentTo] = useState<string | null>(null)

  const otp = useMutation({
    mutationFn: requestRegisterOtp,
    onSuccess: (_r, sentMobile) => {
      countdown.start()
      setSentTo(sentMobile)
    },
  })
  const submit = useMutation({
    mutationFn: register,
    onSuccess: (s) => {
      setSession(s)
      goNext(next)
    },
  })

  const alreadyIn = session !== null && submit.isIdle
  useEffect(() => {
    if (alreadyIn) goNext(next)
  }, [alreadyIn, goNext, next])

  const mobileError = () =>
    MobileSchema.safeParse(mobile).success ? undefined : t('auth.worker.mobileInvalid')
  const sendCode = () => {
    const e = mobileError()
    setErrors((prev) => ({ ...prev, mobile: e }))
    if (!e) otp.mutate(mobile.trim())
  }
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault()
    const found: Errors = {
      name: NameSchema.safeParse(name).success ? undefined : t('auth.worker.nameRequired'),
      employer: employer ? undefined : t('auth.worker.employerRequired'),
      mobile: mobileError(),
      code: /^\d{6}$/.test(code.trim()) ? undefined : t('auth.worker.codeInvalid'),
      password: PasswordSchema.safeParse(password).success
        ? undefined
        : t('auth.worker.passwordTooShort'),
    }
    setErrors(found)
    if (Object.values(found).some(Boolean) || !employer) return
    submit.mutate({
      name: name.trim(),
      orgId: employer.id,
      mobile: mobile.trim(),
      otpCode: code.trim(),
      password,
    })
  }
  const errorCount = Object.values(errors).filter(Boolean).length
  const failure = submit.error ?? otp.error

  if (isLoading || alreadyIn)
    return (
      <PublicShell title={t('auth.register.title')}>
        <Loading />
      </PublicShell>
    )
  return (
    <PublicShell title={t('auth.register.title')}>
      <form
        className="cp-card"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('auth.register.title')}
      >
        <p>{t('auth.register.subtitle')}</p>
        <Field label={t('auth.register.name')} error={errors.name}>
          {(a) => (
            <input
              {...a}
              className="cp-input"
              autoComplete="name"
              maxLength={50}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <EmployerSearch
          label={t('auth.register.employer')}
          value={employer}
          onChange={setEmployer}
          error={errors.employer}
        />
        <Field
          label={t('auth.register.mobile')}
          hint={t('auth.worker.mobileHint')}
          error={errors.mobile}
        >
          {(a) => (
            <input
              {...a}
              className="cp-input"
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              maxLength={11}
              value={mobile}
              onChange={(e) => setMobile(e.target.value)}
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
        {sentTo ? (
          <p role="status" className="cp-small">
            {t('auth.worker.codeSentTo', { mobile: sentTo })}
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
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('auth.register.password')}
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
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {errorCount > 0 ? (
          <Notice kind="error" role="alert">
            {t('auth.worker.fixErrors', { count: errorCount })}
          </Notice>
        ) : null}
        {failure ? (
          <p className="cp-error" role="alert">
            {errorMessage(t, failure)}
          </p>
        ) : null}
        <button
          type="submit"
          className="cp-btn cp-btn-primary cp-btn-block"
          disabled={submit.isPending || submit.isSuccess}
        >
          {submit.isPending ? t('common.loading') : t('auth.register.submit')}
        </button>
      </form>
      <p>
        {t('auth.register.haveAccount')}{' '}
        <Link to={memberLoginPath(next)}>{t('auth.register.loginLink')}</Link>
      </p>
    </PublicShell>
  )
}
