import { DownloadOutlined, TrophyOutlined } from '@ant-design/icons'
import type { Campaign, ResultsSchema } from '@unionhall/contracts'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Segmented,
  Space,
  Statistic,
  Tooltip,
  Typography,
  theme,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { EChart } from '../../../components/charts/echart'
import { explainAll } from '../../../lib/explanation'
import { Can } from '../../../components/page/can'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { downloadBallotLog, exportResults, exportVotes } from '../api/campaigns-api'
import { useAnnounce, useLeaderboard, useResults, useTurnout } from '../api/use-campaigns'
import { isAtOrAfter } from './phase'
import {
  barChartHeight,
  turnoutBarOption,
  turnoutTree,
  votesBarOption,
  type TurnoutRow,
} from './results-chart'
import { A11yTable, ContrastTag } from './a11y'

type Results = z.infer<typeof ResultsSchema>
type Row = Results['categories'][number]['rows'][number]

const h2 = (text: string) => <h2 style={{ margin: 0, fontSize: '1em' }}>{text}</h2>

const CategoryPicker = ({
  categories,
  value,
  onChange,
}: {
  categories: { id: string; name: string }[]
  value: string | undefined
  onChange: (id: string) => void
}) => {
  const { t } = useTranslation()
  if (categories.length <= 1) return null
  return (
    <Segmented
      aria-label={t('campaigns.fields.category')}
      value={value}
      onChange={(v) => onChange(String(v))}
      options={categories.map((c) => ({ value: c.id, label: c.name }))}
    />
  )
}

/** A chosen category with no candidate: said in words, not as an empty chart and table. */
const NoCandidates = () => {
  const { t } = useTranslation()
  return (
    <Typography.Paragraph type="secondary" role="status" style={{ margin: 0 }}>
      {t('campaigns.results.noCandidates')}
    </Typography.Paragraph>
  )
}

/** The live leaderboard while voting (refetched every 5 s), or a sealed notice. */
const LiveLeaderboard = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const live = campaign.phase === 'voting'
  const board = useLeaderboard(campaign.id, live && !campaign.rules.sealed)
  const [categoryId, setCategoryId] = useState(campaign.categories[0]?.id)
  const rows = useMemo(
    () => (board.data?.items ?? []).filter((i) => i.categoryId === categoryId),
    [board.data, categoryId],
  )
  const option = useMemo(
    () =>
      votesBarOption(
        rows,
        { votes: t('campaigns.fields.votes') },
        { bar: token.colorPrimary, winner: token.colorWarning },
      ),
    [rows, t, token],
  )
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />
  if (board.data === null) {
    return <Alert type="info" showIcon message={t('campaigns.results.sealed')} />
  }
  const data = board.data
  return (
    <Card
      title={h2(t(live ? 'campaigns.results.liveTitle' : 'campaigns.results.leaderboardTitle'))}
      extra={
        data ? (
          <Typography.Text type="secondary">
            {t('campaigns.results.updatedAt', { at: formatDateTime(data.updatedAt) })}
          </Typography.Text>
        ) : null
      }
    >
      {data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Flex gap={32} wrap>
            <Statistic title={t('campaigns.results.totalBallots')} value={data.totalBallots} />
            <Statistic
              title={t('campaigns.results.invalidatedBallots')}
              value={data.invalidatedBallots}
            />
          </Flex>
          <CategoryPicker
            categories={campaign.categories}
            value={categoryId}
            onChange={setCategoryId}
          />
          {rows.length === 0 ? (
            <NoCandidates />
          ) : (
            <EChart
              option={option}
              height={barChartHeight(rows.length)}
              ariaLabel={t('campaigns.results.votesChartLabel')}
            />
          )}
        </Space>
      ) : null}
    </Card>
  )
}

/**
 * Turnout rolled up the org tree: the chart compares the campaign org's direct children (each
 * with everything below it); the table lists every org with its own and its subtree's ballots.
 */
