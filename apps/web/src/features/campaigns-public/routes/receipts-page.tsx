import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { Field } from '../components/field'
import { campaignPath, useLoginPath, useCampaign, useCampaignId, useNow } from '../components/hooks'
import { ReceiptCard } from '../components/receipt-card'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'
import { useVoter } from '../components/use-voter'

/** My ballots in this campaign, and a box to look up any receipt code. */
export const Component = () => {
  const { t } = useTranslation()
  const loginPath = useLoginPath()
  const campaignId = useCampaignId()
  const campaign = useCampaign(campaignId)
  const c = campaign.data
  const now = useNow()
  const navigate = useNavigate()
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string>()

  const { hasVoter, receipts } = useVoter(campaignId, c, now)

  const lookUp = (e: FormEvent) => {
    e.preventDefault()
    const clean = code.replace(/[\s-]/g, '')
    if (clean.length !== 26) {
      setCodeError(t('campaignsPublic.receipt.codeInvalid'))
      return
    }
    void navigate(campaignPath(campaignId, `/receipts/${encodeURIComponent(clean.toUpperCase())}`))
  }

  const title = t('campaignsPublic.receipt.mineTitle')
  return (
    <PublicShell title={title} home={c ? { to: campaignPath(c.id), label: c.name } : undefined}>
      {campaign.error ? (
        <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />
      ) : null}
      {!c && !campaign.error ? <Loading /> : null}
      {c && !hasVoter ? (
        <Notice>
          {c.rules.eligibility === 'sms' ? (
            <p>{t('campaignsPublic.receipt.smsHint')}</p>
          ) : (
            <>
              <p>{t('campaignsPublic.receipt.signInHint')}</p>
              <Link className="cp-btn cp-btn-primary" to={loginPath}>
                {t('campaignsPublic.common.signIn')}
              </Link>
            </>
          )}
        </Notice>
      ) : null}
      {receipts.isLoading ? <Loading /> : null}
      {receipts.error ? (
        <LoadError error={receipts.error} onRetry={() => void receipts.refetch()} />
      ) : null}
      {receipts.data && receipts.data.items.length === 0 ? (
        <p>{t('campaignsPublic.receipt.none')}</p>
      ) : null}
      {receipts.data?.items.map((r) => (
        <ReceiptCard key={r.receiptCode} receipt={r} />
      ))}

      <form className="cp-card" onSubmit={lookUp} noValidate aria-labelledby="cp-lookup">
        <h2 id="cp-lookup">{t('campaignsPublic.receipt.lookupTitle')}</h2>
        <Field
          label={t('campaignsPublic.receipt.code')}
          hint={t('campaignsPublic.receipt.codeHint')}
          error={codeError}
        >
          {(a) => (
            <input
              {...a}
              className="cp-input"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="cp-btn cp-btn-primary cp-btn-block">
          {t('campaignsPublic.receipt.lookup')}
        </button>
      </form>
    </PublicShell>
  )
}
