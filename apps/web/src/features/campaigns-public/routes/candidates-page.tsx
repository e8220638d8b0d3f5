import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import {
  CANDIDATE_PAGE_SIZE,
  listCandidates,
  publicCampaignKeys,
} from '../api/public-campaigns-api'
import { CandidateCard, SelectionStatus } from '../components/candidate-card'
import { campaignPath, useCampaign, useCampaignId, useNow } from '../components/hooks'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'
import { useBallotSelection } from '../components/use-ballot-selection'
import { useVoter } from '../components/use-voter'
import {
  dailyLimitText,
  todayAllowance,
  voteBlockedNote,
  voterRefusal,
} from '../lib/ballot-messages'
import { phaseAtLeast, votingClosedText } from '../lib/phase'

export const Component = () => {
  const { t } = useTranslation()
  const campaignId = useCampaignId()
  const campaign = useCampaign(campaignId)
  const c = campaign.data
  const now = useNow()
  const [params, setParams] = useSearchParams()
  const categoryId = params.get('category') ?? ''
  const q = params.get('q') ?? ''
  const [search, setSearch] = useState(q)
  const navigate = useNavigate()
  // The same receipts query as the vote page (shared cache): without a voter it stays idle.
  const { hasVoter, receipts } = useVoter(campaignId, c, now)
  // With some of today's votes used, a ballot may choose no more than are left.
  const perBallot = c?.rules.maxChoicesPerBallot ?? 1
  const leftToday =
    c && hasVoter && receipts.data
      ? todayAllowance(receipts.data.items, c.rules, now).leftToday
      : null
  const selection = useBallotSelection(
    campaignId,
    leftToday !== null && leftToday > 0 ? Math.min(perBallot, leftToday) : perBallot,
  )

  const list = useInfiniteQuery({
    queryKey: publicCampaignKeys.candidates(campaignId, categoryId, q),
    queryFn: ({ pageParam, signal }) =>
      listCandidates(
        campaignId,
        { categoryId: categoryId || undefined, q: q || undefined, page: pageParam },
        signal,
      ),
    initialPageParam: 1,
    getNextPageParam: (last) =>
      last.page * (last.pageSize || CANDIDATE_PAGE_SIZE) < last.total ? last.page + 1 : undefined,
    enabled: Boolean(c && phaseAtLeast(c, 'publicity')),
    placeholderData: keepPreviousData,
  })

  const title = t('campaignsPublic.candidates.title')
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

  const closedText = c.phase === 'voting' ? votingClosedText(t, c, now) : null
  // A signed-in member outside the campaign's unions is told so here, not after choosing.
  const refusal =
    c.phase === 'voting' && closedText === null && hasVoter
      ? voterRefusal(t, receipts.error, c, now)
      : null
  const votingOpen = c.phase === 'voting' && closedText === null && refusal === null
  // Known only for a signed-in (or verified) voter; otherwise every candidate is offered as before.
  const allowance =
    votingOpen && hasVoter && receipts.data
      ? todayAllowance(receipts.data.items, c.rules, now)
      : null
  const noVotesLeft = allowance?.leftToday === 0
  const categoryName = (id: string) => c.categories.find((x) => x.id === id)?.name
  const items = list.data?.pages.flatMap((p) => p.items) ?? []
  const total = list.data?.pages[0]?.total ?? 0

  const setFilter = (next: { category?: string; q?: string }) => {
    const p = new URLSearchParams(params)
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v)
      else p.delete(k)
    }
    setParams(p, { replace: true })
  }
  const onSearch = (e: FormEvent) => {
    e.preventDefault()
    setFilter({ q: search.trim() })
  }

  return (
    <PublicShell title={title} home={{ to: campaignPath(c.id), label: c.name }}>
      {!phaseAtLeast(c, 'publicity') ? (
        <Notice>{t('campaignsPublic.candidates.notYet')}</Notice>
      ) : (
        <>
          {c.phase === 'publicity' ? (
            <Notice>{t('campaignsPublic.candidates.publicityHint')}</Notice>
          ) : null}
          {votingOpen && noVotesLeft ? (
            <Notice kind="warn" role="status">
              {dailyLimitText(t, c, now)}
            </Notice>
          ) : votingOpen ? (
            <Notice>
              <p>{t('campaignsPublic.vote.howTo', { count: c.rules.maxChoicesPerBallot })}</p>
              {leftToday !== null && leftToday < c.rules.maxChoicesPerBallot ? (
                <p>{t('campaignsPublic.limits.leftToday', { count: leftToday })}</p>
              ) : null}
            </Notice>
          ) : null}
          {closedText ? (
            <Notice kind="warn" role="status">
              {closedText}
            </Notice>
          ) : null}
          {refusal ? (
            <Notice kind="warn" role="status">
              {refusal}
            </Notice>
          ) : null}

          <form className="cp-card" role="search" onSubmit={onSearch}>
            <div className="cp-field">
              <label htmlFor="cp-category">{t('campaignsPublic.candidates.category')}</label>
              <select
                id="cp-category"
                className="cp-select"
                value={categoryId}
                onChange={(e) => setFilter({ category: e.target.value })}
              >
                <option value="">{t('campaignsPublic.candidates.allCategories')}</option>
                {c.categories.map((cat) => (
                  <option key={cat.id} value={cat.id}>
                    {cat.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="cp-field">
              <label htmlFor="cp-q">{t('campaignsPublic.candidates.search')}</label>
              <div className="cp-row">
                <input
                  id="cp-q"
                  className="cp-input"
                  // min-width 0: with large text and a large system font the box would otherwise
                  // keep its intrinsic width and push the page wider than a 360 px screen.
                  style={{ flex: '1 1 8em', minWidth: 0, width: 'auto' }}
                  type="search"
                  enterKeyHint="search"
                  value={search}
                  placeholder={t('campaignsPublic.candidates.searchPlaceholder')}
                  onChange={(e) => setSearch(e.target.value)}
                />
                <button type="submit" className="cp-btn">
                  {t('common.search')}
                </button>
              </div>
            </div>
          </form>

          {list.isLoading ? <Loading /> : null}
          {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
          {list.data ? (
            <p className="cp-muted" role="status">
              {t('campaignsPublic.candidates.count', { count: total })}
            </p>
          ) : null}
          <ul className="cp-list">
            {items.map((cand) => (
              <CandidateCard
                key={cand.id}
                candidate={cand}
                categoryName={categoryId ? undefined : categoryName(cand.categoryId)}
                to={campaignPath(c.id, `/candidates/${encodeURIComponent(cand.id)}`)}
                selection={votingOpen ? selection : undefined}
                blockedNote={voteBlockedNote(t, allowance, cand.id)}
              />
            ))}
          </ul>
          {list.hasNextPage ? (
            <button
              type="button"
              className="cp-btn cp-btn-block"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage
                ? t('common.loading')
                : t('campaignsPublic.candidates.loadMore')}
            </button>
          ) : null}

          {votingOpen && !noVotesLeft ? (
            <div className="cp-sticky-bottom">
              <SelectionStatus selection={selection} />
              <button
                type="button"
                className="cp-btn cp-btn-primary cp-btn-block"
                disabled={selection.selected.length === 0}
                onClick={() => void navigate(campaignPath(c.id, '/vote'))}
              >
                {t('campaignsPublic.vote.next')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </PublicShell>
  )
}
