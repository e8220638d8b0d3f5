import { CheckCircleFilled } from '@ant-design/icons'
import type { StationStats } from '@unionhall/contracts'
import { Breadcrumb, Card, Col, Form, Row, Skeleton, Statistic, theme, Typography } from 'antd'
import { type KeyboardEvent, lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { EChart } from '../../../components/charts/echart'
import { OrgSelect } from '../../../components/org-select/org-select'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useStationStats } from '../api/use-stations'
import {
  checkInsChartOption,
  childrenBars,
  childrenChartOption,
  isOverviewMetric,
  measureOf,
  OVERVIEW_METRICS,
  type OverviewMetric,
} from '../lib/stats-charts'

// Leaflet and its CSS load only when the overview is opened.
const StationsMap = lazy(() => import('../components/stations-map'))

/**
 * The five counts as one choice (a radio group): the chosen count drives the chart by child
 * org and the map. Arrow keys move the choice, as in any radio group; Tab leaves the group.
 */
const MetricCards = ({
  total,
  selected,
  onSelect,
}: {
  total: StationStats['total']
  selected: OverviewMetric
  onSelect: (m: OverviewMetric) => void
}) => {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const cards = useRef<Array<HTMLDivElement | null>>([])
  const n = OVERVIEW_METRICS.length
  const choose = (i: number) => {
    const index = (i + n) % n
    onSelect(OVERVIEW_METRICS[index]!)
    cards.current[index]?.focus()
  }
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') choose(i + 1)
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') choose(i - 1)
    else if (e.key === 'Home') choose(0)
    else if (e.key === 'End') choose(n - 1)
    else if (e.key === ' ' || e.key === 'Enter') choose(i)
    else return
    e.preventDefault()
  }
  return (
    <Row gutter={[16, 16]} role="radiogroup" aria-label={t('stations.overview.selectMetric')}>
      {OVERVIEW_METRICS.map((key, i) => {
        const on = key === selected
        return (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card
              ref={(el) => {
                cards.current[i] = el
              }}
              data-testid={`stat-${key}`}
              role="radio"
              aria-checked={on}
              // One tab stop for the group: the chosen card.
              tabIndex={on ? 0 : -1}
              hoverable
              onClick={() => choose(i)}
              onKeyDown={(e) => onKeyDown(e, i)}
              style={{
                position: 'relative',
                cursor: 'pointer',
                // Not by colour alone: a thick ring and a check mark show the choice.
                boxShadow: on ? `inset 0 0 0 2px ${token.colorPrimary}` : undefined,
                background: on ? token.colorPrimaryBg : undefined,
              }}
            >
              {on ? (
                <CheckCircleFilled
                  aria-hidden
                  style={{
                    position: 'absolute',
                    top: 12,
                    right: 12,
                    color: token.colorPrimary,
                    fontSize: 18,
                  }}
                />
              ) : null}
              <Statistic title={t(`stations.overview.${key}`)} value={total[key]} />
            </Card>
          </Col>
        )
      })}
    </Row>
  )
}

/** Roll-up of an org subtree: totals, children compared, check-ins by day, a map. */
export const Component = () => {
  const { t } = useTranslation()
  // The chosen count lives in the URL (?metric=openNow), so a link shows the same view.
  const [params, setParams] = useSearchParams()
  const asked = params.get('metric')
  const metric: OverviewMetric = isOverviewMetric(asked) ? asked : 'stations'
  const selectMetric = (m: OverviewMetric) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (m === 'stations') next.delete('metric')
        else next.set('metric', m)
        return next
      },
      { replace: true },
    )
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

  const measure = measureOf(t, metric)
  const bars = useMemo(
    () =>
      data
        ? childrenBars(data, metric, t('stations.overview.own', { name: data.total.orgName }))
        : [],
    [data, metric, t],
  )
  const childrenOption = useMemo(() => childrenChartOption(bars, measure), [bars, measure])
  const checkInsOption = useMemo(() => (data ? checkInsChartOption(t, data) : null), [t, data])

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
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('stations.overview.selectHint')}
          </Typography.Text>
          <MetricCards total={data.total} selected={metric} onSelect={selectMetric} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Card title={t('stations.overview.byChild', { org: data.total.orgName, measure })}>
                {bars.length === 0 ? (
                  <Typography.Text type="secondary">
                    {t('stations.overview.noChildren')}
                  </Typography.Text>
                ) : (
                  <EChart
                    option={childrenOption}
                    height={300}
                    ariaLabel={t('stations.overview.byChildAria', {
                      measure,
                      list: bars.map((b) => `${b.orgName} ${b.value}`).join('，'),
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
              <Card title={t(`stations.overview.mapTitles.${metric}`)}>
                <Suspense
                  fallback={<Skeleton.Node active style={{ width: '100%', height: 420 }} />}
                >
                  <StationsMap orgId={filterOrgId} metric={metric} />
                </Suspense>
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  )
}
