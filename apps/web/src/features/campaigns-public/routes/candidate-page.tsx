import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { publicUrl, usePublicOrigin } from '../../../lib/public-origin'
import { Link, useParams } from 'react-router'
import { getCandidate, posterUrl, publicCampaignKeys } from '../api/public-campaigns-api'
import { copyText } from '../components/copy-button'
import { campaignPath, useCampaign, useCampaignId, useNow } from '../components/hooks'
import { ObjectionForm } from '../components/objection-form'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'
import { useBallotSelection } from '../components/use-ballot-selection'
import { useVoter } from '../components/use-voter'
import {
  dailyLimitText,
  todayAllowance,
  voteBlockedNote,
  voterRefusal,
} from '../lib/ballot-messages'
import { votingClosedText } from '../lib/phase'
import { PAGE_WIDE_IMAGE, imageSrcSet, sizedImageSrc, webLinkOrNull } from '../../../lib/web-link'

/** A candidate's public page: what the share link and the poster's QR code open. */
export const Component = () => {
  const { t } = useTranslation()
  const origin = usePublicOrigin()
  const campaignId = useCampaignId()
  const candidateId = useParams().candidateId ?? ''
  const campaign = useCampaign(campaignId)
  const c = campaign.data
  const now = useNow()
  const profile = useQuery({
    queryKey: publicCampaignKeys.candidate(campaignId, candidateId),
    queryFn: ({ signal }) => getCandidate(campaignId, candidateId, signal),
  })
  const selection = useBallotSelection(campaignId, c?.rules.maxChoicesPerBallot ?? 1)
  // The same receipts query as the vote page (shared cache): without a voter it stays idle.
  const { hasVoter, receipts } = useVoter(campaignId, c, now)
  const [shareNote, setShareNote] = useState('')
  const p = profile.data

  if (!p) {
    return (
      <PublicShell title={t('campaignsPublic.candidate.title')}>
        {profile.error ? (
          <LoadError error={profile.error} onRetry={() => void profile.refetch()} />
        ) : (
          <Loading />
        )}
      </PublicShell>
    )
  }
  const video = webLinkOrNull(p.videoUrl)

  const shareUrl = publicUrl(origin, p.shareUrl)
  const share = async () => {
    const text = t('campaignsPublic.candidate.shareText', { name: p.name, honour: p.honourTitle })
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: p.name, text, url: shareUrl })
        return
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') return
      }
    }
    const ok = await copyText(shareUrl)
    setShareNote(ok ? t('campaignsPublic.candidate.linkCopied') : shareUrl)
  }

  const votingNow = c?.phase === 'voting' && votingClosedText(t, c, now) === null
  // A signed-in member outside the campaign's unions is told so here, not after choosing.
  const refusal = c && votingNow && hasVoter ? voterRefusal(t, receipts.error, c, now) : null
  const votingOpen = votingNow && refusal === null
  const checked = selection.isSelected(p.id)
  // Known only for a signed-in (or verified) voter; otherwise the vote button shows as before.
  const allowance =
    c && votingOpen && hasVoter && receipts.data
      ? todayAllowance(receipts.data.items, c.rules, now)
      : null
  const blockedNote = voteBlockedNote(t, allowance, p.id)
  const [photo, ...more] = p.photoUrls

  return (
    <PublicShell title={p.name} home={{ to: campaignPath(p.campaignId), label: p.campaignName }}>
      <p className="cp-row">
        <span className="cp-tag">
          {t('campaignsPublic.candidates.number', { number: p.number })}
        </span>
        <span>{p.categoryName}</span>
        {p.isFrontLine ? (
          <span className="cp-tag cp-tag-ok">{t('campaignsPublic.candidates.frontLine')}</span>
        ) : null}
        {p.status === 'withdrawn' ? (
          <span className="cp-tag cp-tag-bad">{t('campaignsPublic.candidates.withdrawn')}</span>
        ) : null}
      </p>
      {photo ? (
        <img
          className="cp-photo-lg"
          src={sizedImageSrc(photo, 640)}
          srcSet={imageSrcSet(photo)}
          sizes={PAGE_WIDE_IMAGE}
          alt={t('campaignsPublic.candidate.photoAlt', { name: p.name })}
        />
      ) : null}
      <dl className="cp-dl">
        <dt>{t('campaignsPublic.candidate.employer')}</dt>
        <dd>{p.employerName}</dd>
        <dt>{t('campaignsPublic.candidate.trade')}</dt>
        <dd>{p.trade}</dd>
        <dt>{t('campaignsPublic.candidate.honour')}</dt>
        <dd>{p.honourTitle}</dd>
        {p.votes !== null ? (
          <>
            <dt>{t('campaignsPublic.candidate.votes')}</dt>
            <dd>{t('campaignsPublic.candidates.votes', { count: p.votes })}</dd>
          </>
        ) : null}
      </dl>

      {refusal && p.status === 'active' ? (
        <Notice kind="warn" role="status">
          {refusal}
        </Notice>
      ) : null}
      {c && votingOpen && p.status === 'active' && blockedNote ? (
        <div className="cp-card">
          <p className="cp-vote-note">{blockedNote}</p>
          {allowance?.leftToday === 0 ? (
            <p className="cp-small">{dailyLimitText(t, c, now)}</p>
          ) : null}
          <Link className="cp-btn cp-btn-block" to={campaignPath(p.campaignId, '/candidates')}>
            {t('campaignsPublic.vote.backToList')}
          </Link>
        </div>
      ) : votingOpen && p.status === 'active' ? (
        <div className="cp-card">
          <label className="cp-vote-check">
            <input
              type="checkbox"
              checked={checked}
              disabled={!checked && selection.full}
              onChange={() => selection.toggle(p.id)}
            />
            {checked
              ? t('campaignsPublic.vote.chosen', { name: p.name })
              : t('campaignsPublic.vote.choose', { name: p.name })}
          </label>
          <p role="status" className="cp-small">
            {t('campaignsPublic.vote.selected', {
              count: selection.selected.length,
              max: selection.max,
            })}
          </p>
          <Link
            className="cp-btn cp-btn-primary cp-btn-block"
            to={campaignPath(p.campaignId, selection.selected.length ? '/vote' : '/candidates')}
          >
            {selection.selected.length
              ? t('campaignsPublic.vote.next')
              : t('campaignsPublic.vote.backToList')}
          </Link>
        </div>
      ) : null}

      <div className="cp-actions">
        <button type="button" className="cp-btn cp-btn-block" onClick={() => void share()}>
          {t('campaignsPublic.candidate.share')}
        </button>
        <p role="status" className="cp-small" style={{ margin: 0, wordBreak: 'break-all' }}>
          {shareNote}
        </p>
        <a
          className="cp-btn cp-btn-block"
          href={posterUrl(p.campaignId, p.id)}
          target="_blank"
          rel="noopener"
        >
          {t('campaignsPublic.candidate.poster')}
        </a>
        {video ? (
          <a className="cp-btn cp-btn-block" href={video} target="_blank" rel="noopener noreferrer">
            {t('campaignsPublic.candidate.video')}
          </a>
        ) : null}
      </div>

      {p.story ? (
        <section className="cp-card" aria-labelledby="cp-story">
          <h2 id="cp-story">{t('campaignsPublic.candidate.story')}</h2>
          <p className="cp-pre">{p.story}</p>
        </section>
      ) : null}
      <section className="cp-card" aria-labelledby="cp-achievements">
        <h2 id="cp-achievements">{t('campaignsPublic.candidate.achievements')}</h2>
        <p className="cp-pre">{p.achievements}</p>
      </section>
      {more.length > 0 ? (
        <section className="cp-card" aria-labelledby="cp-photos">
          <h2 id="cp-photos">{t('campaignsPublic.candidate.morePhotos')}</h2>
          {more.map((url, i) => (
            <img
              key={url}
              className="cp-photo-lg"
              style={{ marginBottom: '0.6em' }}
              src={sizedImageSrc(url, 640)}
              srcSet={imageSrcSet(url)}
              sizes={PAGE_WIDE_IMAGE}
              loading="lazy"
              alt={t('campaignsPublic.candidate.photoAltN', { name: p.name, n: i + 2 })}
            />
          ))}
        </section>
      ) : null}

      {c && (c.phase === 'publicity' || c.phase === 'result_publicity') && p.status === 'active' ? (
        <ObjectionForm
          campaignId={p.campaignId}
          candidate={{ id: p.id, name: p.name, number: p.number }}
        />
      ) : null}
    </PublicShell>
  )
}
