import { useOnChange } from '../../../../components/form/use-on-change'
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons'
import {
  type Campaign,
  CategoryInputSchema,
  CreateCampaignBodySchema,
  RubricSchema,
  SCHEDULED_PHASES,
  StructuralQuotasSchema,
  VotingRulesInputSchema,
  VotingRulesSchema,
} from '@unionhall/contracts'
import {
  Alert,
  Button,
  Card,
  Col,
  ConfigProvider,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Steps,
  Switch,
  Typography,
} from 'antd'
import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { type ReactNode, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormSelect } from '../../../../components/form/form-select'
import { ImageUpload } from '../../../../components/image-upload/image-upload'
import {
  type FieldError,
  useZodRules,
  zodIssuesToFieldErrors,
} from '../../../../components/form/zod-form'
import { OrgSelect } from '../../../../components/org-select/org-select'
import { errorMessage } from '../../../../lib/error-message'
import { formatDate } from '../../../../lib/format'
import { useCampaigns } from '../../api/use-campaigns'
import {
  buildSchedule,
  checkWeights,
  initialValues,
  percentIssue,
  toCreateBody,
  weightField,
  type WizardValues,
} from './wizard-model'
import { BallotLimitFields } from '../ballot-limit-fields'
import {
  RubricFields,
  rangeRule,
  ScheduleFields,
  VoteCountFields,
  VotingHoursFields,
} from '../campaign-form-fields'
import { FormRadioGroup } from '../../../../components/form/form-radio-group'

const STEPS = ['basics', 'categories', 'schedule', 'rules', 'jury', 'review'] as const
type StepKey = (typeof STEPS)[number]

const BasicsSchema = CreateCampaignBodySchema.pick({
  orgId: true,
  name: true,
  honourTitle: true,
  year: true,
  description: true,
  coverImageUrl: true,
})
const CategoriesSchema = z.object({ categories: CreateCampaignBodySchema.shape.categories })
const JurySchema = z.object({
  quotas: StructuralQuotasSchema,
  rubric: RubricSchema,
})

/** Which step a field of the create body is edited on. */
const stepOfPath = (path: readonly PropertyKey[]): StepKey => {
  const head = path[0]
  if (head === 'categories') return 'categories'
  if (head === 'schedule') return 'schedule'
  if (head === 'rules') return 'rules'
  if (head === 'quotas' || head === 'rubric') return 'jury'
  return 'basics'
}

/** Rules issues (paths inside VotingRules) onto the form's field names. */
const rulesFieldErrors = (t: TFunction, issues: readonly z.core.$ZodIssue[]): FieldError[] =>
  zodIssuesToFieldErrors(t, issues.map(percentIssue)).map((e) => {
    const head = e.name[0]
    if (head === 'weights') return { ...e, name: ['rules', weightField(e.name[1])] }
    return { ...e, name: ['rules', String(head)] }
  })

const juryFieldErrors = (t: TFunction, issues: readonly z.core.$ZodIssue[]): FieldError[] =>
  zodIssuesToFieldErrors(t, issues.map(percentIssue)).map((e) => {
    if (e.name[0] === 'quotas' && e.name[1] === 'minFrontLineShare') {
      return { ...e, name: ['quotas', 'minFrontLinePct'] }
    }
    if (e.name[0] === 'rubric' && e.name.length === 3 && e.name[2] === 'key') {
      return { ...e, name: ['rubric', e.name[1]!, 'label'] }
    }
    return e
  })

