import { EditOutlined } from '@ant-design/icons'
import type { Permission, Station } from '@unionhall/contracts'
import { Breadcrumb, Button, Flex, Spin, Tabs, Tag } from 'antd'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useStation } from '../api/use-stations'
import { CloseReopenButton } from '../components/close-station-button'
import { PosterTab } from '../components/poster-tab'
import { StationInfo } from '../components/station-info'
import { stationLabels } from '../lib/station-labels'
import { RosterTab } from '../roster'

type TabDef = { key: string; permission?: Permission; render: (s: Station) => ReactNode }

export const STATION_TABS: TabDef[] = [
  { key: 'info', render: (s) => <StationInfo station={s} /> },
  { key: 'roster', render: (s) => <RosterTab station={s} /> },
  { key: 'poster', permission: 'station:manage', render: (s) => <PosterTab station={s} /> },
]

export const Component = () => {
  const { t } = useTranslation()
  const { stationId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const { can } = useSession()
  const navigate = useNavigate()
  const station = useStation(stationId)
  const s = station.data

  useEffect(() => {
    document.title = `${s?.name ?? t('stations.detail.title')} · ${t('app.name')}`
  }, [t, s?.name])

  const tabs = STATION_TABS.filter((tab) => !tab.permission || can(tab.permission))
  const active = tabs.some((tab) => tab.key === params.get('tab'))
    ? (params.get('tab') as string)
    : 'info'

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/stations">{t('stations.list.title')}</Link> },
          { title: s?.name ?? '…' },
        ]}
      />
      <PageHeader
        title={s?.name ?? t('stations.detail.title')}
        extra={
          s ? (
            <Flex gap={8} align="center" wrap>
              <Tag color={s.status === 'active' ? 'green' : 'default'}>
                {stationLabels(t).status(s.status)}
              </Tag>
              {can('station:manage') ? (
                <>
                  <Button
                    icon={<EditOutlined />}
                    onClick={() => void navigate(`/stations/${s.id}/edit`)}
                  >
                    {t('common.edit')}
                  </Button>
                  <CloseReopenButton station={s} />
                </>
              ) : null}
            </Flex>
          ) : null
        }
      />
      {station.isError ? (
        <QueryError error={station.error} onRetry={() => void station.refetch()} />
      ) : null}
      {station.isLoading ? <Spin /> : null}
      {s ? (
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={tabs.map((tab) => ({
            key: tab.key,
            label: t(`stations.tabs.${tab.key}`),
            children: tab.render(s),
          }))}
        />
      ) : null}
    </>
  )
}