const TurnoutChart = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const turnout = useTurnout(campaign.id, campaign.phase === 'voting')
  const all = turnout.data?.items
  const items = useMemo(() => {
    const list = all ?? []
    const level = list.some((i) => i.depth === 1) ? 1 : 0
    return list
      .filter((i) => i.depth === level)
      .slice(0, 30)
      .map((i) => ({ orgName: i.orgName, ballots: i.subtreeBallots }))
  }, [all])
  const tree = useMemo(() => turnoutTree(all ?? []), [all])
  const option = useMemo(
    () => turnoutBarOption(items, { ballots: t('campaigns.results.ballots') }),
    [items, t],
  )
  return (
    <Card title={h2(t('campaigns.results.turnoutTitle'))}>
      {turnout.isError ? (
        <QueryError error={turnout.error} onRetry={() => void turnout.refetch()} />
      ) : null}
      {turnout.data ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('campaigns.results.turnoutText', {
              ballots: t('campaigns.results.turnoutBallots', { count: turnout.data.totalBallots }),
              orgs: t('campaigns.results.turnoutOrgs', {
                count: turnout.data.items.filter((i) => i.ballots > 0).length,
              }),
            })}
          </Typography.Paragraph>
          {items.length > 0 ? (
            <EChart
              option={option}
              height={barChartHeight(items.length)}
              ariaLabel={t('campaigns.results.turnoutChartLabel')}
            />
          ) : null}
          {tree.length > 0 ? (
            <A11yTable<TurnoutRow>
              rowKey="orgId"
              size="small"
              pagination={false}
              dataSource={tree}
              expandable={{ defaultExpandedRowKeys: tree.map((r) => r.orgId) }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('campaigns.results.turnoutOrg'), dataIndex: 'orgName' },
                {
                  title: t('campaigns.results.turnoutSubtree'),
                  dataIndex: 'subtreeBallots',
                  align: 'right',
                },
                { title: t('campaigns.results.turnoutOwn'), dataIndex: 'ballots', align: 'right' },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  )
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

/**
 * The server's word for a candidate in the places: 当选 only once announced, 拟当选 during
 * result publicity, 暂列 during jury scoring, nothing while voting runs.
 */
const StandingTag = ({ standing }: { standing: Row['standing'] }) => {
  const { t } = useTranslation()
  if (standing === 'winner')
    return (
      <ContrastTag color="gold" icon={<TrophyOutlined />}>
        {t('campaigns.results.winner')}
      </ContrastTag>
    )
  if (standing === 'proposed')
    return <ContrastTag color="blue">{t('campaigns.results.proposed')}</ContrastTag>
  if (standing === 'provisional')
    return <ContrastTag>{t('campaigns.results.provisional')}</ContrastTag>
  return null
}

/** Per-category ranking: votes, jury score, final score, winners and tie-break notes. */
export const RankingTable = ({ category }: { category: Results['categories'][number] }) => {
  const { t } = useTranslation()
  return (
    <>
      <A11yTable<Row>
        rowKey="candidateId"
        size="small"
        pagination={false}
        dataSource={category.rows}
        scroll={{ x: 960 }}
        columns={[
          { title: t('campaigns.results.rank'), dataIndex: 'rank', width: 60 },
          { title: t('campaigns.fields.number'), dataIndex: 'number', width: 60 },
          {
            title: t('campaigns.fields.candidate'),
            dataIndex: 'name',
            width: 140,
            render: (name: string, r) => (
              <Space size={4} wrap>
                {name}
                <StandingTag standing={r.standing} />
                {r.isFrontLine ? (
                  <ContrastTag>{t('campaigns.results.frontLine')}</ContrastTag>
                ) : null}
              </Space>
            ),
          },
          { title: t('campaigns.fields.employer'), dataIndex: 'employerName' },
          { title: t('campaigns.fields.votes'), dataIndex: 'votes', width: 80 },
          {
            title: t('campaigns.results.invalidatedVotes'),
            dataIndex: 'invalidatedVotes',
            width: 80,
          },
          {
            title: t('campaigns.results.voteShare'),
            dataIndex: 'voteShare',
            width: 90,
            render: (v: number) => pct(v),
          },
          {
            title: t('campaigns.results.juryScore'),
            dataIndex: 'juryScore',
            width: 90,
            render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
          },
          {
            title: t('campaigns.results.finalScore'),
            dataIndex: 'finalScore',
            width: 90,
            render: (v: number) => <strong>{v.toFixed(4)}</strong>,
          },
          {
            title: t('campaigns.results.tieBreak'),
            dataIndex: 'tieBreakDetails',
            width: 220,
            render: (details: Row['tieBreakDetails']) => explainAll(t, details),
          },
        ]}
      />
      {category.noteDetails.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={explainAll(t, category.noteDetails)}
        />
      ) : null}
    </>
  )
}

const ResultsPanel = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const results = useResults(campaign.id, true)
  const [categoryId, setCategoryId] = useState(campaign.categories[0]?.id)
  const category = results.data?.categories.find((c) => c.categoryId === categoryId)
  const option = useMemo(
    () =>
      votesBarOption(
        (category?.rows ?? []).map((r) => ({ ...r, isWinner: r.standing !== null })),
        { votes: t('campaigns.fields.votes') },
        { bar: token.colorPrimary, winner: token.colorWarning },
      ),
    [category, t, token],
  )
  if (results.isError) {
    return <QueryError error={results.error} onRetry={() => void results.refetch()} />
  }
  const r = results.data
  if (!r) return null
  return (
    <Card
      title={h2(t('campaigns.results.rankingTitle'))}
      extra={
        r.announcedAt ? (
          <ContrastTag color="green">
            {t('campaigns.results.announcedAt', { at: formatDateTime(r.announcedAt) })}
          </ContrastTag>
        ) : null
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('campaigns.wizard.weightsExplain', {
            publicVote: Math.round(r.weights.publicVote * 100),
            jury: Math.round(r.weights.jury * 100),
          })}
          {t('campaigns.results.invalidatedNote', { count: r.invalidatedBallots })}
        </Typography.Text>
        <CategoryPicker
          categories={r.categories.map((c) => ({ id: c.categoryId, name: c.name }))}
          value={categoryId}
          onChange={setCategoryId}
        />
        {category ? (
          <>
            <Typography.Title level={3} style={{ fontSize: '1em', margin: 0 }}>
              {t('campaigns.results.categoryHeading', {
                name: category.name,
                count: category.honourCount,
              })}
            </Typography.Title>
            {category.rows.length === 0 ? (
              <NoCandidates />
            ) : (
              <>
                <RankingTable category={category} />
                <EChart
                  option={option}
                  height={barChartHeight(category.rows.length)}
                  ariaLabel={t('campaigns.results.votesChartLabel')}
                />
              </>
            )}
          </>
        ) : null}
      </Space>
    </Card>
  )
}

