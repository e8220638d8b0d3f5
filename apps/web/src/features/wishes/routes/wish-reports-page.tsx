import { DownloadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import type { WishReport } from '@unionhall/contracts'
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Row,
  Skeleton,
  Statistic,
  Table,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EChart } from '../../../components/charts/echart'
import { OrgSelect } from '../../../components/org-select/org-select'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { exportWishReport, getWishReport, wishKeys } from '../api/wishes-api'
import {
  categoryChartOption,
  hoursText,
  orgChartOption,
  stationChartOption,
  statusChartOption,
} from '../lib/report-charts'

type Claimant = WishReport['topClaimants'][number]

/** /wishes/reports — wishes of a subtree by status, category, org and station; times; top claimants. */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentOrgId, currentOrgName } = useSession()
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const [exporting, setExporting] = useState(false)
  const [scopeSeen, setScopeSeen] = useState(currentOrgId)
  if (scopeSeen !== currentOrgId) {
    setScopeSeen(currentOrgId)
    setOrgId(currentOrgId ?? undefined)
  }
  useEffect(() => {
    document.title = `${t('wishes.reports.title')} · ${t('app.name')}`
  }, [t])
  const query = {
    orgId: orgId ?? currentOrgId ?? undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  }
  const report = useQuery({
    queryKey: wishKeys.report(query),
    queryFn: ({ signal }) => getWishReport(query, signal),
    enabled: currentOrgId !== null,
  })
  const r = report.data
  const charts = useMemo(
    () =>
      r
        ? {
            status: statusChartOption(t, r),
            category: categoryChartOption(t, r),
            org: orgChartOption(t, r),
            station: stationChartOption(t, r),
          }
        : null,
    [t, r],
  )
  const onExport = () => {
    setExporting(true)
    exportWishReport(query)
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
      .finally(() => setExporting(false))
  }
  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/wishes">{t('wishes.list.title')}</Link> },
          { title: t('wishes.reports.title') },
        ]}
      />
      <PageHeader
        title={t('wishes.reports.title')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
            {t('wishes.reports.export')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={[12, 0]}>
            <Col xs={24} md={12}>
              <Form.Item label={t('wishes.list.orgFilter')} htmlFor="wish-reports-org">
                <OrgSelect
                  id="wish-reports-org"
                  withinOrgId={currentOrgId}
                  initialOption={scope}
                  value={orgId}
                  onChange={(v) => setOrgId(v ?? currentOrgId ?? undefined)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('wishes.reports.range')} htmlFor="wish-reports-range">
                <DatePicker.RangePicker
                  id={{ start: 'wish-reports-range' }}
                  style={{ width: '100%' }}
                  value={range}
                  onChange={(v) => setRange(v)}
                  allowEmpty={[true, true]}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : null}
      {report.isLoading ? <Skeleton active /> : null}
      {r && charts ? (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card data-testid="stat-total">
              <Statistic title={t('wishes.reports.total')} value={r.total} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card data-testid="stat-confirmed">
              <Statistic
                title={t('wishes.reports.confirmed')}
                value={r.byStatus.find((s) => s.status === 'confirmed')?.count ?? 0}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card data-testid="stat-time-to-claim">
              <Statistic
                title={t('wishes.reports.timeToClaim')}
                value={hoursText(t, r.timeToClaim.medianHours)}
              />
              <div>
                {t('wishes.reports.durationDetail', {
                  avg: hoursText(t, r.timeToClaim.avgHours),
                  count: r.timeToClaim.count,
                })}
              </div>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card data-testid="stat-time-to-fulfil">
              <Statistic
                title={t('wishes.reports.timeToFulfil')}
                value={hoursText(t, r.timeToFulfil.medianHours)}
              />
              <div>
                {t('wishes.reports.durationDetail', {
                  avg: hoursText(t, r.timeToFulfil.avgHours),
                  count: r.timeToFulfil.count,
                })}
              </div>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('wishes.reports.byStatus')}>
              <EChart
                option={charts.status}
                ariaLabel={t('wishes.reports.byStatus')}
                height={260}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('wishes.reports.byCategory')}>
              <EChart
                option={charts.category}
                ariaLabel={t('wishes.reports.byCategory')}
                height={260}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('wishes.reports.byOrg')}>
              <EChart option={charts.org} ariaLabel={t('wishes.reports.byOrg')} height={300} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('wishes.reports.byStation')}>
              <EChart
                option={charts.station}
                ariaLabel={t('wishes.reports.byStation')}
                height={300}
              />
            </Card>
          </Col>
          <Col xs={24}>
            <Card title={t('wishes.reports.topClaimants')}>
              <Table<Claimant>
                rowKey="claimantMemberId"
                size="small"
                pagination={false}
                dataSource={r.topClaimants}
                locale={{ emptyText: t('wishes.reports.noClaimants') }}
                columns={[
                  {
                    title: t('wishes.reports.rank'),
                    key: 'rank',
                    render: (_: unknown, __: Claimant, i: number) => i + 1,
                  },
                  {
                    title: t('wishes.reports.claimant'),
                    dataIndex: 'displayName',
                    key: 'displayName',
                  },
                  {
                    title: t('wishes.reports.claimantKind'),
                    dataIndex: 'claimantKind',
                    key: 'claimantKind',
                    render: (k: Claimant['claimantKind']) => t(`wishes.claimantKind.${k}`),
                  },
                  // 已完成 as on the summary card (the worker confirmed, or the system did);
                  // deliveries still waiting for the worker are their own column.
                  {
                    title: t('wishes.reports.confirmed'),
                    dataIndex: 'confirmed',
                    key: 'confirmed',
                  },
                  {
                    title: t('wishes.reports.awaitingConfirmation'),
                    dataIndex: 'awaitingConfirmation',
                    key: 'awaitingConfirmation',
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
    </>
  )
}
