import { App, Breadcrumb } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { PageHeader } from '../../../components/page/page-header'
import { useSession } from '../../../lib/session'
import { useCreateStation } from '../api/use-stations'
import { StationForm } from '../components/station-form'

/** New station (POST /stations); on success, its detail page. */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { currentOrgId, currentOrgName } = useSession()
  const create = useCreateStation()
  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

  useEffect(() => {
    document.title = `${t('stations.form.createTitle')} · ${t('app.name')}`
  }, [t])

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/stations">{t('stations.list.title')}</Link> },
          { title: t('stations.form.createTitle') },
        ]}
      />
      <PageHeader title={t('stations.form.createTitle')} />
      <StationForm
        mode="create"
        scope={scope}
        submitting={create.isPending}
        submitError={create.error}
        onCancel={() => void navigate('/stations')}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (s) => {
              void message.success(t('stations.form.created'))
              void navigate(`/stations/${s.id}`)
            },
          })
        }
      />
    </>
  )
}
