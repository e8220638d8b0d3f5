import type { Wish } from '@unionhall/contracts'
import { Button, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../lib/format'
import { statusColor } from '../lib/wish-labels'

type Props = {
  items: Wish[]
  total: number
  page: number
  pageSize: number
  loading: boolean
  onPageChange: (page: number, pageSize: number) => void
  onOpen: (id: string) => void
}

export const WishStatusTag = ({ status }: { status: Wish['status'] }) => {
  const { t } = useTranslation()
  return <Tag color={statusColor[status]}>{t(`wishes.status.${status}`)}</Tag>
}

/** Wishes of a subtree; a row opens the detail drawer. Worker names are masked. */
export const WishesTable = ({
  items,
  total,
  page,
  pageSize,
  loading,
  onPageChange,
  onOpen,
}: Props) => {
  const { t } = useTranslation()
  const columns: ColumnsType<Wish> = [
    {
      title: t('wishes.fields.title'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, w) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onOpen(w.id)}
        >
          {title}
        </Button>
      ),
    },
    {
      title: t('wishes.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Wish['status']) => <WishStatusTag status={s} />,
    },
    {
      title: t('wishes.fields.category'),
      dataIndex: 'category',
      key: 'category',
      render: (c: Wish['category']) => t(`wishes.category.${c}`),
    },
    {
      title: t('wishes.fields.worker'),
      key: 'worker',
      render: (_: unknown, w) => `${w.workerNameMasked} ${w.workerMobileMasked}`,
    },
    {
      title: t('wishes.fields.place'),
      key: 'place',
      render: (_: unknown, w) => w.stationName ?? w.orgName,
    },
    { title: t('wishes.fields.deadline'), dataIndex: 'deadline', key: 'deadline' },
    {
      title: t('wishes.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
  ]
  return (
    <Table<Wish>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: onPageChange,
      }}
    />
  )
}
