import { Breadcrumb, Spin } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PageHeader } from '../../../../components/page/page-header'
import { QueryError } from '../../../../components/page/query-error'
import { useStation } from '../../api/use-stations'
import { RosterTab } from '../components/roster-tab'

/** A station's roster on its own page (/stations/:stationId/roster), e.g. for a wall screen. */
export const Component = () => {
  const { t } = useTranslation()
  const { stationId = '' } = useParams()
  const station = useStation(stationId)
  const s = station.data
  useEffect(() => {
    document.title = `${t('stations.roster.title')} · ${s?.name ?? ''} · ${t('app.name')}`
  }, [t, s?.name])
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/stations">{t('stations.list.title')}</Link> },
          { title: s ? <Link to={`/stations/${s.id}`}>{s.name}</Link> : '…' },
          { title: t('stations.roster.title') },
        ]}
      />
      <PageHeader title={`${s?.name ?? ''} · ${t('stations.roster.title')}`} />
      {station.isError ? (
        <QueryError error={station.error} onRetry={() => void station.refetch()} />
      ) : null}
      {station.isLoading ? <Spin /> : null}
      {s ? <RosterTab station={s} /> : null}
    </>
  )
}
