import type { Wish, WishListSort } from '@unionhall/contracts'
import { Button, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { SorterResult } from 'antd/es/table/interface'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../lib/format'
import { statusColor } from '../lib/wish-labels'

type Props = {
  items: Wish[]
  total: number
  page: number
  pageSize: number
  loading: boolean
  sort: WishListSort
  onSortChange: (sort: WishListSort) => void
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
  sort,
  onSortChange,
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
    // The server sorts (the whole list, not this page): the columns only show and choose it.
    {
      title: t('wishes.fields.deadline'),
      dataIndex: 'deadline',
      key: 'deadline',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: sort === 'deadline' ? 'ascend' : null,
    },
    {
      title: t('wishes.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatDateTime(v),
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sort === 'newest' ? 'descend' : sort === 'oldest' ? 'ascend' : null,
    },
  ]
  /** A header click as the server's order; clearing a column's order goes back to newest first. */
  const sortOf = (s: SorterResult<Wish>): WishListSort =>
    s.columnKey === 'deadline' && s.order === 'ascend'
      ? 'deadline'
      : s.columnKey === 'createdAt' && s.order === 'ascend'
        ? 'oldest'
        : 'newest'
  return (
    <Table<Wish>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort')
          onSortChange(sortOf(Array.isArray(sorter) ? sorter[0]! : sorter))
      }}
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
