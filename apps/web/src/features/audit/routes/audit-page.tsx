import { DownloadOutlined } from '@ant-design/icons'
import type { AuditEntry } from '@unionhall/contracts'
import { App, Button, Card, Col, DatePicker, Form, Row, Select, Table } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OrgSelect } from '../../../components/org-select/org-select'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { exportAudit } from '../api/audit-api'
import { AUDIT_ACTIONS } from '../api/audit-keys'
import { useAuditLog } from '../api/use-audit'
import { AuditSummary } from '../components/audit-summary'

type Range = [Dayjs | null, Dayjs | null] | null

export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentOrgId, currentOrgName } = useSession()
  const [action, setAction] = useState<string | undefined>()
  const [range, setRange] = useState<Range>(null)
  const [orgId, setOrgId] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [exporting, setExporting] = useState(false)

  useEffect(() => {
    document.title = `${t('audit.list.title')} · ${t('app.name')}`
  }, [t])

  const filters = {
    orgId: orgId ?? currentOrgId ?? undefined,
    action,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  }
  const log = useAuditLog({ ...filters, page, pageSize })
  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null
  const actionLabel = (a: string) => t(`audit.actions.${a}`, { defaultValue: a })

  const onExport = () => {
    setExporting(true)
    exportAudit(filters)
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
      .finally(() => setExporting(false))
  }

  return (
    <>
      <PageHeader
        title={t('audit.list.title')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
            {t('audit.list.export')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={[12, 0]}>
            <Col xs={24} md={7}>
              <Form.Item label={t('audit.list.actionFilter')} htmlFor="audit-action">
                <Select
                  id="audit-action"
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('audit.list.allActions')}
                  value={action}
                  onChange={(v: string | undefined) => {
                    setAction(v)
                    setPage(1)
                  }}
                  options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item label={t('audit.list.dateFilter')} htmlFor="audit-range">
                <DatePicker.RangePicker
                  id={{ start: 'audit-range', end: 'audit-range-end' }}
                  value={range}
                  onChange={(v) => {
                    setRange(v)
                    setPage(1)
                  }}
                  placeholder={[t('audit.list.from'), t('audit.list.to')]}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('audit.list.orgFilter')} htmlFor="audit-org">
                <OrgSelect
                  id="audit-org"
                  withinOrgId={currentOrgId}
                  initialOption={scope}
                  value={orgId ?? currentOrgId ?? undefined}
                  onChange={(v) => {
                    setOrgId(v)
                    setPage(1)
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {log.isError ? <QueryError error={log.error} onRetry={() => void log.refetch()} /> : null}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('audit.list.empty') }}
        expandable={{
          expandedRowRender: (e) => <AuditSummary summary={e.summary} />,
          columnTitle: <span className="sr-only">{t('audit.list.details')}</span>,
        }}
        pagination={{
          current: page,
          pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p)
            setPageSize(s)
          },
        }}
        columns={[
          {
            title: t('audit.fields.at'),
            dataIndex: 'at',
            key: 'at',
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('audit.fields.actor'),
            dataIndex: 'actorName',
            key: 'actor',
            render: (v: string | null) => v ?? t('audit.list.system'),
          },
          {
            title: t('audit.fields.action'),
            dataIndex: 'action',
            key: 'action',
            render: (a: string) => actionLabel(a),
          },
          {
            title: t('audit.fields.org'),
            dataIndex: 'orgName',
            key: 'org',
            responsive: ['md'],
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('audit.fields.ip'),
            dataIndex: 'ip',
            key: 'ip',
            responsive: ['lg'],
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  )
}