/** Validates one step with the contracts' schemas; shows errors on its fields. */
export const validateStep = (
  t: TFunction,
  form: FormInstance,
  step: StepKey,
  inherited: boolean,
): boolean => {
  const values = form.getFieldsValue(true) as WizardValues
  const body = toCreateBody(values, inherited)
  const apply = (errors: FieldError[]) => {
    form.setFields(errors)
    return errors.length === 0
  }
  switch (step) {
    case 'basics': {
      const keys = Object.keys(BasicsSchema.shape)
      const r = BasicsSchema.safeParse(
        Object.fromEntries(Object.entries(body).filter(([k]) => keys.includes(k))),
      )
      return r.success || apply(zodIssuesToFieldErrors(t, r.error.issues))
    }
    case 'categories': {
      const r = CategoriesSchema.safeParse({ categories: body.categories })
      return r.success || apply(zodIssuesToFieldErrors(t, r.error.issues))
    }
    case 'schedule': {
      const { problems } = buildSchedule(values.schedule)
      const errors = SCHEDULED_PHASES.map((phase) => {
        const p = problems[phase]
        const text = !p ? [] : p === 'required' ? [t('validation.required')] : [t(`errors.${p}`)]
        return { name: ['schedule', phase], errors: text }
      })
      form.setFields(errors)
      return Object.keys(problems).length === 0
    }
    case 'rules': {
      if (inherited) return true
      const r = VotingRulesInputSchema.safeParse(body.rules)
      return r.success || apply(rulesFieldErrors(t, r.error.issues))
    }
    case 'jury': {
      if (inherited) return true
      const r = JurySchema.safeParse({ quotas: body.quotas, rubric: body.rubric })
      return r.success || apply(juryFieldErrors(t, r.error.issues))
    }
    default:
      return true
  }
}

/** The live explanation of how the public vote and the jury score make the final score. */
export const WeightsExplanation = ({
  publicVotePct,
  juryPct,
}: {
  publicVotePct: number | undefined
  juryPct: number | undefined
}) => {
  const { t } = useTranslation()
  const w = checkWeights(publicVotePct, juryPct)
  return (
    <Alert
      type={w.ok ? 'info' : 'warning'}
      showIcon
      role="status"
      message={
        w.ok
          ? t('campaigns.wizard.weightsExplain', {
              publicVote: publicVotePct ?? 0,
              jury: juryPct ?? 0,
            })
          : t('campaigns.wizard.weightsSumWrong', { sum: w.sum })
      }
      style={{ marginBottom: 16 }}
    />
  )
}

type Props = {
  orgId: string | undefined
  orgName: string | null
  parent: Campaign | null
  onParentChange: (id: string | undefined) => void
  onSubmit: (body: z.infer<typeof CreateCampaignBodySchema>) => void
  submitting: boolean
  submitError: unknown
}

