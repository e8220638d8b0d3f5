import { PlusOutlined } from '@ant-design/icons'
import type { CampaignPhase } from '@unionhall/contracts'
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { OrgSelect } from '../../../components/org-select/org-select'
import { Can } from '../../../components/page/can'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useCampaigns } from '../api/use-campaigns'
import { PhaseTag, phaseOptions } from '../components/phase'
import { A11yTable } from '../components/a11y'

export const Component = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { currentOrgId, currentOrgName, can } = useSession()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [phase, setPhase] = useState<CampaignPhase | undefined>()
  const [year, setYear] = useState<number | undefined>()
  const [orgId, setOrgId] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)

  useEffect(() => {
    document.title = `${t('campaigns.list.title')} · ${t('app.name')}`
  }, [t])

  const campaigns = useCampaigns({
    q: q || undefined,
    phase,
    year,
    orgId: orgId ?? currentOrgId ?? undefined,
    page,
    pageSize,
  })
  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

  return (
    <>
      <PageHeader
        title={t('campaigns.list.title')}
        extra={
          <Can permission="campaign:manage">
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/campaigns/new')}
            >
              {t('campaigns.list.create')}
            </Button>
          </Can>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={[12, 0]}>
            <Col xs={24} md={8}>
              <Form.Item label={t('campaigns.list.search')} htmlFor="campaigns-search">
                <Input.Search
                  id="campaigns-search"
                  allowClear
                  placeholder={t('campaigns.list.searchPlaceholder')}
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
            <Col xs={12} md={4}>
              <Form.Item label={t('campaigns.list.phaseFilter')} htmlFor="campaigns-phase">
                <Select
                  id="campaigns-phase"
                  allowClear
                  placeholder={t('campaigns.list.allPhases')}
                  value={phase}
                  onChange={(v: CampaignPhase | undefined) => {
                    setPhase(v)
                    setPage(1)
                  }}
                  options={phaseOptions(t)}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('campaigns.list.yearFilter')} htmlFor="campaigns-year">
                <InputNumber
                  id="campaigns-year"
                  min={2000}
                  max={2100}
                  precision={0}
                  style={{ width: '100%' }}
                  placeholder={t('campaigns.list.allYears')}
                  value={year ?? null}
                  onChange={(v) => {
                    setYear(v ?? undefined)
                    setPage(1)
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('campaigns.list.orgFilter')} htmlFor="campaigns-org">
                <OrgSelect
                  id="campaigns-org"
                  withinOrgId={currentOrgId}
                  initialOption={scope}
                  allowClear
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
      {campaigns.isError ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : null}
      <A11yTable
        data-testid="campaigns-table"
        rowKey="id"
        loading={campaigns.isFetching}
        dataSource={campaigns.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{
          current: page,
          pageSize,
          total: campaigns.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p)
            setPageSize(s)
          },
        }}
        columns={[
          {
            title: t('campaigns.fields.name'),
            dataIndex: 'name',
            render: (name: string, c) => <Link to={`/campaigns/${c.id}`}>{name}</Link>,
          },
          { title: t('campaigns.fields.honourTitle'), dataIndex: 'honourTitle', width: 140 },
          { title: t('campaigns.fields.year'), dataIndex: 'year', width: 80 },
          { title: t('campaigns.fields.org'), dataIndex: 'orgName', width: 180 },
          {
            title: t('campaigns.fields.phase'),
            dataIndex: 'phase',
            width: 120,
            render: (p: CampaignPhase) => <PhaseTag phase={p} />,
          },
          {
            title: t('campaigns.fields.level'),
            dataIndex: 'parentCampaignId',
            width: 100,
            render: (p: string | null) =>
              p ? t('campaigns.list.childCampaign') : t('campaigns.list.topCampaign'),
          },
          ...(can('campaign:manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, c: { id: string; name: string }) => (
                    <Link
                      to={`/campaigns/${c.id}/edit`}
                      aria-label={t('campaigns.edit.actionFor', { name: c.name })}
                    >
                      {t('campaigns.edit.action')}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  )
}
