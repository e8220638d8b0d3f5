import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { explain } from '../../../lib/explanation'
import { getResults, publicCampaignKeys } from '../api/public-campaigns-api'
import { campaignPath, useCampaign, useCampaignId } from '../components/hooks'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'
import { formatWhen } from '../lib/time'

/**
 * Winners per category, with the invalidated ballot count for transparency: the proposed ones
 * during result publicity (no announcement time yet), the announced honours after.
 */
export const Component = () => {
  const { t } = useTranslation()
  const campaignId = useCampaignId()
  const campaign = useCampaign(campaignId)
  const c = campaign.data
  const results = useQuery({
    queryKey: publicCampaignKeys.results(campaignId),
    queryFn: ({ signal }) => getResults(campaignId, signal),
    retry: false,
  })
  const r = results.data
  const notYet =
    isApiError(results.error) && results.error.code === 'CAMPAIGN_RESULTS_NOT_ANNOUNCED'
  const k = 'campaignsPublic.results'

  return (
    <PublicShell
      title={t(`${k}.title`)}
      home={c ? { to: campaignPath(c.id), label: c.name } : undefined}
    >
      {results.isLoading ? <Loading /> : null}
      {notYet ? (
        <Notice role="status">{t(`${k}.notYet`)}</Notice>
      ) : results.error ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : null}
      {r ? (
        <>
          {c ? (
            <p className="cp-lead">
              {t(r.announcedAt ? `${k}.lead` : `${k}.leadProvisional`, {
                honour: c.honourTitle,
                year: c.year,
              })}
            </p>
          ) : null}
          {r.announcedAt ? (
            <p className="cp-muted">
              {t(`${k}.announcedAt`, { when: formatWhen(t, r.announcedAt) })}
            </p>
          ) : (
            <Notice role="status">{t(`${k}.provisional`)}</Notice>
          )}
          <p>
            {t(`${k}.method`, {
              vote: Math.round(r.weights.publicVote * 100),
              jury: Math.round(r.weights.jury * 100),
            })}
          </p>
          <p>{t(`${k}.invalidated`, { count: r.invalidatedBallots })}</p>
          {r.categories.map((cat) => {
            const winners = cat.rows.filter((x) => x.isWinner).sort((a, b) => a.rank - b.rank)
            return (
              <section
                key={cat.categoryId}
                className="cp-card"
                aria-labelledby={`cp-res-${cat.categoryId}`}
              >
                <h2 id={`cp-res-${cat.categoryId}`}>
                  {t(`${k}.category`, { name: cat.name, count: winners.length })}
                </h2>
                {winners.length === 0 ? (
                  <p className="cp-muted">
                    {t(r.announcedAt ? `${k}.noneInCategory` : `${k}.noneProposedInCategory`)}
                  </p>
                ) : null}
                <ol className="cp-list">
                  {winners.map((w) => (
                    <li
                      key={w.candidateId}
                      className="cp-board"
                      style={{ padding: '0.5em 0', borderBottom: '1px solid #e5e7eb' }}
                    >
                      <p>
                        <strong>
                          <Link
                            to={campaignPath(
                              campaignId,
                              `/candidates/${encodeURIComponent(w.candidateId)}`,
                            )}
                          >
                            {w.name}
                          </Link>
                        </strong>{' '}
                        {w.isFrontLine ? (
                          <span className="cp-tag cp-tag-ok">
                            {t('campaignsPublic.candidates.frontLine')}
                          </span>
                        ) : null}
                      </p>
                      <p className="cp-small cp-muted">{w.employerName}</p>
                      <p className="cp-small">
                        {t(`${k}.row`, {
                          count: w.votes,
                          jury: w.juryScore === null ? '—' : w.juryScore.toFixed(1),
                          score: (w.finalScore * 100).toFixed(1),
                        })}
                      </p>
                    </li>
                  ))}
                </ol>
                {cat.noteDetails.map((n) => (
                  <p key={n.code} className="cp-small cp-muted">
                    {explain(t, n)}
                  </p>
                ))}
              </section>
            )
          })}
        </>
      ) : null}
    </PublicShell>
  )
}
