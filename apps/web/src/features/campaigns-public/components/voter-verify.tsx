import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../lib/error-message'
import { useCountdown } from '../../auth/components/use-countdown'
import { requestVoteOtp, verifyVoter } from '../api/public-campaigns-api'
import { voterStore } from '../lib/ballot-storage'
import { MobileField } from '../../account-public/fields'
import { isMobile, plainMobile } from '../../account-public/form'
import { Field } from './field'

/** SMS campaigns: prove a mobile with a code once; the voter token lasts a working day. */
export const VoterVerify = ({
  campaignId,
  onVerified,
}: {
  campaignId: string
  onVerified: () => void
}) => {
  const { t } = useTranslation()
  const [mobile, setMobile] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<{ mobile?: string; code?: string }>({})
  const countdown = useCountdown(60)
  const [sent, setSent] = useState(false)

  const otp = useMutation({
    mutationFn: requestVoteOtp,
    onSuccess: () => {
      countdown.start()
      setSent(true)
    },
  })
  const verify = useMutation({
    mutationFn: () =>
      verifyVoter(campaignId, { mobile: plainMobile(mobile), otpCode: code.trim() }),
    onSuccess: (r) => {
      voterStore.set(campaignId, r.expiresAt)
      onVerified()
    },
  })

  const mobileError = () =>
    isMobile(mobile) ? undefined : t('campaignsPublic.nominate.errors.mobile')
  const sendCode = () => {
    const e = mobileError()
    setErrors({ mobile: e })
    if (!e) otp.mutate(plainMobile(mobile))
  }
  const submit = (ev: FormEvent) => {
    ev.preventDefault()
    const next = {
      mobile: mobileError(),
      code: /^\d{6}$/.test(code.trim()) ? undefined : t('campaignsPublic.verify.codeInvalid'),
    }
    setErrors(next)
    if (!next.mobile && !next.code) verify.mutate()
  }
  const failure = verify.error ?? otp.error

  return (
    <form className="cp-card" onSubmit={submit} noValidate aria-labelledby="cp-verify-title">
      <h2 id="cp-verify-title">{t('campaignsPublic.verify.title')}</h2>
      <p>{t('campaignsPublic.verify.intro')}</p>
      {/* Numbers as phones paste them ("136 2076 0099", +86): the same field as sign-in. */}
      <MobileField
        label={t('campaignsPublic.verify.mobile')}
        autoComplete="tel"
        value={mobile}
        error={errors.mobile}
        onChange={setMobile}
      />
      <button
        type="button"
        className="cp-btn cp-btn-block"
        onClick={sendCode}
        disabled={countdown.running || otp.isPending}
      >
        {countdown.running
          ? t('campaignsPublic.verify.resendIn', { seconds: countdown.left })
          : sent
            ? t('campaignsPublic.verify.resend')
            : t('campaignsPublic.verify.sendCode')}
      </button>
      {sent ? (
        <p role="status" className="cp-small">
          {t('campaignsPublic.verify.sent')}
        </p>
      ) : null}
      <div style={{ height: '0.8em' }} />
      <Field label={t('campaignsPublic.verify.code')} error={errors.code}>
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
      {failure ? (
        <p className="cp-error" role="alert">
          {errorMessage(t, failure)}
        </p>
      ) : null}
      <button
        type="submit"
        className="cp-btn cp-btn-primary cp-btn-block"
        disabled={verify.isPending}
      >
        {verify.isPending ? t('common.loading') : t('campaignsPublic.verify.submit')}
      </button>
    </form>
  )
}
