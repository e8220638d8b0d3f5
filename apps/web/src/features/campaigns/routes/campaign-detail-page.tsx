import type { Permission } from '@unionhall/contracts'
import { EditOutlined } from '@ant-design/icons'
import { Alert, Breadcrumb, Button, Flex, Form, Grid, Select, Spin, Tabs } from 'antd'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { useCampaign } from '../api/use-campaigns'
import { campaignCan, reviewsNominations, type ViewedCampaign } from '../components/campaign-viewer'
import { CandidatesTab } from '../components/candidates-tab'
import { ChildrenTab } from '../components/children-tab'
import { FraudTab } from '../components/fraud-tab'
import { JuryTab } from '../components/jury-tab'
import { NominationsTab } from '../components/nominations-tab'
import { ObjectionsTab } from '../components/objections-tab'
import { OverviewTab } from '../components/overview-tab'
import { PhaseTag } from '../components/phase'
import { QuotaTab } from '../components/quota-tab'
import { ResultsTab } from '../components/results-tab'

type TabDef = {
  key: string
  /**
   * Needed over the campaign's org (campaign:read when absent). `null`: shown to everyone who
   * may open the campaign; 'review-nominations': to anyone reviewing nominations in it, also
   * sub-org staff who review only their own subtree's.
   */
  permission?: Permission | null | 'review-nominations'
  render: (c: ViewedCampaign) => ReactNode
}

export const CAMPAIGN_TABS: TabDef[] = [
  { key: 'overview', permission: null, render: (c) => <OverviewTab campaign={c} /> },
  { key: 'children', render: (c) => <ChildrenTab campaign={c} /> },
  {
    key: 'nominations',
    permission: 'review-nominations',
    render: (c) => <NominationsTab campaign={c} />,
  },
  { key: 'quota', permission: 'campaign:review', render: (c) => <QuotaTab campaign={c} /> },
  {
    key: 'candidates',
    permission: 'campaign:review',
    render: (c) => <CandidatesTab campaign={c} />,
  },
  {
    key: 'objections',
    permission: 'campaign:review',
    render: (c) => <ObjectionsTab campaign={c} />,
  },
  {
    key: 'fraud',
    permission: 'campaign:fraud-review',
    render: (c) => <FraudTab campaign={c} />,
  },
  { key: 'jury', render: (c) => <JuryTab campaign={c} /> },
  { key: 'results', render: (c) => <ResultsTab campaign={c} /> },
]

export const Component = () => {
  const { t } = useTranslation()
  const { campaignId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const { can } = useSession()
  const navigate = useNavigate()
  const screens = Grid.useBreakpoint()
  const narrow = screens.md === false
  const campaign = useCampaign(campaignId)
  const c = campaign.data

  useEffect(() => {
    document.title = `${c?.name ?? t('campaigns.detail.title')} · ${t('app.name')}`
  }, [t, c?.name])

  const canHere = c ? campaignCan(c, can) : can
  const tabs = CAMPAIGN_TABS.filter((tab) =>
    tab.permission === null
      ? true
      : tab.permission === 'review-nominations'
        ? !!c && reviewsNominations(c, can)
        : canHere(tab.permission ?? 'campaign:read'),
  )
  const active = tabs.some((tab) => tab.key === params.get('tab'))
    ? (params.get('tab') as string)
    : 'overview'

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/campaigns">{t('campaigns.list.title')}</Link> },
          ...(c?.parentCampaignId
            ? [
                {
                  title: (
                    <Link to={`/campaigns/${c.parentCampaignId}?tab=children`}>
                      {t('campaigns.detail.parent')}
                    </Link>
                  ),
                },
              ]
            : []),
          { title: c?.name ?? '…' },
        ]}
      />
      <PageHeader
        title={c?.name ?? t('campaigns.detail.title')}
        extra={
          c ? (
            <Flex gap={8} align="center" wrap>
              <PhaseTag phase={c.phase} />
              <span>
                {c.honourTitle} · {c.year} · {c.orgName}
              </span>
              {canHere('campaign:manage') ? (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => void navigate(`/campaigns/${c.id}/edit`)}
                >
                  {t('campaigns.edit.action')}
                </Button>
              ) : null}
            </Flex>
          ) : null
        }
      />
      {campaign.isError ? (
        <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />
      ) : null}
      {campaign.isLoading ? <Spin /> : null}
      {c?.viewer?.reviewOnly ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('campaigns.detail.reviewOnly', { org: c.orgName })}
        />
      ) : null}
      {c && narrow ? (
        // On a phone the tab strip overflows into a menu; a section picker reads better.
        <>
          <Form layout="vertical" component="div">
            <Form.Item label={t('campaigns.detail.section')} htmlFor="campaign-section">
              <Select
                id="campaign-section"
                value={active}
                onChange={(key: string) => setParams({ tab: key }, { replace: true })}
                options={tabs.map((tab) => ({
                  value: tab.key,
                  label: t(`campaigns.tabs.${tab.key}`),
                }))}
              />
            </Form.Item>
          </Form>
          <section aria-label={t(`campaigns.tabs.${active}`)}>
            {tabs.find((tab) => tab.key === active)?.render(c)}
          </section>
        </>
      ) : null}
      {c && !narrow ? (
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={tabs.map((tab) => ({
            key: tab.key,
            label: t(`campaigns.tabs.${tab.key}`),
            children: tab.render(c),
          }))}
        />
      ) : null}
    </>
  )
}
