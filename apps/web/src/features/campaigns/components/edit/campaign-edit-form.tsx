import { LockOutlined } from '@ant-design/icons'
import {
  type Campaign,
  type UpdateCampaignBody,
  UpdateCampaignBodySchema,
} from '@unionhall/contracts'
import {
  Alert,
  Button,
  Card,
  Col,
  ConfigProvider,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Switch,
  Typography,
} from 'antd'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useOnChange } from '../../../../components/form/use-on-change'
import { useZodRules } from '../../../../components/form/zod-form'
import { ImageUpload } from '../../../../components/image-upload/image-upload'
import { errorMessage } from '../../../../lib/error-message'
import { formatDate } from '../../../../lib/format'
import { useChildCampaigns } from '../../api/use-campaigns'
import { WeightsExplanation } from '../wizard/campaign-wizard'
import type { WizardValues } from '../wizard/wizard-model'
import {
  checkEdit,
  editValuesOf,
  type RubricLock,
  rubricLockOf,
  rulesEditable,
} from './campaign-edit-model'
import { BallotLimitFields } from '../ballot-limit-fields'
import {
  RubricFields,
  rangeRule,
  ScheduleFields,
  VoteCountFields,
  VotingHoursFields,
} from '../campaign-form-fields'

type Props = {
  campaign: Campaign
  submitting: boolean
  /** The server's refusal of the last save, shown as it explains it. */
  submitError: unknown
  /** The jurors' scores so far: undefined while loading, null when they could not be read. */
  juryScoreCount: number | null | undefined
  onSubmit: (body: UpdateCampaignBody) => void
}

/** The locked rubric's reason, in words (nothing while the score count loads). */
const rubricLockText = (t: TFunction, lock: RubricLock) => {
  if (lock.reason === 'loading') return null
  if (lock.reason === 'scores') return t('campaigns.edit.rubricLockedScores', { count: lock.count })
  if (lock.reason === 'phase') return t('campaigns.edit.rubricLockedPhase')
  if (lock.reason === 'inherited') return t('campaigns.edit.rubricInherited')
  return t('campaigns.edit.rubricUnknown')
}

/**
 * Edits what PATCH /campaigns/:id allows: basics, cover, schedule and phase mode always; voting
 * rules (with the voting hours) and quotas only before voting opens on a top-level campaign; the
 * jury rubric until the first jury score (each shown locked, with the reason, otherwise).
 */