export const ResultsTab = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const announce = useAnnounce()
  const [busy, setBusy] = useState<string | null>(null)
  const votingStarted = isAtOrAfter(campaign.phase, 'voting')
  const resultsVisible =
    (campaign.phase === 'voting' && !campaign.rules.sealed) || isAtOrAfter(campaign.phase, 'jury')
  // The server refuses the per-day votes and the ballot log while tallies are sealed
  // (CAMPAIGN_TALLY_SEALED, votes.service's isSealed): each ballot names its candidates, so
  // either would add up the sealed tally. Both wait until voting closes.
  const sealed = campaign.rules.sealed && campaign.phase === 'voting'

  const download = (key: string, run: () => Promise<void>) => {
    setBusy(key)
    run()
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
      .finally(() => setBusy(null))
  }

  const onAnnounce = () => {
    void modal.confirm({
      title: t('campaigns.results.announceTitle'),
      content: t('campaigns.results.announceText'),
      okText: t('campaigns.results.announce'),
      cancelText: t('common.cancel'),
      onOk: () =>
        announce
          .mutateAsync(campaign.id)
          .then(() => void message.success(t('campaigns.results.announced')))
          .catch((e: unknown) => void message.error(errorMessage(t, e))),
    })
  }

  if (!votingStarted) {
    return <Alert type="info" showIcon message={t('campaigns.results.notYet')} />
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex gap={8} wrap justify="flex-end">
        {campaign.phase === 'result_publicity' ? (
          <Can permission="campaign:manage">
            <Button
              type="primary"
              icon={<TrophyOutlined />}
              loading={announce.isPending}
              onClick={onAnnounce}
            >
              {t('campaigns.results.announce')}
            </Button>
          </Can>
        ) : null}
        {resultsVisible ? (
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'results'}
            onClick={() => download('results', () => exportResults(campaign.id))}
          >
            {t('campaigns.results.exportResults')}
          </Button>
        ) : null}
        <Tooltip title={sealed ? t('campaigns.results.sealedDownload') : undefined}>
          {/* A disabled button gets no pointer events: the span is what shows the tooltip. */}
          <span style={{ display: 'inline-block' }}>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'votes'}
              disabled={sealed}
              onClick={() => download('votes', () => exportVotes(campaign.id))}
            >
              {t('campaigns.results.exportVotes')}
            </Button>
          </span>
        </Tooltip>
        <Tooltip title={sealed ? t('campaigns.results.sealedDownload') : undefined}>
          {/* A disabled button gets no pointer events: the span is what shows the tooltip. */}
          <span style={{ display: 'inline-block' }}>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'log'}
              disabled={sealed}
              onClick={() => download('log', () => downloadBallotLog(campaign.id))}
            >
              {t('campaigns.results.ballotLog')}
            </Button>
          </span>
        </Tooltip>
      </Flex>
      {resultsVisible ? <ResultsPanel campaign={campaign} /> : null}
      <Row gutter={[16, 16]}>
        {campaign.phase === 'voting' ? (
          <Col xs={24} xl={12}>
            {campaign.rules.sealed ? (
              <Alert type="info" showIcon message={t('campaigns.results.sealed')} />
            ) : (
              <LiveLeaderboard campaign={campaign} />
            )}
          </Col>
        ) : null}
        <Col xs={24} xl={campaign.phase === 'voting' ? 12 : 24}>
          <TurnoutChart campaign={campaign} />
        </Col>
      </Row>
    </Space>
  )
}
