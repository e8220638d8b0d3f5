import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../lib/api-error'
import { getLeaderboard, publicCampaignKeys } from '../api/public-campaigns-api'
import { campaignPath, useCampaign, useCampaignId } from '../components/hooks'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'
import { formatWhen } from '../lib/time'

/** The live vote count per category, refreshed every 10 s, as a plain list with CSS bars. */
export const Component = () => {
  const { t } = useTranslation()
  const campaignId = useCampaignId()
  const campaign = useCampaign(campaignId)
  const c = campaign.data
  const board = useQuery({
    queryKey: publicCampaignKeys.leaderboard(campaignId),
    queryFn: ({ signal }) => getLeaderboard(campaignId, signal),
    refetchInterval: (q) =>
      isApiError(q.state.error) && q.state.error.code === 'CAMPAIGN_TALLY_SEALED' ? false : 10_000,
    refetchIntervalInBackground: false,
    retry: false,
  })
  const sealed =
    (isApiError(board.error) && board.error.code === 'CAMPAIGN_TALLY_SEALED') || board.data?.sealed
  const k = 'campaignsPublic.leaderboard'

  return (
    <PublicShell
      title={t(`${k}.title`)}
      home={c ? { to: campaignPath(c.id), label: c.name } : undefined}
    >
      {board.isLoading ? <Loading /> : null}
      {sealed ? (
        <Notice role="status">{t(`${k}.sealed`)}</Notice>
      ) : board.error ? (
        <LoadError error={board.error} onRetry={() => void board.refetch()} />
      ) : null}
      {board.data && !board.data.sealed ? (
        <>
          <p className="cp-muted cp-small">
            {t(`${k}.updated`, { when: formatWhen(t, board.data.updatedAt) })} {t(`${k}.auto`)}
          </p>
          <p>
            {t(`${k}.totals`, {
              count: board.data.totalBallots,
              invalid: board.data.invalidatedBallots,
            })}
          </p>
          {(c?.categories ?? [{ id: '', name: '', honourCount: 0, sort: 0 }]).map((cat) => {
            const rows = board.data.items
              .filter((i) => !cat.id || i.categoryId === cat.id)
              .sort((a, b) => b.votes - a.votes || a.number - b.number)
            const top = Math.max(1, ...rows.map((r) => r.votes))
            return (
              <section key={cat.id} className="cp-card" aria-labelledby={`cp-lb-${cat.id}`}>
                <h2 id={`cp-lb-${cat.id}`}>{cat.name || t(`${k}.title`)}</h2>
                <ol className="cp-list cp-board">
                  {rows.map((r, i) => (
                    <li key={r.candidateId}>
                      <div className="cp-board-head">
                        <span>
                          {i + 1}. {r.name}{' '}
                          <span className="cp-muted cp-small">
                            {t('campaignsPublic.candidates.number', { number: r.number })}
                          </span>
                        </span>
                        <strong>{t('campaignsPublic.candidates.votes', { count: r.votes })}</strong>
                      </div>
                      <div className="cp-bar-track" aria-hidden="true">
                        <div
                          className="cp-bar-fill"
                          style={{ width: `${(r.votes / top) * 100}%` }}
                        />
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
            )
          })}
        </>
      ) : null}
    </PublicShell>
  )
}
