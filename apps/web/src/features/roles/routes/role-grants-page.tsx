import { PlusOutlined } from '@ant-design/icons'
import type { RoleGrant } from '@unionhall/contracts'
import { App, Button, Card, Input, Popconfirm, Table } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Can } from '../../../components/page/can'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { useRevokeRoleGrant, useRoleGrants } from '../api/use-role-grants'
import { GrantRoleModal } from '../components/grant-role-modal'

export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentOrgId, currentOrgName, session } = useSession()
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [granting, setGranting] = useState(false)
  const grants = useRoleGrants({
    orgId: currentOrgId ?? undefined,
    q: q || undefined,
    page,
    pageSize,
  })
  const revoke = useRevokeRoleGrant()

  useEffect(() => {
    document.title = `${t('roles.list.title')} · ${t('app.name')}`
  }, [t])

  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

  return (
    <>
      <PageHeader
        title={t('roles.list.title')}
        extra={
          <Can permission="role:manage">
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="role-grant-create"
              onClick={() => setGranting(true)}
            >
              {t('roles.list.create')}
            </Button>
          </Can>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('roles.list.search')}
          placeholder={t('roles.list.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          onSearch={(v) => {
            setQ(v.trim())
            setPage(1)
          }}
          style={{ maxWidth: 420 }}
        />
      </Card>
      {grants.isError ? (
        <QueryError error={grants.error} onRetry={() => void grants.refetch()} />
      ) : null}
      <Table<RoleGrant>
        data-testid="role-grants-table"
        rowKey="id"
        loading={grants.isFetching}
        dataSource={grants.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('roles.list.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: grants.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p)
            setPageSize(s)
          },
        }}
        columns={[
          { title: t('roles.fields.member'), dataIndex: 'memberName', key: 'member' },
          { title: t('roles.fields.org'), dataIndex: 'orgName', key: 'org' },
          {
            title: t('roles.fields.role'),
            dataIndex: 'role',
            key: 'role',
            render: (r: RoleGrant['role']) => t(`roles.names.${r}`),
          },
          {
            title: t('roles.fields.createdAt'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            responsive: ['md'],
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, g) =>
              g.memberId === session?.member.id ? null : (
                <Popconfirm
                  title={t('roles.revoke.confirmTitle')}
                  description={t('roles.revoke.confirmDescription', {
                    member: g.memberName,
                    role: t(`roles.names.${g.role}`),
                    org: g.orgName,
                  })}
                  okText={t('roles.revoke.submit')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    revoke.mutate(g.id, {
                      onSuccess: () => void message.success(t('roles.revoke.done')),
                      onError: (e) => void message.error(errorMessage(t, e)),
                    })
                  }
                >
                  <Button
                    type="link"
                    danger
                    size="small"
                    aria-label={t('roles.revoke.one', { member: g.memberName })}
                  >
                    {t('roles.revoke.submit')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <GrantRoleModal open={granting} onClose={() => setGranting(false)} scope={scope} />
    </>
  )
}
