import { App, Breadcrumb, Spin } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useStation, useUpdateStation } from '../api/use-stations'
import { StationForm } from '../components/station-form'

/** Edits a station (PATCH /stations/:id); back to its detail page on success. */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { stationId = '' } = useParams()
  const { currentOrgId, currentOrgName } = useSession()
  const station = useStation(stationId)
  const update = useUpdateStation()
  const s = station.data
  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

  useEffect(() => {
    document.title = `${t('stations.form.editTitle')} · ${s?.name ?? ''} · ${t('app.name')}`
  }, [t, s?.name])

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/stations">{t('stations.list.title')}</Link> },
          { title: s ? <Link to={`/stations/${s.id}`}>{s.name}</Link> : '…' },
          { title: t('stations.form.editTitle') },
        ]}
      />
      <PageHeader
        title={s ? t('stations.form.editTitleOf', { name: s.name }) : t('stations.form.editTitle')}
      />
      {station.isError ? (
        <QueryError error={station.error} onRetry={() => void station.refetch()} />
      ) : null}
      {station.isLoading ? <Spin /> : null}
      {s ? (
        <StationForm
          mode="edit"
          station={s}
          scope={scope}
          submitting={update.isPending}
          submitError={update.error}
          onCancel={() => void navigate(`/stations/${s.id}`)}
          onSubmit={(body) =>
            update.mutate(
              { id: s.id, body },
              {
                onSuccess: () => {
                  void message.success(t('common.saved'))
                  void navigate(`/stations/${s.id}`)
                },
              },
            )
          }
        />
      ) : null}
    </>
  )
}
