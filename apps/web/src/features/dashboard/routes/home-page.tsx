import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart } from '../../../components/charts/echart'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useMemberStats, useOrgSummary } from '../api/use-dashboard'
import { buildMembersByOrgOption } from '../components/build-members-by-org-option'
import { MyHonoursCard } from '../components/my-honours-card'
import { MyJuryCard } from '../components/my-jury-card'

const MAX_BARS = 12

export const Component = () => {
  const { t } = useTranslation()
  const { session, currentOrgId, currentOrgName, can } = useSession()
  const canReadMembers = can('member:read')
  const org = useOrgSummary(currentOrgId)
  const members = useMemberStats(currentOrgId, canReadMembers)

  useEffect(() => {
    document.title = `${t('dashboard.home.title')} · ${t('app.name')}`
  }, [t])

  const countsReady = members.data !== undefined
  const rows = (members.data?.children ?? []).map((c) => ({ name: c.orgName, count: c.members }))
  const rowsKey = JSON.stringify(rows)
  const option = useMemo(
    () =>
      buildMembersByOrgOption(
        JSON.parse(rowsKey) as typeof rows,
        t('dashboard.home.membersSeries'),
        MAX_BARS,
      ),
    [rowsKey, t],
  )

  if (!currentOrgId) {
    // A worker without any role: a light welcome instead of the staff dashboard.
    return (
      <>
        <PageHeader title={t('dashboard.home.title')} />
        <Flex vertical gap={16}>
          <Card>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('dashboard.home.workerWelcome', {
                name: session?.member.name ?? '',
                org: session?.member.orgName ?? '',
              })}
            </Typography.Paragraph>
          </Card>
          <MyJuryCard />
          <MyHonoursCard />
        </Flex>
      </>
    )
  }

  const membersValue = members.data?.total

  return (
    <>
      <PageHeader title={t('dashboard.home.title')} />
      <Typography.Paragraph>
        {t('dashboard.home.welcome', {
          name: session?.member.name ?? '',
          org: currentOrgName ?? '',
        })}
      </Typography.Paragraph>
      {/* Jury duty and honours are the member's own, whatever their role: staff are jurors too. */}
      <MyJuryCard style={{ marginBottom: 16 }} />
      <MyHonoursCard style={{ marginBottom: 16 }} />
      {org.isError ? <QueryError error={org.error} onRetry={() => void org.refetch()} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8}>
          <Card>
            <Statistic
              title={t('dashboard.home.childOrgs')}
              value={org.data?.childCount}
              loading={org.isLoading}
            />
          </Card>
        </Col>
        {canReadMembers ? (
          <Col xs={12} md={8}>
            <Card>
              <Statistic
                title={t('dashboard.home.members')}
                value={membersValue}
                loading={members.isLoading}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
      {canReadMembers ? (
        <Card
          title={<h2 style={{ margin: 0, fontSize: '1.1em' }}>{t('dashboard.home.chartTitle')}</h2>}
        >
          {members.isLoading || !countsReady ? (
            <Skeleton active />
          ) : rows.length === 0 ? (
            <Empty description={t('dashboard.home.noChildren')} />
          ) : (
            <EChart
              option={option}
              ariaLabel={t('dashboard.home.chartTitle')}
              height={Math.max(200, Math.min(rows.length, MAX_BARS) * 36)}
            />
          )}
        </Card>
      ) : null}
    </>
  )
}
