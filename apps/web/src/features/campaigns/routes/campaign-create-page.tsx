import { App } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useCampaign, useCreateCampaign } from '../api/use-campaigns'
import { CampaignWizard } from '../components/wizard/campaign-wizard'

/** The set-up wizard; `?parent=<id>` makes a child campaign that inherits the parent's rules. */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { currentOrgId, currentOrgName } = useSession()
  const [params, setParams] = useSearchParams()
  const parentId = params.get('parent') ?? undefined
  const parent = useCampaign(parentId)
  const create = useCreateCampaign()
  const title = parentId ? t('campaigns.wizard.childTitle') : t('campaigns.wizard.title')

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [t, title])

  return (
    <>
      <PageHeader title={title} />
      {parent.isError ? (
        <QueryError error={parent.error} onRetry={() => void parent.refetch()} />
      ) : null}
      <CampaignWizard
        orgId={currentOrgId ?? undefined}
        orgName={currentOrgName}
        parent={parentId ? (parent.data ?? null) : null}
        onParentChange={(id) => setParams(id ? { parent: id } : {}, { replace: true })}
        submitting={create.isPending}
        submitError={create.error}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (c) => {
              void message.success(t('campaigns.wizard.created'))
              void navigate(`/campaigns/${c.id}`)
            },
          })
        }
      />
    </>
  )
}
