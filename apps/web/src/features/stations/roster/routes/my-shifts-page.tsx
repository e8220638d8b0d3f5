import type { MyShift } from '@unionhall/contracts'
import { Flex, Table, Tag } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeader } from '../../../../components/page/page-header'
import { QueryError } from '../../../../components/page/query-error'
import { useMyShifts } from '../api/use-roster'
import { FeedPanel } from '../components/feed-panel'
import { intervalLabel } from '../components/coverage-view'

/** My shifts ahead and my calendar subscription. Any signed-in member. */
export const Component = () => {
  const { t } = useTranslation()
  const shifts = useMyShifts()
  useEffect(() => {
    document.title = `${t('stations.myShifts.title')} · ${t('app.name')}`
  }, [t])
  return (
    <>
      <PageHeader title={t('stations.myShifts.title')} />
      <Flex vertical gap={16}>
        <FeedPanel />
        {shifts.isError ? (
          <QueryError error={shifts.error} onRetry={() => void shifts.refetch()} />
        ) : null}
        <Table<MyShift>
          rowKey="id"
          size="small"
          loading={shifts.isLoading}
          dataSource={shifts.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('stations.myShifts.empty') }}
          columns={[
            {
              title: t('stations.myShifts.when'),
              key: 'when',
              render: (_v, s) => intervalLabel(s.startsAt, s.endsAt),
            },
            {
              title: t('stations.myShifts.station'),
              key: 'station',
              // The console's station page answers 403 without station:read over the station's
              // org (a volunteer on a roster elsewhere); they get the public page. That one is in
              // the worker bundle, so a plain link loads it in full.
              render: (_v, s) =>
                s.canOpenStation ? (
                  <Link to={`/stations/${s.stationId}`}>{s.stationName}</Link>
                ) : (
                  <a href={`/s/${encodeURIComponent(s.stationId)}`}>{s.stationName}</a>
                ),
            },
            { title: t('stations.myShifts.address'), dataIndex: 'stationAddress' },
            {
              title: t('stations.roster.role'),
              key: 'role',
              render: (_v, s) => (
                <Tag color={s.role === 'staff' ? 'blue' : 'red'}>
                  {t(`stations.roster.roles.${s.role}`)}
                </Tag>
              ),
            },
            { title: t('stations.roster.note'), dataIndex: 'note' },
          ]}
        />
      </Flex>
    </>
  )
}
