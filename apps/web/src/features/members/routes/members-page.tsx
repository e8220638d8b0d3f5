import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import type { Member, MemberStatus } from '@unionhall/contracts'
import { App, Button, Card, Col, Form, Input, Row, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { OrgSelect } from '../../../components/org-select/org-select'
import { Can } from '../../../components/page/can'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { exportMembers } from '../api/members-api'
import { useMembers } from '../api/use-members'
import { MemberCreateModal } from '../components/member-create-modal'
import { MemberEditDrawer } from '../components/member-edit-drawer'
import { memberStatusOptions } from '../components/member-status'
import { MembersTable } from '../components/members-table'

export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { currentOrgId, currentOrgName } = useSession()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<MemberStatus | undefined>()
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<Member | null>(null)
  const [exporting, setExporting] = useState(false)

  useEffect(() => {
    document.title = `${t('members.list.title')} · ${t('app.name')}`
  }, [t])
  // A new scope from the org switcher resets the org filter.
  const [scopeSeen, setScopeSeen] = useState(currentOrgId)
  if (scopeSeen !== currentOrgId) {
    setScopeSeen(currentOrgId)
    setOrgId(currentOrgId ?? undefined)
    setPage(1)
  }

  const filterOrgId = orgId ?? currentOrgId ?? undefined
  const members = useMembers({
    orgId: filterOrgId,
    q: q || undefined,
    status,
    page,
    pageSize,
  })

  const onExport = () => {
    setExporting(true)
    exportMembers({ orgId: filterOrgId, q: q || undefined, status })
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
      .finally(() => setExporting(false))
  }

  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

  return (
    <>
      <PageHeader
        title={t('members.list.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
              {t('members.list.export')}
            </Button>
            <Can permission="member:manage">
              <Button icon={<UploadOutlined />} onClick={() => void navigate('/members/import')}>
                {t('members.list.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('members.list.create')}
              </Button>
            </Can>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={[12, 0]}>
            <Col xs={24} md={8}>
              <Form.Item label={t('members.list.search')} htmlFor="members-search">
                <Input.Search
                  id="members-search"
                  allowClear
                  placeholder={t('members.list.searchPlaceholder')}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  onSearch={(v) => {
                    setQ(v.trim())
                    setPage(1)
                  }}
                  enterButton={t('common.search')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('members.list.statusFilter')} htmlFor="members-status">
                <Select
                  id="members-status"
                  allowClear
                  placeholder={t('members.list.allStatuses')}
                  value={status}
                  onChange={(v: MemberStatus | undefined) => {
                    setStatus(v)
                    setPage(1)
                  }}
                  options={memberStatusOptions(t)}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={10}>
              <Form.Item label={t('members.list.orgFilter')} htmlFor="members-org">
                <OrgSelect
                  id="members-org"
                  withinOrgId={currentOrgId}
                  initialOption={scope}
                  value={orgId}
                  onChange={(v) => {
                    setOrgId(v ?? currentOrgId ?? undefined)
                    setPage(1)
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : null}
      <MembersTable
        items={members.data?.items ?? []}
        total={members.data?.total ?? 0}
        totalCapped={members.data?.totalCapped ?? false}
        page={page}
        pageSize={pageSize}
        loading={members.isFetching}
        onPageChange={(p, s) => {
          setPage(s !== pageSize ? 1 : p)
          setPageSize(s)
        }}
        onEdit={setEditing}
      />
      <MemberCreateModal open={creating} onClose={() => setCreating(false)} scope={scope} />
      <MemberEditDrawer
        member={editing}
        scopeOrgId={currentOrgId}
        onClose={() => setEditing(null)}
      />
    </>
  )
}
