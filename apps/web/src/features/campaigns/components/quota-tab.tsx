import type { Campaign } from '@unionhall/contracts'
import { Alert, Card, List, Progress, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { QueryError } from '../../../components/page/query-error'
import { explain } from '../../../lib/explanation'
import { useQuotaCheck } from '../api/use-campaigns'
import { A11yTable, ContrastTag } from './a11y'

const pct = (x: number) => Math.round(x * 1000) / 10

/** Accepted nominations against honour counts and structural quotas, with every problem. */
export const QuotaTab = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const quota = useQuotaCheck(campaign.id)
  if (quota.isError) return <QueryError error={quota.error} onRetry={() => void quota.refetch()} />
  if (!quota.data) return <Spin />
  const { ok, problems, categories, frontLine } = quota.data
  const categoryName = new Map(categories.map((c) => [c.categoryId, c.name]))
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {ok ? (
        <Alert type="success" showIcon message={t('campaigns.quota.ok')} />
      ) : (
        <Alert
          type="warning"
          showIcon
          message={t('campaigns.quota.problems', { count: problems.length })}
          description={
            <List
              size="small"
              dataSource={problems}
              renderItem={(p) => (
                <List.Item>
                  <span>
                    <ContrastTag color="warning">
                      {p.categoryId ? `${categoryName.get(p.categoryId) ?? ''} · ` : ''}
                      {t(`campaigns.quota.codes.${p.code}`, { defaultValue: p.code })}
                    </ContrastTag>
                    {explain(t, p)}
                  </span>
                </List.Item>
              )}
            />
          }
        />
      )}
      <Card
        size="small"
        title={<h2 style={{ margin: 0, fontSize: '1em' }}>{t('campaigns.quota.frontLine')}</h2>}
      >
        <Typography.Paragraph>
          {t('campaigns.quota.frontLineText', {
            frontLine: frontLine.frontLine,
            accepted: frontLine.accepted,
            share: pct(frontLine.share),
            required: pct(frontLine.required),
          })}
        </Typography.Paragraph>
        <Progress
          percent={pct(frontLine.share)}
          success={{ percent: 0 }}
          status={frontLine.share + 1e-9 >= frontLine.required ? 'success' : 'exception'}
          aria-label={t('campaigns.quota.frontLine')}
        />
      </Card>
      <A11yTable
        rowKey="categoryId"
        size="small"
        pagination={false}
        dataSource={categories}
        scroll={{ x: 480 }}
        columns={[
          { title: t('campaigns.fields.category'), dataIndex: 'name' },
          { title: t('campaigns.quota.honourCount'), dataIndex: 'honourCount', width: 100 },
          { title: t('campaigns.quota.accepted'), dataIndex: 'accepted', width: 100 },
          {
            title: t('campaigns.quota.acceptedFrontLine'),
            dataIndex: 'acceptedFrontLine',
            width: 120,
          },
          { title: t('campaigns.quota.pending'), dataIndex: 'pending', width: 100 },
        ]}
      />
    </Space>
  )
}
