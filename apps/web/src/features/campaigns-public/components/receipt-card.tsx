import type { BallotReceipt } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'
import { formatWhen } from '../lib/time'
import { CopyButton } from './copy-button'

const statusClass = {
  counted: 'cp-tag cp-tag-ok',
  flagged: 'cp-tag cp-tag-warn',
  invalidated: 'cp-tag cp-tag-bad',
}

/**
 * A receipt code in groups of four (26 characters in one run are hard to read out or type from
 * a screenshot). The gaps are margins, not spaces, so selecting and copying gives the code whole.
 */
const ReceiptCode = ({ code }: { code: string }) => (
  <>
    {code.match(/.{1,4}/g)?.map((group, i) => (
      <span key={i} className="cp-receipt-group">
        {group}
      </span>
    ))}
  </>
)

/** A ballot receipt: the code big enough to read out or screenshot, with a copy button. */
export const ReceiptCard = ({
  receipt,
  big = false,
}: {
  receipt: BallotReceipt
  big?: boolean
}) => {
  const { t } = useTranslation()
  return (
    <div className="cp-card">
      <p>{t('campaignsPublic.receipt.code')}</p>
      {big ? (
        <output className="cp-receipt-code" aria-label={t('campaignsPublic.receipt.code')}>
          <ReceiptCode code={receipt.receiptCode} />
        </output>
      ) : (
        <p className="cp-receipt-code cp-small">
          <ReceiptCode code={receipt.receiptCode} />
        </p>
      )}
      <div className="cp-row">
        <CopyButton text={receipt.receiptCode} label={t('campaignsPublic.receipt.copy')} />
      </div>
      <dl className="cp-dl">
        <dt>{t('campaignsPublic.receipt.castAt')}</dt>
        <dd>{formatWhen(t, receipt.castAt)}</dd>
        <dt>{t('campaignsPublic.receipt.candidates')}</dt>
        <dd>
          {receipt.candidatesHidden
            ? t('campaignsPublic.receipt.candidatesHidden')
            : receipt.candidates.map((c) => c.name).join(t('common.listSeparator'))}
        </dd>
        <dt>{t('campaignsPublic.receipt.status')}</dt>
        <dd>
          <span className={statusClass[receipt.status]}>
            {t(`campaignsPublic.receipt.statuses.${receipt.status}`)}
          </span>
        </dd>
      </dl>
      {receipt.status !== 'counted' ? (
        <p className="cp-small">{t(`campaignsPublic.receipt.statusHelp.${receipt.status}`)}</p>
      ) : null}
    </div>
  )
}
