import type { StationListItem } from '@unionhall/contracts'
import { Badge, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { stationLabels } from '../lib/station-labels'

type Props = {
  items: StationListItem[]
  total: number
  page: number
  pageSize: number
  loading: boolean
  onPageChange: (page: number, pageSize: number) => void
}

/** Amenities shown in a row before "+N": the list stays one line per station. */
const AMENITIES_SHOWN = 4

/** Open now: closed stations never are; a 24-hour one says so. */
export const OpenNowBadge = ({
  station,
}: {
  station: Pick<StationListItem, 'status' | 'openNow'> & { alwaysOpen?: boolean }
}) => {
  const { t } = useTranslation()
  if (station.status === 'closed')
    return <Badge status="default" text={t('stations.statuses.closed')} />
  if (!station.openNow) return <Badge status="warning" text={t('stations.openNow.no')} />
  return (
    <Badge
      status="success"
      text={station.alwaysOpen ? t('stations.openNow.alwaysOpen') : t('stations.openNow.yes')}
    />
  )
}

export const StationsTable = ({ items, total, page, pageSize, loading, onPageChange }: Props) => {
  const { t } = useTranslation()
  const l = stationLabels(t)
  const columns: ColumnsType<StationListItem> = [
    {
      title: t('stations.fields.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, s) => <Link to={`/stations/${s.id}`}>{name}</Link>,
    },
    {
      title: t('stations.fields.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: StationListItem['kind']) => l.kind(k),
    },
    {
      title: t('stations.fields.openNow'),
      key: 'openNow',
      render: (_: unknown, s) => <OpenNowBadge station={s} />,
    },
    {
      title: t('stations.fields.address'),
      dataIndex: 'address',
      key: 'address',
      responsive: ['md'],
      // A long address is cut with its full text on hover: unbounded, it pushed the person in
      // charge out of a 1366 px wide screen.
      width: 220,
      ellipsis: { showTitle: true },
    },
    { title: t('stations.fields.org'), dataIndex: 'orgName', key: 'org', responsive: ['lg'] },
    {
      title: t('stations.fields.capacity'),
      dataIndex: 'capacity',
      key: 'capacity',
      align: 'right',
    },
    {
      title: t('stations.fields.amenities'),
      dataIndex: 'amenities',
      key: 'amenities',
      responsive: ['lg'],
      render: (codes: StationListItem['amenities']) => (
        <>
          {codes.slice(0, AMENITIES_SHOWN).map((c) => (
            <Tag key={c}>{l.amenity(c)}</Tag>
          ))}
          {codes.length > AMENITIES_SHOWN ? (
            <Tag>{t('stations.list.moreAmenities', { count: codes.length - AMENITIES_SHOWN })}</Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('stations.fields.contact'),
      key: 'contact',
      // Kept in view at the right edge when the table scrolls sideways (narrow screens, zoom).
      fixed: 'right',
      render: (_: unknown, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>{`${s.contactName} ${s.contactMobileMasked}`}</span>
      ),
    },
  ]
  return (
    <Table<StationListItem>
      data-testid="stations-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('stations.list.empty') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => t('stations.list.total', { count: n }),
        onChange: onPageChange,
      }}
    />
  )
}
