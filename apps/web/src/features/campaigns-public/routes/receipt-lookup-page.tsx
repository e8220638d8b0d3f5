import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { getReceipt, publicCampaignKeys } from '../api/public-campaigns-api'
import { campaignPath, useCampaign, useCampaignId } from '../components/hooks'
import { ReceiptCard } from '../components/receipt-card'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'

/** Anyone holding a receipt code can check that their ballot was recorded, and how it stands. */
export const Component = () => {
  const { t } = useTranslation()
  const campaignId = useCampaignId()
  const code = useParams().code ?? ''
  const campaign = useCampaign(campaignId)
  const receipt = useQuery({
    queryKey: publicCampaignKeys.receipt(campaignId, code),
    queryFn: ({ signal }) => getReceipt(campaignId, code, signal),
  })
  const c = campaign.data
  const notFound = isApiError(receipt.error) && receipt.error.status === 404
  return (
    <PublicShell
      title={t('campaignsPublic.receipt.lookupTitle')}
      home={c ? { to: campaignPath(c.id), label: c.name } : undefined}
    >
      {receipt.isLoading ? <Loading /> : null}
      {notFound ? (
        <Notice kind="warn" role="alert">
          {t('campaignsPublic.receipt.notFound', { code })}
        </Notice>
      ) : receipt.error ? (
        <LoadError error={receipt.error} onRetry={() => void receipt.refetch()} />
      ) : null}
      {receipt.data ? (
        <>
          <Notice kind="ok" role="status">
            {t('campaignsPublic.receipt.found')}
          </Notice>
          <ReceiptCard receipt={receipt.data} big />
        </>
      ) : null}
      <Link className="cp-btn cp-btn-block" to={campaignPath(campaignId, '/receipts')}>
        {t('campaignsPublic.receipt.lookupAnother')}
      </Link>
    </PublicShell>
  )
}
