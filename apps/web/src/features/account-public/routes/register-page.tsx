import { NameSchema, PasswordSchema, type PublicOrg } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { EmployerSearch } from '../../campaigns-public/components/employer-search'
import { Field } from '../../campaigns-public/components/field'
import { Loading, Notice, PublicShell } from '../../campaigns-public/components/shell'
import { register, requestRegisterOtp } from '../../auth/api/auth-api'
import { useCountdown } from '../../auth/components/use-countdown'
import { codeWaitSeconds, MobileField, NewPasswordField, SmsCodeStep } from '../fields'
import { isMobile, plainMobile, useCarriedMobile, useFocusFirstError } from '../form'
import { memberLoginPath, useGoNext, useNextParam } from '../go-next'
import { clearRegisterDraft, readRegisterDraft, saveRegisterDraft } from '../register-draft'

type Errors = Partial<Record<'name' | 'employer' | 'mobile' | 'code' | 'password', string>>

const RESEND_SECONDS = 60

/**
 * A worker registers as a member of their employer's union: name, union, mobile proved by an SMS
 * code, and a password. Afterwards they are signed in and back on the page that asked. What was
 * typed (not the code or the password) survives a reload: WeChat often drops a page in the
 * background while the worker reads the SMS.
 */
export const Component = () => {
  const { t } = useTranslation()
  const { session, isLoading, setSession } = useSession()
  const next = useNextParam()
  const goNext = useGoNext()
  const carried = useCarriedMobile()
  const [draft] = useState(readRegisterDraft)
  const countdown = useCountdown(RESEND_SECONDS)
  const [name, setName] = useState(draft?.name ?? '')
  const [employer, setEmployer] = useState<PublicOrg | null>(draft?.employer ?? null)
  const [mobile, setMobile] = useState(carried || (draft?.mobile ?? ''))
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [sent, setSent] = useState<{ to: string; at: number } | null>(draft?.sent ?? null)
  const { formRef, focusFirstError } = useFocusFirstError()

  // A restored page resumes the resend countdown where it was.
  const { start } = countdown
  useEffect(() => {
    if (!draft?.sent) return
    const left = RESEND_SECONDS - Math.floor((Date.now() - draft.sent.at) / 1000)
    if (left > 0) start(left)
  }, [draft, start])
  useEffect(() => {
    saveRegisterDraft({ name, employer, mobile, sent })
  }, [name, employer, mobile, sent])

  const otp = useMutation({
    mutationFn: requestRegisterOtp,
    onSuccess: (_r, to) => {
      countdown.start()
      setSent({ to, at: Date.now() })
    },
  })
  const submit = useMutation({
    mutationFn: register,
    onSuccess: (s) => {
      clearRegisterDraft()
      setSession(s)
      goNext(next, s)
    },
  })

  const alreadyIn = session !== null && submit.isIdle
  useEffect(() => {
    if (alreadyIn && session) goNext(next, session)
  }, [alreadyIn, goNext, next, session])

  const check = {
    name: (v: string) =>
      NameSchema.safeParse(v).success ? undefined : t('auth.worker.nameRequired'),
    mobile: (v: string) => (isMobile(v) ? undefined : t('auth.worker.mobileInvalid')),
    code: (v: string) => (/^\d{6}$/.test(v.trim()) ? undefined : t('auth.worker.codeInvalid')),
    password: (v: string) =>
      PasswordSchema.safeParse(v).success ? undefined : t('auth.worker.passwordTooShort'),
  }
  /** A field that shows an error is checked again as it changes, so a fixed one goes quiet. */
  const recheck = (field: keyof typeof check, value: string) => {
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
      name: check.name(name),
      employer: employer ? undefined : t('auth.worker.employerRequired'),
      mobile: check.mobile(mobile),
      code: check.code(code),
      password: check.password(password),
    }
    setErrors(found)
    if (Object.values(found).some(Boolean) || !employer) return focusFirstError()
    submit.mutate({
      name: name.trim(),
      orgId: employer.id,
      mobile: plainMobile(mobile),
      otpCode: code.trim(),
      password,
    })
  }
  const errorCount = Object.values(errors).filter(Boolean).length
  const failure = submit.error ?? otp.error
  const taken = isApiError(failure) && failure.code === 'MEMBER_MOBILE_TAKEN'
  const waitSeconds = codeWaitSeconds(otp.error)

  if (isLoading || alreadyIn)
    return (
      <PublicShell title={t('auth.register.title')}>
        <Loading />
      </PublicShell>
    )
  return (
    <PublicShell title={t('auth.register.title')}>
      <form
        ref={formRef}
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
              onChange={(e) => {
                setName(e.target.value)
                recheck('name', e.target.value)
              }}
            />
          )}
        </Field>
        <EmployerSearch
          label={t('auth.register.employer')}
          value={employer}
          onChange={(org) => {
            setEmployer(org)
            if (org && errors.employer) setErrors({ ...errors, employer: undefined })
          }}
          error={errors.employer}
        />
        <MobileField
          label={t('auth.register.mobile')}
          hint={t('auth.worker.mobileHint')}
          autoComplete="tel"
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
          sentTo={sent && !otp.error ? sent.to : null}
          refusal={
            waitSeconds !== null ? (
              <p className="cp-error" role="alert">
                {t('auth.worker.codeStillValid', { seconds: waitSeconds })}
              </p>
            ) : undefined
          }
          value={code}
          error={errors.code}
          onChange={(v) => {
            setCode(v)
            recheck('code', v)
          }}
        />
        <NewPasswordField
          label={t('auth.register.password')}
          value={password}
          error={errors.password}
          onChange={(v) => {
            setPassword(v)
            recheck('password', v)
          }}
        />
        {errorCount > 0 ? (
          <Notice kind="error" role="alert">
            {t('auth.worker.fixErrors', { count: errorCount })}
          </Notice>
        ) : null}
        {taken ? (
          <div className="cp-error" role="alert">
            <p>{t('auth.worker.takenHint')}</p>
            <Link className="cp-link-tap" to={memberLoginPath(next)} state={{ mobile }}>
              {t('auth.worker.toLogin')}
            </Link>
          </div>
        ) : failure && waitSeconds === null ? (
          <p className="cp-error" role="alert">
            {errorMessage(t, failure)}
          </p>
        ) : null}
        <button
          type="submit"
          className="cp-btn cp-btn-primary cp-btn-block"
          disabled={submit.isPending || submit.isSuccess}
          aria-busy={submit.isPending}
        >
          {submit.isPending ? t('common.loading') : t('auth.register.submit')}
        </button>
      </form>
      <p>
        {t('auth.register.haveAccount')}{' '}
        <Link className="cp-link-tap" to={memberLoginPath(next)} state={{ mobile }}>
          {t('auth.register.loginLink')}
        </Link>
      </p>
    </PublicShell>
  )
}
