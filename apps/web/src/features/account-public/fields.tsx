import type { ReactNode } from 'react'
import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../lib/api-error'
import { errorMessage } from '../../lib/error-message'
import { Field } from '../campaigns-public/components/field'

type TextField = { value: string; error?: string; onChange: (value: string) => void }

/** A mobile number as phones type and paste it (spaces, +86: see plainMobile), up to 20 signs. */
export const MobileField = ({
  label,
  hint,
  autoComplete,
  value,
  error,
  onChange,
}: TextField & { label: string; hint?: string; autoComplete: 'username' | 'tel' }) => (
  <Field label={label} hint={hint} error={error}>
    {(a) => (
      <input
        {...a}
        className="cp-input"
        type="tel"
        inputMode="tel"
        autoComplete={autoComplete}
        maxLength={20}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    )}
  </Field>
)

/**
 * The SMS step: the send button with its resend countdown, what was sent where, and the
 * 6-digit code field (the phone offers the code from the message).
 */
export const SmsCodeStep = ({
  countdown,
  sending,
  onSend,
  sentTo,
  refusal,
  value,
  error,
  onChange,
}: TextField & {
  countdown: { running: boolean; left: number }
  sending: boolean
  onSend: () => void
  /** The number a code went to, once one did. */
  sentTo: string | null
  /** Why no code was sent, under the button. */
  refusal?: ReactNode
}) => {
  const { t } = useTranslation()
  return (
    <>
      <button
        type="button"
        className="cp-btn cp-btn-block"
        onClick={onSend}
        disabled={countdown.running || sending}
      >
        {countdown.running
          ? t('auth.register.resendIn', { seconds: countdown.left })
          : t('auth.register.sendCode')}
      </button>
      {refusal ??
        (sentTo ? (
          <p role="status" className="cp-small">
            {t('auth.worker.codeSentTo', { mobile: sentTo })}
          </p>
        ) : null)}
      <div style={{ height: '0.8em' }} />
      <Field label={t('auth.register.code')} error={error}>
        {(a) => (
          <input
            {...a}
            className="cp-input"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </Field>
    </>
  )
}

/** A password being chosen (registration, reset): the browser may offer a strong one. */
export const NewPasswordField = ({
  label,
  value,
  error,
  onChange,
}: TextField & { label: string }) => {
  const { t } = useTranslation()
  return (
    <Field label={label} hint={t('auth.register.passwordHint')} error={error}>
      {(a) => (
        <input
          {...a}
          className="cp-input"
          type="password"
          autoComplete="new-password"
          maxLength={128}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}

/** How long the server asks to wait before another code (OTP_TOO_FREQUENT), or null. */
export const codeWaitSeconds = (error: unknown): number | null =>
  isApiError(error) && error.code === 'OTP_TOO_FREQUENT'
    ? ((error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60)
    : null

/**
 * Why a code was not sent, under the send button of the sign-in and reset pages: the number has
 * no account (with the way to register, carrying the number), a code sent a moment ago is still
 * valid, or the server's own refusal. Undefined when nothing was refused, so SmsCodeStep shows
 * where the code went instead.
 */
export const otpRefusal = (
  t: TFunction,
  r: {
    notRegistered: boolean
    waitSeconds: number | null
    error: unknown
    registerTo: string
    mobile: string
  },
): ReactNode => {
  if (r.notRegistered)
    return (
      <div className="cp-error" role="alert">
        <p>{t('auth.worker.notRegisteredHint')}</p>
        <Link className="cp-link-tap" to={r.registerTo} state={{ mobile: r.mobile }}>
          {t('auth.worker.toRegister')}
        </Link>
      </div>
    )
  if (r.waitSeconds !== null)
    return (
      <p className="cp-error" role="alert">
        {t('auth.worker.codeStillValid', { seconds: r.waitSeconds })}
      </p>
    )
  if (r.error)
    return (
      <p className="cp-error" role="alert">
        {errorMessage(t, r.error)}
      </p>
    )
  return undefined
}
