import type { Session } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { Field } from '../../campaigns-public/components/field'
import { Loading, PublicShell } from '../../campaigns-public/components/shell'
import { login, loginWithOtp, requestLoginOtp } from '../../auth/api/auth-api'
import { useCountdown } from '../../auth/components/use-countdown'
import { codeWaitSeconds, MobileField, otpRefusal, SmsCodeStep } from '../fields'
import { isMobile, plainMobile, useCarriedMobile, useFocusFirstError } from '../form'
import { memberRegisterPath, memberResetPath, useGoNext, useNextParam } from '../go-next'
import { clearLoginDraft, readLoginDraft, saveLoginDraft } from '../login-draft'
import '../account.css'

type Way = 'password' | 'sms'
const WAYS: readonly Way[] = ['password', 'sms']
type Errors = Partial<Record<'mobile' | 'password' | 'code', string>>

const RESEND_SECONDS = 60
const tabId = (way: Way) => `login-way-${way}`
const PANEL_ID = 'login-way-panel'

/**
 * A member signs in with mobile and password, or with an SMS code instead (many older workers
 * never remember a password), then goes back to the page that asked. The number typed stays
 * when switching between the two.
 */
export const Component = () => {
  const { t } = useTranslation()
  const { session, isLoading, setSession } = useSession()
  const next = useNextParam()
  const goNext = useGoNext()
  const carried = useCarriedMobile()
  const [draft] = useState(readLoginDraft)
  const [way, setWay] = useState<Way>(draft ? 'sms' : 'password')
  const [mobile, setMobile] = useState(carried || (draft?.mobile ?? ''))
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [sent, setSent] = useState(draft?.sent ?? null)
  const countdown = useCountdown(RESEND_SECONDS)
  const { formRef, focusFirstError } = useFocusFirstError()
  const tabRefs = useRef<Partial<Record<Way, HTMLButtonElement | null>>>({})

  const onSignedIn = (s: Session) => {
    clearLoginDraft()
    setSession(s)
    goNext(next, s)
  }
  const mutation = useMutation({ mutationFn: login, onSuccess: onSignedIn })
  const otpLogin = useMutation({ mutationFn: loginWithOtp, onSuccess: onSignedIn })
  const otp = useMutation({
    mutationFn: requestLoginOtp,
    onSuccess: (_r, to) => {
      countdown.start()
      setSent({ to, at: Date.now() })
    },
  })

  // A page restored after a code was sent resumes the resend countdown where it was.
  const { start } = countdown
  useEffect(() => {
    if (!draft) return
    const left = RESEND_SECONDS - Math.floor((Date.now() - draft.sent.at) / 1000)
    if (left > 0) start(left)
  }, [draft, start])
  useEffect(() => {
    if (way === 'sms' && sent) saveLoginDraft({ mobile, sent })
  }, [way, mobile, sent])

  // Already signed in (a second tab, Back after signing in): nothing to do here.
  const alreadyIn = session !== null && mutation.isIdle && otpLogin.isIdle
  useEffect(() => {
    if (alreadyIn && session) goNext(next, session)
  }, [alreadyIn, goNext, next, session])

  const check = {
    mobile: (v: string) => (isMobile(v) ? undefined : t('auth.worker.mobileInvalid')),
    password: (v: string) => (v === '' ? t('auth.worker.passwordRequired') : undefined),
    code: (v: string) => (/^\d{6}$/.test(v.trim()) ? undefined : t('auth.worker.codeInvalid')),
  }
  /** A field that shows an error is checked again as it changes, so a fixed one goes quiet. */
  const recheck = (field: keyof typeof check, value: string) => {
    if (errors[field]) setErrors({ ...errors, [field]: check[field](value) })
  }

  const choose = (w: Way) => {
    if (w === way) return
    setWay(w)
    // The number goes along (and its error with it); the other way's fields start quiet.
    setErrors({ mobile: errors.mobile })
    if (w === 'password') clearLoginDraft()
  }
  // Arrow keys move between the tabs (and choose), as a tab list does.
  const onTabKey = (e: KeyboardEvent) => {
    const at = WAYS.indexOf(way)
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? WAYS[(at + 1) % WAYS.length]
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? WAYS[(at + WAYS.length - 1) % WAYS.length]
          : e.key === 'Home'
            ? WAYS[0]
            : e.key === 'End'
              ? WAYS[WAYS.length - 1]
              : undefined
    if (!to) return
    e.preventDefault()
    choose(to)
    tabRefs.current[to]?.focus()
  }

  const sendCode = () => {
    const e = check.mobile(mobile)
    setErrors({ ...errors, mobile: e })
    if (e) return focusFirstError()
    otp.mutate(plainMobile(mobile))
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (way === 'password') {
      const found = { mobile: check.mobile(mobile), password: check.password(password) }
      setErrors(found)
      if (found.mobile || found.password) return focusFirstError()
      mutation.mutate({ mobile: plainMobile(mobile), password })
    } else {
      const found = { mobile: check.mobile(mobile), code: check.code(code) }
      setErrors(found)
      if (found.mobile || found.code) return focusFirstError()
      otpLogin.mutate({ mobile: plainMobile(mobile), otpCode: code.trim() })
    }
  }
  const failure = way === 'password' ? mutation.error : otpLogin.error
  const pending = way === 'password' ? mutation : otpLogin
  // Locked out or a wrong password: the way out is a reset (or a code), not waiting.
  const offerReset =
    way === 'password' &&
    isApiError(failure) &&
    (failure.code === 'AUTH_THROTTLED' || failure.code === 'AUTH_INVALID_CREDENTIALS')
  const notRegistered = isApiError(otp.error) && otp.error.code === 'AUTH_MOBILE_NOT_REGISTERED'
  const waitSeconds = codeWaitSeconds(otp.error)

  return (
    <PublicShell title={t('auth.login.title')}>
      {isLoading || alreadyIn ? (
        <Loading />
      ) : (
        <>
          <div
            className="ap-tabs"
            role="tablist"
            aria-label={t('auth.worker.loginWays')}
            onKeyDown={onTabKey}
          >
            {WAYS.map((w) => (
              <button
                key={w}
                ref={(el) => {
                  tabRefs.current[w] = el
                }}
                type="button"
                role="tab"
                id={tabId(w)}
                aria-selected={way === w}
                aria-controls={PANEL_ID}
                tabIndex={way === w ? 0 : -1}
                onClick={() => choose(w)}
              >
                {t(w === 'password' ? 'auth.worker.passwordWay' : 'auth.worker.smsWay')}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(way)}>
            <form
              ref={formRef}
              className="cp-card"
              onSubmit={submit}
              noValidate
              aria-label={t('auth.login.title')}
            >
              <p>
                {t(way === 'password' ? 'auth.worker.loginIntro' : 'auth.worker.smsLoginIntro')}
              </p>
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
              {way === 'password' ? (
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
                        recheck('password', e.target.value)
                      }}
                    />
                  )}
                </Field>
              ) : (
                <SmsCodeStep
                  countdown={countdown}
                  sending={otp.isPending}
                  onSend={sendCode}
                  sentTo={sent && !otp.error ? sent.to : null}
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
              )}
              {failure ? (
                <div className="cp-error" role="alert">
                  <p>{errorMessage(t, failure)}</p>
                  {offerReset ? (
                    <>
                      <p>{t('auth.worker.lockedHint')}</p>
                      <button
                        type="button"
                        className="cp-btn cp-btn-block"
                        onClick={() => {
                          choose('sms')
                          tabRefs.current.sms?.focus()
                        }}
                      >
                        {t('auth.worker.useSmsInstead')}
                      </button>
                    </>
                  ) : null}
                </div>
              ) : null}
              <button
                type="submit"
                className="cp-btn cp-btn-primary cp-btn-block"
                disabled={pending.isPending || pending.isSuccess}
                aria-busy={pending.isPending}
              >
                {pending.isPending ? t('common.loading') : t('auth.login.submit')}
              </button>
            </form>
          </div>
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