export const CampaignEditForm = ({
  campaign,
  submitting,
  submitError,
  juryScoreCount,
  onSubmit,
}: Props) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [form] = Form.useForm()
  const [unchanged, setUnchanged] = useState(false)
  const basicRules = useZodRules(UpdateCampaignBodySchema)
  const editable = rulesEditable(campaign)
  const rubricLock = rubricLockOf(campaign, juryScoreCount)
  const publicVotePct = Form.useWatch<number | undefined>(['rules', 'publicVotePct'], form)
  const juryPct = Form.useWatch<number | undefined>(['rules', 'juryPct'], form)

  // A reloaded campaign (after a save, or another tab's change) resets the form.
  useOnChange(`${campaign.id}|${campaign.createdAt}|${JSON.stringify(campaign)}`, () => {
    form.resetFields()
    form.setFieldsValue(editValuesOf(campaign))
  })

  const submit = () => {
    const values = form.getFieldsValue(true) as WizardValues
    const checked = checkEdit(t, values, campaign, rubricLock === null)
    if (!checked.ok) {
      form.setFields(checked.errors)
      return
    }
    if (Object.keys(checked.body).length === 0) {
      setUnchanged(true)
      return
    }
    setUnchanged(false)
    onSubmit(checked.body)
  }

  // Children inherit these rules: say that an edit here reaches them (the server passes it
  // down to each child that has not opened voting yet).
  const children = useChildCampaigns(campaign.id)
  const childCount = children.data?.length ?? 0
  const lockedNote = editable ? (
    childCount > 0 ? (
      <Alert
        type="info"
        showIcon
        message={t('campaigns.edit.rulesPassDown', { count: childCount })}
        style={{ marginBottom: 16 }}
      />
    ) : null
  ) : (
    <Alert
      type="info"
      showIcon
      icon={<LockOutlined />}
      message={
        campaign.parentCampaignId
          ? t('campaigns.edit.rulesInherited')
          : t('campaigns.edit.rulesLocked', { date: formatDate(campaign.rulesLockedAt) })
      }
      style={{ marginBottom: 16 }}
    />
  )

  const rubricLockReason = rubricLock ? rubricLockText(t, rubricLock) : null
  const rubricLockNote = rubricLockReason ? (
    <Alert
      type="info"
      showIcon
      icon={<LockOutlined />}
      message={rubricLockReason}
      style={{ marginBottom: 16 }}
    />
  ) : rubricLock === null ? (
    <Typography.Paragraph type="secondary">{t('campaigns.edit.rubricHint')}</Typography.Paragraph>
  ) : null

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      onValuesChange={() => setUnchanged(false)}
      aria-label={t('campaigns.edit.title')}
    >
      <Card title={t('campaigns.edit.basics')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('campaigns.fields.name')}
              name="name"
              rules={basicRules.name}
              required
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('campaigns.fields.honourTitle')}
              name="honourTitle"
              rules={basicRules.honourTitle}
              required
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label={t('campaigns.fields.year')}
              name="year"
              rules={basicRules.year}
              required
            >
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('campaigns.fields.phaseMode')} name="phaseMode">
              <Radio.Group
                options={[
                  { value: 'auto', label: t('campaigns.phaseMode.auto') },
                  { value: 'manual', label: t('campaigns.phaseMode.manual') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('campaigns.fields.coverImageUrl')} name="coverImageUrl">
              <ImageUpload alt={t('campaigns.fields.coverImageUrl')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label={t('campaigns.fields.description')}
              name="description"
              rules={basicRules.description}
            >
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('campaigns.edit.schedule')} style={{ marginBottom: 16 }}>
        <ScheduleFields idPrefix="edit-schedule" />
      </Card>
      <Card title={t('campaigns.edit.rules')} style={{ marginBottom: 16 }}>
        {lockedNote}
        <ConfigProvider componentDisabled={!editable}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('campaigns.fields.eligibility')} name={['rules', 'eligibility']}>
                <Radio.Group
                  options={[
                    { value: 'members', label: t('campaigns.eligibility.members') },
                    { value: 'sms', label: t('campaigns.eligibility.sms') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('campaigns.fields.sealed')}
                name={['rules', 'sealed']}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
            <VoteCountFields />
            <BallotLimitFields />
            <VotingHoursFields idPrefix="edit-rules" />
            <Col xs={12} md={8}>
              <Form.Item
                label={t('campaigns.fields.publicVoteWeight')}
                name={['rules', 'publicVotePct']}
                rules={[rangeRule(t, 0, 100)]}
              >
                <InputNumber step={5} addonAfter="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                label={t('campaigns.fields.juryWeight')}
                name={['rules', 'juryPct']}
                rules={[rangeRule(t, 0, 100)]}
              >
                <InputNumber step={5} addonAfter="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                label={t('campaigns.fields.minFrontLineShare')}
                name={['quotas', 'minFrontLinePct']}
                rules={[rangeRule(t, 0, 100)]}
              >
                <InputNumber step={5} addonAfter="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                label={t('campaigns.fields.maxCandidatesPerHonour')}
                name={['quotas', 'maxCandidatesPerHonour']}
                rules={[rangeRule(t, 1, 100)]}
              >
                <InputNumber step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          {editable ? <WeightsExplanation publicVotePct={publicVotePct} juryPct={juryPct} /> : null}
        </ConfigProvider>
      </Card>
      <Card title={t('campaigns.wizard.rubricTitle')} style={{ marginBottom: 16 }}>
        {rubricLockNote}
        <ConfigProvider componentDisabled={rubricLock !== null}>
          <RubricFields />
        </ConfigProvider>
      </Card>
      {submitError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('campaigns.edit.saveFailed')}
          description={errorMessage(t, submitError)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {unchanged ? (
        <Alert
          type="info"
          showIcon
          role="status"
          message={t('campaigns.edit.unchanged')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
        <Button onClick={() => void navigate(`/campaigns/${campaign.id}`)}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Form>
  )
}
