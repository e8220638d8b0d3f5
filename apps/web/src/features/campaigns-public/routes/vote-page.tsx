import type { BallotReceipt } from '@unionhall/contracts'
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { castBallot, getCandidate, publicCampaignKeys } from '../api/public-campaigns-api'
import {
  campaignPath,
  useLoginPath,
  useRegisterPath,
  useCampaign,
  useCampaignId,
  useNow,
} from '../components/hooks'
import { ReceiptCard } from '../components/receipt-card'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'
import { useBallotSelection } from '../components/use-ballot-selection'
import { useVoter } from '../components/use-voter'
import { VoterVerify } from '../components/voter-verify'
import { ballotAttempt, deviceId } from '../lib/ballot-storage'
import { ballotErrorText, dailyLimitText, todayAllowance } from '../lib/ballot-messages'
import { votingClosedText } from '../lib/phase'

export const Component = () => {
  const { t } = useTranslation()
  const loginPath = useLoginPath()
  const registerPath = useRegisterPath()
  const campaignId = useCampaignId()
  const campaign = useCampaign(campaignId)
  const c = campaign.data
  const now = useNow()
  const queryClient = useQueryClient()
  const selection = useBallotSelection(campaignId, c?.rules.maxChoicesPerBallot ?? 100)
  const [receipt, setReceipt] = useState<BallotReceipt | null>(null)
  const { sms, hasVoter, sessionLoading, receipts, voterChanged, forgetVoter } = useVoter(
    campaignId,
    c,
    now,
  )

  const chosen = useQueries({
    queries: selection.selected.map((id) => ({
      queryKey: publicCampaignKeys.candidate(campaignId, id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getCandidate(campaignId, id, signal),
      staleTime: 60_000,
    })),
  })
  const cast = useMutation({
    mutationFn: (ids: string[]) =>
      castBallot(campaignId, {
        clientKey: ballotAttempt.keyFor(campaignId, ids),
        candidateIds: ids,
        deviceId: deviceId(),
      }),
    onSuccess: (r) => {
      ballotAttempt.done(campaignId)
      selection.clear()
      setReceipt(r)
      void queryClient.invalidateQueries({ queryKey: publicCampaignKeys.myReceipts(campaignId) })
      window.scrollTo(0, 0)
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'BALLOT_VOTER_REQUIRED' && sms) forgetVoter()
    },
  })

  const title = receipt ? t('campaignsPublic.vote.doneTitle') : t('campaignsPublic.vote.title')
  if (!c) {
    return (
      <PublicShell title={title}>
        {campaign.error ? (
          <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />
        ) : (
          <Loading />
        )}
      </PublicShell>
    )
  }
  const home = { to: campaignPath(c.id), label: c.name }

  if (receipt) {
    return (
      <PublicShell title={title} home={home}>
        <Notice kind="ok" role="status">
          {t('campaignsPublic.vote.done')}
        </Notice>
        <ReceiptCard receipt={receipt} big />
        <p>{t('campaignsPublic.vote.keepReceipt')}</p>
        <div className="cp-actions">
          <Link
            className="cp-btn cp-btn-primary cp-btn-block"
            to={campaignPath(c.id, '/candidates')}
          >
            {t('campaignsPublic.vote.again')}
          </Link>
          <Link className="cp-btn cp-btn-block" to={campaignPath(c.id, '/receipts')}>
            {t('campaignsPublic.home.myReceipts')}
          </Link>
        </div>
      </PublicShell>
    )
  }

  const closedText = votingClosedText(t, c, now)
  const allowance = receipts.data ? todayAllowance(receipts.data.items, c.rules, now) : null
  const leftToday = allowance?.leftToday ?? null
  const ids = selection.selected
  const nameOf = (id: string) => chosen[ids.indexOf(id)]?.data?.name
  const tooMany = leftToday !== null && leftToday > 0 && ids.length > leftToday
  // Chosen candidates who already have today's most votes from me: said before the tap, not
  // after the server refuses the ballot.
  const spentId = allowance ? ids.find((id) => allowance.candidateFull(id)) : undefined
  // my-receipts answers 403 BALLOT_VOTER_NOT_ELIGIBLE for members outside the campaign's unions.
  const voterProblem = receipts.error
    ? ballotErrorText(t, receipts.error, { campaign: c, now, leftToday: null })
    : null
  const canSubmit =
    hasVoter &&
    !voterProblem &&
    !closedText &&
    ids.length > 0 &&
    leftToday !== 0 &&
    !tooMany &&
    spentId === undefined &&
    !cast.isPending

  return (
    <PublicShell title={title} home={home}>
      {closedText ? (
        <Notice kind="warn" role="status">
          {closedText}
        </Notice>
      ) : null}

      {!hasVoter && !sms && !sessionLoading ? (
        <Notice kind="warn">
          <p>{t('campaignsPublic.vote.signInFirst')}</p>
          <Link className="cp-btn cp-btn-primary" to={loginPath}>
            {t('campaignsPublic.common.signIn')}
          </Link>
          <p>
            {t('campaignsPublic.nominate.noAccount')}{' '}
            <Link className="cp-link-tap" to={registerPath}>
              {t('campaignsPublic.nominate.register')}
            </Link>
          </p>
        </Notice>
      ) : null}
      {!hasVoter && sms && !closedText ? (
        <VoterVerify campaignId={c.id} onVerified={voterChanged} />
      ) : null}

      {voterProblem ? (
        <Notice kind="warn" role="alert">
          {voterProblem}
        </Notice>
      ) : null}
      {hasVoter && leftToday === 0 ? (
        <Notice kind="warn" role="status">
          {dailyLimitText(t, c, now)}
        </Notice>
      ) : null}
      {hasVoter && leftToday !== null && leftToday > 0 && !tooMany ? (
        <p className="cp-lead">{t('campaignsPublic.limits.leftToday', { count: leftToday })}</p>
      ) : null}
      {tooMany ? (
        <Notice kind="warn" role="status">
          {t('campaignsPublic.limits.fewerLeft', { count: leftToday })}
        </Notice>
      ) : null}
      {spentId !== undefined ? (
        <Notice kind="warn" role="status">
          {t('campaignsPublic.limits.perCandidateNamed', {
            count: c.rules.maxPerCandidatePerDay,
            name: nameOf(spentId) ?? '',
          })}
        </Notice>
      ) : null}

      <section className="cp-card" aria-labelledby="cp-chosen">
        <h2 id="cp-chosen">
          {t('campaignsPublic.vote.chosenTitle', {
            count: ids.length,
            max: c.rules.maxChoicesPerBallot,
          })}
        </h2>
        {ids.length === 0 && leftToday !== 0 ? <p>{t('campaignsPublic.vote.noneChosen')}</p> : null}
        <ul className="cp-list">
          {ids.map((id, i) => (
            <li
              key={id}
              className="cp-row"
              style={{ justifyContent: 'space-between', padding: '0.3em 0' }}
            >
              <span>
                {chosen[i]?.data
                  ? `${t('campaignsPublic.candidates.number', { number: chosen[i].data.number })} ${chosen[i].data.name}`
                  : t('common.loading')}
              </span>
              <button
                type="button"
                className="cp-btn"
                onClick={() => selection.remove(id)}
                aria-label={t('campaignsPublic.vote.removeNamed', {
                  name: chosen[i]?.data?.name ?? '',
                })}
              >
                {t('campaignsPublic.vote.remove')}
              </button>
            </li>
          ))}
        </ul>
        <Link to={campaignPath(c.id, '/candidates')}>{t('campaignsPublic.vote.change')}</Link>
      </section>

      {cast.error ? (
        <Notice kind="error" role="alert">
          <p>
            {ballotErrorText(t, cast.error, { campaign: c, now, leftToday, candidateName: nameOf })}
          </p>
        </Notice>
      ) : null}

      <button
        type="button"
        className="cp-btn cp-btn-primary cp-btn-block"
        disabled={!canSubmit}
        onClick={() => cast.mutate(ids)}
      >
        {cast.isPending
          ? t('campaignsPublic.vote.submitting')
          : t('campaignsPublic.vote.submit', { count: ids.length })}
      </button>
      <p className="cp-small cp-muted">{t('campaignsPublic.vote.safeRetry')}</p>
    </PublicShell>
  )
}
