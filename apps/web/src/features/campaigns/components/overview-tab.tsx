import { ArrowRightOutlined } from '@ant-design/icons'
import {
  type Campaign,
  CAMPAIGN_PHASES,
  type CampaignPhase,
  JURY_INCOMPLETE_REASON_MIN,
} from '@unionhall/contracts'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Modal,
  Row,
  Steps,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDate, formatDateTime } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { imageSrcOrNull, sizedImageSrc } from '../../../lib/web-link'
import { useAdvancePhase } from '../api/use-campaigns'
import { nextPhase, phaseIndex } from './phase'
import { ContrastTag } from './a11y'
import { campaignCan, type ViewedCampaign } from './campaign-viewer'

/** The phase timeline from the schedule, the current phase highlighted. */
export const PhaseTimeline = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const current = phaseIndex(campaign.phase)
  const dates = (p: CampaignPhase) => {
    if (p === 'draft' || p === 'announced') return undefined
    const period = campaign.schedule[p]
    return `${formatDate(period.startsAt)} ~ ${formatDate(period.endsAt)}`
  }
  return (
    <Steps
      data-testid="phase-timeline"
      direction="vertical"
      size="small"
      current={current}
      status={campaign.phase === 'announced' ? 'finish' : 'process'}
      items={CAMPAIGN_PHASES.map((p, i) => ({
        title: (
          <span aria-current={i === current ? 'step' : undefined}>
            {t(`campaigns.phase.${p}`)}
            {i === current ? (
              <ContrastTag color="processing" style={{ marginInlineStart: 8 }}>
                {t('campaigns.overview.current')}
              </ContrastTag>
            ) : null}
          </span>
        ),
        description: dates(p),
      }))}
    />
  )
}

type JuryGap = { missing: number; jurors: { name: string; missing: number }[] }

const juryGapOf = (e: unknown): JuryGap | null =>
  isApiError(e) && e.code === 'CAMPAIGN_JURY_INCOMPLETE' ? (e.details as JuryGap) : null

