import { Breadcrumb, Card, Col, Form, Row, Skeleton, Statistic, Typography } from 'antd'
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EChart } from '../../../components/charts/echart'
import { OrgSelect } from '../../../components/org-select/org-select'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useStationStats } from '../api/use-stations'
import { checkInsChartOption, childrenChartOption } from '../lib/stats-charts'

// Leaflet and its CSS load only when the overview is opened.
const StationsMap = lazy(() => import('../components/stations-map'))

/** Roll-up of an org subtree: totals, children compared, check-ins by day, a map. */
export const Component = () => {
  const { t } = useTranslation()
  const { currentOrgId, currentOrgName } = useSession()
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const [scopeSeen, setScopeSeen] = useState(currentOrgId)
  if (scopeSeen !== currentOrgId) {
    setScopeSeen(currentOrgId)
    setOrgId(currentOrgId ?? undefined)
  }
  const filterOrgId = orgId ?? currentOrgId ?? undefined
  const stats = useStationStats(filterOrgId)
  const data = stats.data
  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

  useEffect(() => {
    document.title = `${t('stations.overview.title')} · ${t('app.name')}`
  }, [t])

  const childrenOption = useMemo(() => (data ? childrenChartOption(t, data) : null), [t, data])
  const checkInsOption = useMemo(() => (data ? checkInsChartOption(t, data) : null), [t, data])
  const cards = data
    ? ([
        ['stations', data.total.stations],
        ['openNow', data.total.openNow],
        ['alwaysOpen', data.total.alwaysOpen],
        ['checkInsToday', data.total.checkInsToday],
        ['checkInsThisWeek', data.total.checkInsThisWeek],
      ] as const)
    : []

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/stations">{t('stations.list.title')}</Link> },
          { title: t('stations.overview.title') },
        ]}
      />
      <PageHeader title={t('stations.overview.title')} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form layout="vertical" component="div">
          <Form.Item label={t('stations.list.orgFilter')} htmlFor="stations-overview-org">
            <OrgSelect
              id="stations-overview-org"
              withinOrgId={currentOrgId}
              initialOption={scope}
              value={orgId}
              onChange={(v) => setOrgId(v ?? currentOrgId ?? undefined)}
            />
          </Form.Item>
        </Form>
      </Card>
      {stats.isError ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : null}
      {stats.isLoading ? <Skeleton active /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          {cards.map(([key, value]) => (
            <Col key={key} xs={12} md={8} xl={4}>
              <Card data-testid={`stat-${key}`}>
                <Statistic title={t(`stations.overview.${key}`)} value={value} />
              </Card>
            </Col>
          ))}
          <Col xs={24} xl={12}>
            <Card title={t('stations.overview.byChild', { org: data.total.orgName })}>
              {data.children.length === 0 || !childrenOption ? (
                <Typography.Text type="secondary">
                  {t('stations.overview.noChildren')}
                </Typography.Text>
              ) : (
                <EChart
                  option={childrenOption}
                  height={300}
                  ariaLabel={t('stations.overview.byChildAria', {
                    list: data.children.map((c) => `${c.orgName} ${c.stations}`).join('，'),
                  })}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('stations.overview.checkInsByDay')}>
              {checkInsOption ? (
                <EChart
                  option={checkInsOption}
                  height={300}
                  ariaLabel={t('stations.overview.checkInsAria', {
                    total: data.checkInsByDay.reduce((n, d) => n + d.count, 0),
                  })}
                />
              ) : null}
            </Card>
          </Col>
          <Col xs={24}>
            <Card title={t('stations.overview.map')}>
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 420 }} />}>
                <StationsMap orgId={filterOrgId} />
              </Suspense>
            </Card>
          </Col>
        </Row>
      ) : null}
    </>
  )
}
