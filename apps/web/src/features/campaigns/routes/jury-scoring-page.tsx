import { Alert, Breadcrumb, Progress, Space, Spin } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useCampaign, useJuryCandidates, useSubmitJuryScore } from '../api/use-campaigns'
import { JuryScoreCard } from '../components/jury-score-card'

/** A juror scores the candidates on the rubric, one card per candidate. */
export const Component = () => {
  const { t } = useTranslation()
  const { campaignId = '' } = useParams()
  const { can } = useSession()
  const campaign = useCampaign(campaignId)
  const jury = useJuryCandidates(campaignId)
  const submit = useSubmitJuryScore()
  const title = t('campaigns.jury.scoringTitle')

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [t, title])

  const data = jury.data
  const scored = (data?.items ?? []).filter((i) => i.myTotal !== null).length
  const open = data?.phase === 'jury'

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={
          // Outside experts are often jurors without any role, and staff of a lower org named
          // as jurors may not read a campaign run above them: the campaign pages would only
          // answer "no permission", so their way back is the home page that lists their duty.
          // A role here is not enough (it may be for another subtree): the campaign must load,
          // and not only as a reviewer of one's own nominees (who has no jury tab there).
          can('campaign:read') &&
          !campaign.isError &&
          campaign.data?.viewer.permissions.includes('campaign:read') === true
            ? [
                { title: <Link to="/campaigns">{t('campaigns.list.title')}</Link> },
                {
                  title: (
                    <Link to={`/campaigns/${campaignId}?tab=jury`}>
                      {campaign.data?.name ?? t('campaigns.detail.title')}
                    </Link>
                  ),
                },
                { title },
              ]
            : [{ title: <Link to="/">{t('nav.home')}</Link> }, { title }]
        }
      />
      <PageHeader title={title} />
      {jury.isError ? <QueryError error={jury.error} onRetry={() => void jury.refetch()} /> : null}
      {jury.isLoading ? <Spin /> : null}
      {data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {open ? null : <Alert type="info" showIcon message={t('campaigns.jury.notOpen')} />}
          <div>
            {t('campaigns.jury.myProgress', { scored, count: data.items.length })}
            <Progress
              percent={data.items.length ? Math.round((scored / data.items.length) * 100) : 0}
              aria-label={t('campaigns.jury.progress')}
            />
          </div>
          {data.items.map((item) => (
            <JuryScoreCard
              key={item.id}
              item={item}
              rubric={data.rubric}
              disabled={!open}
              onSave={(scores, comment) =>
                submit.mutateAsync({
                  id: campaignId,
                  cid: item.id,
                  scores,
                  comment: comment || undefined,
                })
              }
            />
          ))}
        </Space>
      ) : null}
    </>
  )
}