export const CampaignWizard = ({
  orgId,
  orgName,
  parent,
  onParentChange,
  onSubmit,
  submitting,
  submitError,
}: Props) => {
  const { t } = useTranslation()
  const [form] = Form.useForm()
  const [current, setCurrent] = useState(0)
  const [reviewErrors, setReviewErrors] = useState<string[]>([])
  const inherited = parent !== null
  const basicRules = useZodRules(CreateCampaignBodySchema)
  const categoryRules = useZodRules(CategoryInputSchema)
  const ruleRules = useZodRules(VotingRulesSchema)
  const [parentSearch, setParentSearch] = useState('')
  const parents = useCampaigns({ q: parentSearch || undefined, page: 1, pageSize: 20 })

  const rubricLabels = useMemo(
    () => [1, 2, 3].map((i) => t(`campaigns.wizard.defaultRubric${i}`)),
    [t],
  )
  useOnChange(`${parent?.id ?? ''}|${orgId ?? ''}`, () => {
    const keep = form.getFieldsValue(['name', 'description', 'coverImageUrl']) as WizardValues
    form.resetFields()
    form.setFieldsValue({
      ...initialValues(parent?.orgId ?? orgId, parent, rubricLabels),
      ...Object.fromEntries(Object.entries(keep).filter(([, v]) => v !== undefined)),
    })
    // Only a new parent (or scope) re-initialises the form.
  })

  const publicVotePct = Form.useWatch<number | undefined>(['rules', 'publicVotePct'], form)
  const juryPct = Form.useWatch<number | undefined>(['rules', 'juryPct'], form)

  const step = STEPS[current]!
  const goTo = (target: number) => {
    if (target > current) {
      for (let i = current; i < target; i++) {
        if (!validateStep(t, form, STEPS[i]!, inherited)) {
          setCurrent(i)
          return
        }
      }
    }
    setReviewErrors([])
    setCurrent(target)
  }

  const submit = () => {
    const values = form.getFieldsValue(true) as WizardValues
    const parsed = CreateCampaignBodySchema.safeParse(toCreateBody(values, inherited))
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      setReviewErrors(zodIssuesToFieldErrors(t, parsed.error.issues).flatMap((e) => e.errors))
      if (first) {
        const target = STEPS.indexOf(stepOfPath(first.path))
        validateStep(t, form, STEPS[target]!, inherited)
        setCurrent(target)
      }
      return
    }
    onSubmit(parsed.data)
  }

  const lockedNote = inherited ? (
    <Alert
      type="info"
      showIcon
      icon={<LockOutlined />}
      message={t('campaigns.wizard.inheritedLocked', { name: parent.name })}
      style={{ marginBottom: 16 }}
    />
  ) : null

  const panel = (key: StepKey, children: ReactNode) => (
    <div hidden={step !== key} data-testid={`wizard-step-${key}`}>
      {children}
    </div>
  )

  const values = form.getFieldsValue(true) as WizardValues
  const review = step === 'review' ? toCreateBody(values, inherited) : null

  return (
    <Card>
      <Steps
        current={current}
        size="small"
        onChange={goTo}
        items={STEPS.map((s) => ({ title: t(`campaigns.wizard.steps.${s}`) }))}
        style={{ marginBottom: 24 }}
      />
      <Form form={form} layout="vertical" onFinish={() => undefined}>
        {panel(
          'basics',
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('campaigns.fields.name')}
                name="name"
                rules={basicRules.name}
                required
              >
                <Input maxLength={100} placeholder={t('campaigns.wizard.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('campaigns.fields.honourTitle')}
                name="honourTitle"
                rules={basicRules.honourTitle}
                required
              >
                <Input maxLength={50} placeholder={t('campaigns.wizard.honourPlaceholder')} />
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
              <Form.Item
                label={t('campaigns.fields.org')}
                name="orgId"
                rules={basicRules.orgId}
                required
              >
                <OrgSelect
                  withinOrgId={parent?.orgId ?? orgId ?? null}
                  initialOption={
                    parent
                      ? { id: parent.orgId, name: parent.orgName }
                      : orgId
                        ? { id: orgId, name: orgName ?? '' }
                        : null
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('campaigns.fields.parent')}
                htmlFor="wizard-parent"
                extra={t('campaigns.wizard.parentHint')}
              >
                <FormSelect
                  id="wizard-parent"
                  allowClear
                  showSearch
                  filterOption={false}
                  onSearch={setParentSearch}
                  value={parent?.id}
                  placeholder={t('campaigns.wizard.parentPlaceholder')}
                  onChange={(v: string | undefined) => onParentChange(v)}
                  options={[
                    ...(parent ? [{ value: parent.id, label: parent.name }] : []),
                    ...(parents.data?.items ?? [])
                      .filter((c) => c.id !== parent?.id && c.parentCampaignId === null)
                      .map((c) => ({ value: c.id, label: `${c.name}（${c.orgName}）` })),
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('campaigns.fields.coverImageUrl')}
                name="coverImageUrl"
                rules={basicRules.coverImageUrl}
              >
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
          </Row>,
        )}
        {panel(
          'categories',
          <>
            <Typography.Paragraph type="secondary">
              {inherited
                ? t('campaigns.wizard.categoriesChildHint')
                : t('campaigns.wizard.categoriesHint')}
            </Typography.Paragraph>
            <Form.List name="categories">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, i) => (
                    <Row key={field.key} gutter={12} align="top">
                      <Col xs={14} md={14}>
                        <Form.Item
                          label={t('campaigns.wizard.categoryName', { n: i + 1 })}
                          name={[field.name, 'name']}
                          rules={categoryRules.name}
                          required
                        >
                          <Input maxLength={50} />
                        </Form.Item>
                      </Col>
                      <Col xs={7} md={7}>
                        <Form.Item
                          label={t('campaigns.wizard.honourCount', { n: i + 1 })}
                          name={[field.name, 'honourCount']}
                          rules={categoryRules.honourCount}
                          required
                        >
                          <InputNumber precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={3} md={3} style={{ paddingTop: 30 }}>
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={t('campaigns.wizard.removeCategory', { n: i + 1 })}
                          disabled={fields.length <= 1}
                          onClick={() => remove(field.name)}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 20}
                    onClick={() => add({ name: '', honourCount: 10 })}
                  >
                    {t('campaigns.wizard.addCategory')}
                  </Button>
                </>
              )}
            </Form.List>
          </>,
        )}
        {panel(
          'schedule',
          <>
            <Typography.Paragraph type="secondary">
              {t('campaigns.wizard.scheduleHint')}
            </Typography.Paragraph>
            <ScheduleFields
              idPrefix="schedule"
              onPhaseChange={(phase) => form.setFields([{ name: ['schedule', phase], errors: [] }])}
            />
          </>,
        )}
        {panel(
          'rules',
          <ConfigProvider componentDisabled={inherited}>
            {lockedNote}
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  label={t('campaigns.fields.eligibility')}
                  name={['rules', 'eligibility']}
                  rules={ruleRules.eligibility}
                  required
                >
                  <FormRadioGroup
                    aria-label={t('campaigns.fields.eligibility')}
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
                  extra={t('campaigns.wizard.sealedHint')}
                >
                  <Switch />
                </Form.Item>
              </Col>
              <VoteCountFields required />
              <BallotLimitFields />
              <VotingHoursFields idPrefix="rules" />
            </Row>
            <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
              {t('campaigns.wizard.weightsTitle')}
            </Typography.Title>
            <Row gutter={16}>
              <Col xs={12} md={8}>
                <Form.Item
                  label={t('campaigns.fields.publicVoteWeight')}
                  name={['rules', 'publicVotePct']}
                  rules={[rangeRule(t, 0, 100)]}
                  required
                >
                  <InputNumber step={5} addonAfter="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item
                  label={t('campaigns.fields.juryWeight')}
                  name={['rules', 'juryPct']}
                  rules={[rangeRule(t, 0, 100)]}
                  required
                >
                  <InputNumber step={5} addonAfter="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <WeightsExplanation publicVotePct={publicVotePct} juryPct={juryPct} />
          </ConfigProvider>,
        )}
        {panel(
          'jury',
          <ConfigProvider componentDisabled={inherited}>
            {lockedNote}
            <Row gutter={16}>
              <Col xs={12} md={8}>
                <Form.Item
                  label={t('campaigns.fields.minFrontLineShare')}
                  name={['quotas', 'minFrontLinePct']}
                  rules={[rangeRule(t, 0, 100)]}
                  extra={t('campaigns.wizard.frontLineHint')}
                >
                  <InputNumber step={5} addonAfter="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item
                  label={t('campaigns.fields.maxCandidatesPerHonour')}
                  name={['quotas', 'maxCandidatesPerHonour']}
                  rules={[rangeRule(t, 1, 100)]}
                  extra={t('campaigns.wizard.ratioHint')}
                >
                  <InputNumber step={0.5} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
              {t('campaigns.wizard.rubricTitle')}
            </Typography.Title>
            <RubricFields />
          </ConfigProvider>,
        )}
        {panel(
          'review',
          review ? <ReviewSummary body={review} inherited={inherited} parent={parent} /> : null,
        )}
        {reviewErrors.length > 0 ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t('campaigns.wizard.fixErrors')}
            description={reviewErrors.join('；')}
            style={{ margin: '16px 0' }}
          />
        ) : null}
        {submitError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={errorMessage(t, submitError)}
            style={{ margin: '16px 0' }}
          />
        ) : null}
        <Flex justify="space-between" style={{ marginTop: 24 }}>
          <Button disabled={current === 0} onClick={() => goTo(current - 1)}>
            {t('campaigns.wizard.prev')}
          </Button>
          {step === 'review' ? (
            // Plain buttons with distinct keys: the form never submits by itself (Enter in a
            // field, or a "next" button turned into a submit button mid-click).
            <Button key="create" type="primary" onClick={submit} loading={submitting}>
              {t('campaigns.wizard.create')}
            </Button>
          ) : (
            <Button key="next" type="primary" onClick={() => goTo(current + 1)}>
              {t('campaigns.wizard.next')}
            </Button>
          )}
        </Flex>
      </Form>
    </Card>
  )
}

