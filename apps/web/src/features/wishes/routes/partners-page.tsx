import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type WishPartner,
  WishPartnerNameSchema,
  type WishPartnerStatus,
} from '@unionhall/contracts'
import { Alert, App, Button, Form, Input, Modal, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Can } from '../../../components/page/can'
import {
  ListOrgFilter,
  ListSearch,
  ListSelectFilter,
  ListToolbar,
  useListPage,
} from '../../../components/page/list-toolbar'
import { OrgSelect } from '../../../components/org-select/org-select'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { createPartner, exportPartners, listPartners, partnerKeys } from '../api/partners-api'
import { PartnerDrawer, PartnerStatusTag } from '../components/partner-drawer'

/**
 * /wishes/partners — the partner companies (爱心企业) registered in my subtrees and their claimants
 * (ADR 0030). Only a registered company's claimants claim wishes in its name.
 */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentOrgId } = useSession()
  const [q, setQ] = useState('')
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const [status, setStatus] = useState<WishPartnerStatus | undefined>()
  const { page, pageSize, setPage, filtered, onPageChange } = useListPage()
  const [openId, setOpenId] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [exporting, setExporting] = useState(false)

  useEffect(() => {
    document.title = `${t('partners.list.title')} · ${t('app.name')}`
  }, [t])
  // A new scope from the org switcher resets the org filter.
  const [scopeSeen, setScopeSeen] = useState(currentOrgId)
  if (scopeSeen !== currentOrgId) {
    setScopeSeen(currentOrgId)
    setOrgId(currentOrgId ?? undefined)
    setPage(1)
  }
  const filters = { q: q || undefined, orgId: orgId ?? currentOrgId ?? undefined, status }
  const query = { page, pageSize, ...filters }
  const partners = useQuery({
    queryKey: partnerKeys.list(query),
    queryFn: ({ signal }) => listPartners(query, signal),
    enabled: currentOrgId !== null,
    placeholderData: keepPreviousData,
  })
  const onExport = () => {
    setExporting(true)
    exportPartners(filters)
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
      .finally(() => setExporting(false))
  }

  const columns: ColumnsType<WishPartner> = [
    {
      title: t('partners.fields.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, p) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(p.id)}>
          {name}
        </Button>
      ),
    },
    { title: t('partners.fields.org'), dataIndex: 'orgName', key: 'org' },
    {
      title: t('partners.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: WishPartnerStatus) => <PartnerStatusTag status={s} />,
    },
    {
      title: t('partners.fields.members'),
      key: 'members',
      render: (_: unknown, p) =>
        p.members.map((m) => m.name).join(t('common.listSeparator')) || '—',
    },
    {
      title: t('partners.fields.claims'),
      key: 'claims',
      render: (_: unknown, p) => `${p.claims} / ${p.delivered}`,
    },
    {
      title: t('partners.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('partners.list.title')}
        extra={
          <>
            <Link to="/wishes">{t('partners.list.back')}</Link>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
              {t('partners.list.export')}
            </Button>
            <Can permission="wish:manage">
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('partners.list.create')}
              </Button>
            </Can>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('partners.list.intro')}</Typography.Paragraph>
      <ListToolbar>
        <ListSearch list="partners" onSearch={filtered(setQ)} />
        <ListOrgFilter
          list="partners"
          span={{ xs: 24, md: 8 }}
          value={orgId}
          onChange={(v) => {
            setOrgId(v ?? currentOrgId ?? undefined)
            setPage(1)
          }}
        />
        <ListSelectFilter
          id="partners-status"
          label={t('partners.list.statusFilter')}
          placeholder={t('partners.list.allStatuses')}
          span={{ xs: 12, md: 6 }}
          value={status}
          onChange={filtered(setStatus)}
          options={(['active', 'archived'] as const).map((s) => ({
            value: s,
            label: t(`partners.status.${s}`),
          }))}
        />
      </ListToolbar>
      {partners.isError ? (
        <QueryError error={partners.error} onRetry={() => void partners.refetch()} />
      ) : null}
      <Table<WishPartner>
        rowKey="id"
        columns={columns}
        dataSource={partners.data?.items ?? []}
        loading={partners.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: partners.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: onPageChange,
        }}
      />
      <PartnerDrawer partnerId={openId} onClose={() => setOpenId(null)} />
      <PartnerCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false)
          setOpenId(id)
        }}
      />
    </>
  )
}

type CreateValues = { orgId: string; name: string }

const PartnerCreateModal = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean
  onClose: () => void
  onCreated: (id: string) => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentOrgId, currentOrgName } = useSession()
  const [form] = Form.useForm<CreateValues>()
  const qc = useQueryClient()
  const create = useMutation({
    mutationFn: createPartner,
    onSuccess: (p) => {
      void message.success(t('partners.create.done'))
      void qc.invalidateQueries({ queryKey: partnerKeys.all })
      form.resetFields()
      onCreated(p.id)
    },
  })
  return (
    <Modal
      open={open}
      title={t('partners.create.title')}
      okText={t('partners.create.submit')}
      confirmLoading={create.isPending}
      onCancel={() => {
        create.reset()
        onClose()
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {create.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorMessage(t, create.error)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ orgId: currentOrgId ?? undefined }}
        onFinish={(v) => create.mutate({ orgId: v.orgId, name: v.name.trim() })}
      >
        <Form.Item
          name="orgId"
          label={t('partners.fields.org')}
          htmlFor="partner-create-org"
          rules={[{ required: true }]}
          extra={t('partners.create.orgHint')}
        >
          <OrgSelect
            id="partner-create-org"
            withinOrgId={currentOrgId}
            initialOption={currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('partners.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('partners.create.nameRequired') },
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || WishPartnerNameSchema.safeParse(v).success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('partners.create.nameLength'))),
            },
          ]}
        >
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
