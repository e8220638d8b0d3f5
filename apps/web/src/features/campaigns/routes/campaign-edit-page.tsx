import { Alert, App, Breadcrumb, Spin } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useCampaign, useJurors, useUpdateCampaign } from '../api/use-campaigns'
import { campaignCan } from '../components/campaign-viewer'
import { CampaignEditForm } from '../components/edit/campaign-edit-form'
import { PhaseTag } from '../components/phase'

/** Edits an existing campaign (PATCH /campaigns/:id); reached from the list and the detail page. */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { can } = useSession()
  const navigate = useNavigate()
  const { campaignId = '' } = useParams()
  const campaign = useCampaign(campaignId)
  const update = useUpdateCampaign()
  // Whether jurors have scored decides if the rubric may still change.
  const jurors = useJurors(campaignId)
  const juryScoreCount = jurors.isError
    ? null
    : jurors.data?.reduce((sum, j) => sum + j.scoredCount, 0)
  const c = campaign.data
  const notAllowed = !!c && !campaignCan(c, can)('campaign:manage')

  useEffect(() => {
    document.title = `${t('campaigns.edit.title')} · ${c?.name ?? ''} · ${t('app.name')}`
  }, [t, c?.name])

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/campaigns">{t('campaigns.list.title')}</Link> },
          { title: c ? <Link to={`/campaigns/${c.id}`}>{c.name}</Link> : '…' },
          { title: t('campaigns.edit.title') },
        ]}
      />
      <PageHeader
        title={c ? t('campaigns.edit.titleOf', { name: c.name }) : t('campaigns.edit.title')}
        extra={c ? <PhaseTag phase={c.phase} /> : null}
      />
      {campaign.isError ? (
        <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />
      ) : null}
      {campaign.isLoading ? <Spin /> : null}
      {c && notAllowed ? (
        // A sub-org reviewer may open a campaign run above them, never edit it (the server
        // refuses the PATCH); say so instead of a form that cannot be saved.
        <Alert
          type="warning"
          showIcon
          message={t('campaigns.edit.notAllowed', { org: c.orgName })}
          action={<Link to={`/campaigns/${c.id}`}>{t('campaigns.edit.backToDetail')}</Link>}
        />
      ) : null}
      {c && !notAllowed ? (
        <CampaignEditForm
          campaign={c}
          submitting={update.isPending}
          submitError={update.error}
          juryScoreCount={juryScoreCount}
          onSubmit={(body) =>
            update.mutate(
              { id: c.id, body },
              {
                onSuccess: () => {
                  void message.success(t('campaigns.edit.saved'))
                  void navigate(`/campaigns/${c.id}`)
                },
              },
            )
          }
        />
      ) : null}
    </>
  )
}
