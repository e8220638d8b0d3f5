import type { Candidate } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { BallotSelection } from './use-ballot-selection'
import { sizedImageSrc } from '../../../lib/web-link'

type Props = {
  candidate: Candidate
  to: string
  categoryName?: string
  /** Present while voting is open: a big checkbox to choose the candidate. */
  selection?: BallotSelection
  /**
   * Why I cannot vote for this candidate today (a daily limit my receipts show): shown instead
   * of the checkbox, so the worker is not offered a vote the server would refuse.
   */
  blockedNote?: string | null
}

export const CandidateCard = ({
  candidate: c,
  to,
  categoryName,
  selection,
  blockedNote,
}: Props) => {
  const { t } = useTranslation()
  const checked = selection?.isSelected(c.id) ?? false
  const photo = c.photoUrls[0]
  return (
    <li className="cp-card">
      <div className="cp-candidate">
        {photo ? (
          <img
            className="cp-photo"
            src={sizedImageSrc(photo, 320)}
            alt=""
            loading="lazy"
            decoding="async"
          />
        ) : (
          <div className="cp-photo" aria-hidden="true" />
        )}
        <div className="cp-candidate-body">
          <h2>
            <Link to={to}>
              <span className="cp-tag">
                {t('campaignsPublic.candidates.number', { number: c.number })}
              </span>{' '}
              {c.name}
            </Link>
          </h2>
          <p className="cp-small">
            {c.employerName} · {c.trade}
            {categoryName ? ` · ${categoryName}` : ''}
          </p>
          <p className="cp-row cp-small">
            {c.isFrontLine ? (
              <span className="cp-tag cp-tag-ok">{t('campaignsPublic.candidates.frontLine')}</span>
            ) : null}
            {c.status === 'withdrawn' ? (
              <span className="cp-tag cp-tag-bad">{t('campaignsPublic.candidates.withdrawn')}</span>
            ) : null}
            {c.votes !== null ? (
              <span>{t('campaignsPublic.candidates.votes', { count: c.votes })}</span>
            ) : null}
          </p>
        </div>
      </div>
      {selection && c.status === 'active' && blockedNote ? (
        <p className="cp-vote-note">{blockedNote}</p>
      ) : selection && c.status === 'active' ? (
        <label className="cp-vote-check">
          <input
            type="checkbox"
            checked={checked}
            disabled={!checked && selection.full}
            onChange={() => selection.toggle(c.id)}
          />
          {checked
            ? t('campaignsPublic.vote.chosen', { name: c.name })
            : t('campaignsPublic.vote.choose', { name: c.name })}
        </label>
      ) : null}
    </li>
  )
}

/** "已选 2 / 3 位": with a hint once the ballot is full. */
export const SelectionStatus = ({ selection }: { selection: BallotSelection }) => {
  const { t } = useTranslation()
  return (
    <p role="status" aria-live="polite">
      {t('campaignsPublic.vote.selected', { count: selection.selected.length, max: selection.max })}
      {selection.full ? ` ${t('campaignsPublic.vote.full', { max: selection.max })}` : ''}
    </p>
  )
}
