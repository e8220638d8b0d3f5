import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import type { Member, MemberStatus, PoliticalStatus } from '@unionhall/contracts'
import { App, Button, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Can } from '../../../components/page/can'
import {
  ListOrgFilter,
  ListSearch,
  ListSelectFilter,
  ListToolbar,
  useListPage,
} from '../../../components/page/list-toolbar'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { exportMembers } from '../api/members-api'
import { useMembers } from '../api/use-members'
import { MemberCreateModal } from '../components/member-create-modal'
import { MemberEditDrawer } from '../components/member-edit-drawer'
import { memberStatusOptions, politicalStatusOptions } from '../components/member-status'
import { MembersTable } from '../components/members-table'

export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { currentOrgId, currentOrgName } = useSession()
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<MemberStatus | undefined>()
  const [politicalStatus, setPoliticalStatus] = useState<PoliticalStatus | undefined>()
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const { page, pageSize, setPage, filtered, onPageChange } = useListPage()
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
    politicalStatus,
    page,
    pageSize,
  })

  const onExport = () => {
    setExporting(true)
    exportMembers({ orgId: filterOrgId, q: q || undefined, status, politicalStatus })
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
      <ListToolbar>
        <ListSearch list="members" onSearch={filtered(setQ)} />
        <ListSelectFilter
          id="members-status"
          label={t('members.list.statusFilter')}
          placeholder={t('members.list.allStatuses')}
          span={{ xs: 12, md: 5 }}
          value={status}
          onChange={filtered(setStatus)}
          options={memberStatusOptions(t)}
        />
        <ListSelectFilter
          id="members-political-status"
          label={t('members.list.politicalStatusFilter')}
          placeholder={t('members.list.allPoliticalStatuses')}
          span={{ xs: 12, md: 5 }}
          value={politicalStatus}
          onChange={filtered(setPoliticalStatus)}
          options={politicalStatusOptions(t)}
        />
        <ListOrgFilter
          list="members"
          span={{ xs: 12, md: 6 }}
          value={orgId}
          onChange={(v) => filtered(setOrgId)(v ?? currentOrgId ?? undefined)}
        />
      </ListToolbar>
      {politicalStatus ? (
        // A list picked by political status says who the party members are: it is audited.
        <Typography.Paragraph type="secondary" role="note">
          {t('members.list.politicalStatusAudited')}
        </Typography.Paragraph>
      ) : null}
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
        onPageChange={onPageChange}
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