export const AdvancePhaseButton = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const advance = useAdvancePhase()
  // Scores are missing: the server refused to leave the jury phase and says who has not scored.
  const [juryGap, setJuryGap] = useState<JuryGap | null>(null)
  const [reason, setReason] = useState('')
  const to = nextPhase(campaign.phase)
  if (!to) return null
  const onClick = () => {
    void modal.confirm({
      title: t('campaigns.advance.confirmTitle', { phase: t(`campaigns.phase.${to}`) }),
      content: t(`campaigns.advance.effect.${to}`),
      okText: t('campaigns.advance.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        advance
          .mutateAsync({ id: campaign.id, to })
          .then(() => void message.success(t('campaigns.advance.done')))
          .catch((e: unknown) => {
            const gap = juryGapOf(e)
            if (gap) setJuryGap(gap)
            else void message.error(errorMessage(t, e))
          }),
    })
  }
  const trimmed = reason.trim()
  const goOn = () =>
    advance
      .mutateAsync({ id: campaign.id, to, juryIncompleteReason: trimmed })
      .then(() => {
        setJuryGap(null)
        setReason('')
        void message.success(t('campaigns.advance.done'))
      })
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
  return (
    <>
      <Button
        type="primary"
        icon={<ArrowRightOutlined />}
        onClick={onClick}
        loading={advance.isPending}
      >
        {t('campaigns.advance.button', { phase: t(`campaigns.phase.${to}`) })}
      </Button>
      <Modal
        open={juryGap !== null}
        title={t('campaigns.advance.juryIncomplete.title')}
        okText={t('campaigns.advance.juryIncomplete.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: trimmed.length < JURY_INCOMPLETE_REASON_MIN }}
        confirmLoading={advance.isPending}
        onOk={() => void goOn()}
        onCancel={() => setJuryGap(null)}
      >
        {juryGap ? (
          <Flex vertical gap={8}>
            <Typography.Paragraph style={{ margin: 0 }}>
              {juryGap.jurors.length === 0
                ? t('campaigns.advance.juryIncomplete.noJurors')
                : t('campaigns.advance.juryIncomplete.missing', { count: juryGap.missing })}
            </Typography.Paragraph>
            {juryGap.jurors.length > 0 ? (
              <ul style={{ margin: 0 }} aria-label={t('campaigns.advance.juryIncomplete.who')}>
                {juryGap.jurors.map((j) => (
                  <li key={j.name}>
                    {t('campaigns.advance.juryIncomplete.juror', {
                      name: j.name,
                      count: j.missing,
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('campaigns.advance.juryIncomplete.hint')}
            </Typography.Paragraph>
            <label htmlFor="jury-incomplete-reason">
              {t('campaigns.advance.juryIncomplete.reason')}
            </label>
            <Input.TextArea
              id="jury-incomplete-reason"
              rows={3}
              maxLength={500}
              showCount
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Flex>
        ) : null}
      </Modal>
    </>
  )
}

/**
 * A campaign on automatic phases still in the jury phase after its end date: the scheduler is
 * held by the jury-complete rule (scores missing), which only staff can settle, so the overview
 * says so instead of leaving a date that has silently passed.
 */
const juryOverdue = (c: Campaign) =>
  c.phase === 'jury' &&
  c.phaseMode === 'auto' &&
  c.rules.weights.jury > 0 &&
  Date.parse(c.schedule.jury.endsAt) < Date.now()

export const OverviewTab = ({ campaign }: { campaign: ViewedCampaign }) => {
  const { t } = useTranslation()
  const { can } = useSession()
  const { rules, quotas } = campaign
  const cover = imageSrcOrNull(campaign.coverImageUrl)
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card
          title={<h2 style={{ margin: 0, fontSize: '1em' }}>{t('campaigns.overview.timeline')}</h2>}
          extra={null}
        >
          <PhaseTimeline campaign={campaign} />
          {juryOverdue(campaign) ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('campaigns.overview.juryOverdue', {
                date: formatDateTime(campaign.schedule.jury.endsAt),
              })}
            />
          ) : null}
          {campaignCan(campaign, can)('campaign:manage') ? (
            <Flex vertical gap={8}>
              <AdvancePhaseButton campaign={campaign} />
              <Typography.Text type="secondary">
                {t(`campaigns.phaseMode.${campaign.phaseMode}Hint`)}
              </Typography.Text>
            </Flex>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card
          title={<h2 style={{ margin: 0, fontSize: '1em' }}>{t('campaigns.overview.info')}</h2>}
          cover={
            cover ? (
              // 16:9 reserved before it loads (as on the worker home), the file's shape cropped.
              <img
                data-testid="campaign-cover"
                src={sizedImageSrc(cover, 960)}
                alt={t('campaigns.overview.coverAlt', { name: campaign.name })}
                loading="lazy"
                decoding="async"
                style={{ aspectRatio: '16 / 9', objectFit: 'cover', maxHeight: 320 }}
              />
            ) : undefined
          }
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'honour',
                label: t('campaigns.fields.honourTitle'),
                children: campaign.honourTitle,
              },
              { key: 'year', label: t('campaigns.fields.year'), children: campaign.year },
              { key: 'org', label: t('campaigns.fields.org'), children: campaign.orgName },
              {
                key: 'mode',
                label: t('campaigns.fields.phaseMode'),
                children: t(`campaigns.phaseMode.${campaign.phaseMode}`),
              },
              {
                key: 'categories',
                label: t('campaigns.wizard.steps.categories'),
                span: 'filled',
                children: campaign.categories.map((c) => `${c.name} × ${c.honourCount}`).join('；'),
              },
              {
                key: 'desc',
                label: t('campaigns.fields.description'),
                span: 'filled',
                children: campaign.description || '—',
              },
            ]}
          />
        </Card>
        <Card
          style={{ marginTop: 16 }}
          title={
            <h2 style={{ margin: 0, fontSize: '1em' }}>{t('campaigns.wizard.steps.rules')}</h2>
          }
          extra={
            campaign.rulesLockedAt ? (
              <ContrastTag color="red">
                {t('campaigns.overview.rulesLocked', {
                  at: formatDateTime(campaign.rulesLockedAt),
                })}
              </ContrastTag>
            ) : null
          }
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'el',
                label: t('campaigns.fields.eligibility'),
                children: t(`campaigns.eligibility.${rules.eligibility}`),
              },
              {
                key: 'sealed',
                label: t('campaigns.fields.sealed'),
                children: rules.sealed ? t('campaigns.common.yes') : t('campaigns.common.no'),
              },
              { key: 'vpd', label: t('campaigns.fields.votesPerDay'), children: rules.votesPerDay },
              {
                key: 'mpc',
                label: t('campaigns.fields.maxPerCandidatePerDay'),
                children: rules.maxPerCandidatePerDay,
              },
              {
                key: 'mcb',
                label: t('campaigns.fields.maxChoicesPerBallot'),
                children: rules.maxChoicesPerBallot,
              },
              {
                key: 'hours',
                label: t('campaigns.fields.hours'),
                children: rules.hours
                  ? `${rules.hours.start} ~ ${rules.hours.end}`
                  : t('campaigns.fields.roundTheClock'),
              },
              {
                key: 'weights',
                label: t('campaigns.wizard.weightsTitle'),
                span: 'filled',
                children: t('campaigns.wizard.weightsExplain', {
                  publicVote: Math.round(rules.weights.publicVote * 100),
                  jury: Math.round(rules.weights.jury * 100),
                }),
              },
              {
                key: 'fl',
                label: t('campaigns.fields.minFrontLineShare'),
                children: `${Math.round(quotas.minFrontLineShare * 100)}%`,
              },
              {
                key: 'rubric',
                label: t('campaigns.wizard.rubricTitle'),
                span: 'filled',
                children: campaign.rubric.map((r) => `${r.label}（${r.maxScore}）`).join('；'),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  )
}
