import type { Member } from '@unionhall/contracts'
import { Button, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { MemberStatusBadge } from './member-status'

type Props = {
  items: Member[]
  total: number
  totalCapped: boolean
  page: number
  pageSize: number
  loading: boolean
  onPageChange: (page: number, pageSize: number) => void
  onEdit: (member: Member) => void
}

export const MembersTable = ({
  items,
  total,
  totalCapped,
  page,
  pageSize,
  loading,
  onPageChange,
  onEdit,
}: Props) => {
  const { t } = useTranslation()
  const { can } = useSession()
  const columns: ColumnsType<Member> = [
    { title: t('members.fields.name'), dataIndex: 'name', key: 'name' },
    { title: t('members.fields.mobile'), dataIndex: 'mobileMasked', key: 'mobile' },
    {
      title: t('members.fields.idCardNumber'),
      dataIndex: 'idCardMasked',
      key: 'idCard',
      responsive: ['md'],
      render: (v: string | null) => v ?? '—',
    },
    { title: t('members.fields.org'), dataIndex: 'orgName', key: 'org', responsive: ['sm'] },
    {
      title: t('members.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Member['status']) => <MemberStatusBadge status={s} />,
    },
    {
      title: t('members.fields.politicalStatus'),
      dataIndex: 'politicalStatus',
      key: 'politicalStatus',
      render: (s: Member['politicalStatus']) => t(`members.politicalStatus.${s}`),
    },
    {
      title: t('members.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      responsive: ['lg'],
      render: (v: string) => formatDate(v),
    },
  ]
  if (can('member:manage')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, m) => (
        <Button
          type="link"
          size="small"
          onClick={() => onEdit(m)}
          aria-label={t('members.list.editOne', { name: m.name })}
        >
          {t('common.edit')}
        </Button>
      ),
    })
  }
  return (
    <Table<Member>
      data-testid="members-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('members.list.empty') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: () =>
          totalCapped ? t('members.list.totalCapped') : t('members.list.total', { count: total }),
        onChange: onPageChange,
      }}
    />
  )
}