type Body = {
  name?: string
  honourTitle?: string
  year?: number
  phaseMode?: string
  categories?: { name?: string; honourCount?: number }[]
  schedule?: Record<string, { startsAt: string; endsAt: string }> | null
  rules?: z.infer<typeof VotingRulesSchema>
  quotas?: { minFrontLineShare: number; maxCandidatesPerHonour?: number }
  rubric?: { label?: string; maxScore?: number }[]
}

const ReviewSummary = ({
  body: raw,
  inherited,
  parent,
}: {
  body: Record<string, unknown>
  inherited: boolean
  parent: Campaign | null
}) => {
  const { t } = useTranslation()
  const body = raw as Body
  const rules = inherited ? parent?.rules : body.rules
  const quotas = inherited ? parent?.quotas : body.quotas
  const rubric = inherited ? parent?.rubric : body.rubric
  const yesNo = (b: boolean | undefined) =>
    b ? t('campaigns.common.yes') : t('campaigns.common.no')
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        title={t('campaigns.wizard.steps.basics')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: t('campaigns.fields.name'), children: body.name },
          {
            key: 'honour',
            label: t('campaigns.fields.honourTitle'),
            children: body.honourTitle,
          },
          { key: 'year', label: t('campaigns.fields.year'), children: body.year },
          {
            key: 'mode',
            label: t('campaigns.fields.phaseMode'),
            children: t(`campaigns.phaseMode.${String(body.phaseMode)}`),
          },
          ...(parent
            ? [{ key: 'parent', label: t('campaigns.fields.parent'), children: parent.name }]
            : []),
        ]}
      />
      <Descriptions
        title={t('campaigns.wizard.steps.categories')}
        bordered
        size="small"
        column={1}
        items={(body.categories ?? []).map((c, i) => ({
          key: String(i),
          label: c.name,
          children: t('campaigns.wizard.honours', { count: c.honourCount ?? 0 }),
        }))}
      />
      <Descriptions
        title={t('campaigns.wizard.steps.schedule')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={SCHEDULED_PHASES.map((p) => ({
          key: p,
          label: t(`campaigns.phase.${p}`),
          children: body.schedule?.[p]
            ? `${formatDate(body.schedule[p].startsAt)} ~ ${formatDate(body.schedule[p].endsAt)}`
            : '—',
        }))}
      />
      {rules ? (
        <Descriptions
          title={
            inherited
              ? `${t('campaigns.wizard.steps.rules')}（${t('campaigns.wizard.inherited')}）`
              : t('campaigns.wizard.steps.rules')
          }
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'el',
              label: t('campaigns.fields.eligibility'),
              children: t(`campaigns.eligibility.${rules.eligibility}`),
            },
            { key: 'sealed', label: t('campaigns.fields.sealed'), children: yesNo(rules.sealed) },
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
              children: t('campaigns.wizard.weightsExplain', {
                publicVote: Math.round(rules.weights.publicVote * 100),
                jury: Math.round(rules.weights.jury * 100),
              }),
            },
          ]}
        />
      ) : null}
      {quotas && rubric ? (
        <Descriptions
          title={t('campaigns.wizard.steps.jury')}
          bordered
          size="small"
          column={1}
          items={[
            {
              key: 'fl',
              label: t('campaigns.fields.minFrontLineShare'),
              children: `${Math.round(quotas.minFrontLineShare * 100)}%`,
            },
            {
              key: 'ratio',
              label: t('campaigns.fields.maxCandidatesPerHonour'),
              children: quotas.maxCandidatesPerHonour ?? '—',
            },
            ...rubric.map((r, i) => ({
              key: `r${i}`,
              label: r.label,
              children: t('campaigns.wizard.points', { count: r.maxScore ?? 0 }),
            })),
          ]}
        />
      ) : null}
    </Space>
  )
}
