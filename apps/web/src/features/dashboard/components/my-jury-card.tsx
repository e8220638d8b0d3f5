import type { MyJuryAssignment } from '@unionhall/contracts'
import { Button, Card, Flex, List, Progress, Typography } from 'antd'
import { type CSSProperties, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { formatDate } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { QueryError } from '../../../components/page/query-error'
import { ContrastTag } from '../../campaigns/components/a11y'
import { isAtOrAfter, PhaseTag } from '../../campaigns/components/phase'
import { useMyJuryAssignments } from '../api/use-dashboard'

const scoringHref = (campaignId: string) => `/campaigns/${campaignId}/jury`

/** Why a closed assignment cannot be scored: not yet, or no longer. */
const closedReasonKey = (a: MyJuryAssignment) =>
  isAtOrAfter(a.phase, 'jury') ? 'dashboard.home.myJury.closed' : 'dashboard.home.myJury.notYet'

const Assignment = ({ a }: { a: MyJuryAssignment }) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const hintId = useId()
  const href = scoringHref(a.campaignId)
  const done = a.candidateCount > 0 && a.scoredCount >= a.candidateCount
  const percent = a.candidateCount ? Math.round((a.scoredCount / a.candidateCount) * 100) : 0

  // A real link (middle-click, copy address) that still navigates inside the app.
  const action = a.scoringOpen ? (
    <Button
      type="primary"
      size="large"
      href={href}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
        e.preventDefault()
        void navigate(href)
      }}
    >
      {t('dashboard.home.myJury.score')}
    </Button>
  ) : (
    <Button size="large" disabled aria-describedby={hintId}>
      {t('dashboard.home.myJury.score')}
    </Button>
  )

  return (
    <List.Item>
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong style={{ fontSize: '1.1em' }}>
            {a.name}
          </Typography.Text>
          <PhaseTag phase={a.phase} />
          {done ? <ContrastTag color="green">{t('dashboard.home.myJury.done')}</ContrastTag> : null}
        </Flex>
        <Typography.Text type="secondary">
          {t('dashboard.home.myJury.organiser', {
            org: a.orgName,
            title: a.honourTitle,
            year: a.year,
          })}
          {a.phaseEndsAt
            ? ` · ${t('dashboard.home.myJury.phaseEnds', { date: formatDate(a.phaseEndsAt) })}`
            : null}
        </Typography.Text>
        <Flex wrap gap={16} align="center">
          <Flex gap={8} align="center" style={{ flex: '1 1 220px', minWidth: 0 }}>
            <span>
              {t('dashboard.home.myJury.progress', {
                scored: a.scoredCount,
                total: a.candidateCount,
              })}
            </span>
            <Progress
              percent={percent}
              showInfo={false}
              style={{ flex: 1, margin: 0 }}
              aria-label={t('dashboard.home.myJury.progressLabel', { name: a.name })}
            />
          </Flex>
          {action}
        </Flex>
        {a.scoringOpen ? null : (
          <Typography.Text id={hintId} type="secondary">
            {t(closedReasonKey(a))}
          </Typography.Text>
        )}
      </Flex>
    </List.Item>
  )
}

/**
 * The campaigns where I am a juror, each with a way to the scoring page. Jurors are often
 * outside experts with no role: this card is how they find their duty. Hidden when there is none.
 */
export const MyJuryCard = ({ style }: { style?: CSSProperties }) => {
  const { t } = useTranslation()
  const { session } = useSession()
  const jury = useMyJuryAssignments(session?.member.id ?? null)
  const title = <h2 style={{ margin: 0, fontSize: '1.1em' }}>{t('dashboard.home.myJury.title')}</h2>

  if (jury.isError)
    return (
      <Card title={title} style={style}>
        <QueryError error={jury.error} onRetry={() => void jury.refetch()} />
      </Card>
    )
  if (!jury.data || jury.data.length === 0) return null
  return (
    <Card title={title} style={style}>
      <List
        itemLayout="vertical"
        dataSource={jury.data}
        rowKey="campaignId"
        renderItem={(a) => <Assignment a={a} />}
      />
    </Card>
  )
}
