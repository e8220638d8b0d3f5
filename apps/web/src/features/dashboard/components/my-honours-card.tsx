import { Card, Flex, List, Typography } from 'antd'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../../../lib/session'
import { QueryError } from '../../../components/page/query-error'
import { ContrastTag } from '../../campaigns/components/a11y'
import { useMyHonours } from '../api/use-dashboard'

/** The honours I was awarded (e.g. 陇原工匠 2020), newest first. Hidden when there are none. */
export const MyHonoursCard = ({ style }: { style?: CSSProperties }) => {
  const { t } = useTranslation()
  const { session } = useSession()
  const honours = useMyHonours(session?.member.id ?? null)
  const title = (
    <h2 style={{ margin: 0, fontSize: '1.1em' }}>{t('dashboard.home.myHonours.title')}</h2>
  )

  if (honours.isError)
    return (
      <Card title={title} style={style}>
        <QueryError error={honours.error} onRetry={() => void honours.refetch()} />
      </Card>
    )
  if (!honours.data || honours.data.length === 0) return null
  return (
    <Card title={title} style={style}>
      <List
        dataSource={honours.data}
        rowKey="id"
        renderItem={(h) => (
          <List.Item>
            <Flex vertical gap={4}>
              <Flex wrap gap={8} align="center">
                <Typography.Text strong style={{ fontSize: '1.15em' }}>
                  {h.title}
                </Typography.Text>
                <ContrastTag color="gold">
                  {t('dashboard.home.myHonours.year', { year: h.year })}
                </ContrastTag>
              </Flex>
              <Typography.Text type="secondary">
                {/* The announced results are public: the member can show them to others. */}
                <Link to={`/c/${h.campaignId}/results`}>{h.campaignName}</Link>
                {' · '}
                {t('dashboard.home.myHonours.category', { category: h.categoryName })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  )
}
