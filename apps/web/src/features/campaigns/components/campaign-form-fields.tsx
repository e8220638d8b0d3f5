import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  RubricItemSchema,
  SCHEDULED_PHASES,
  VotingRulesSchema,
  type ScheduledPhase,
} from '@unionhall/contracts'
import {
  Button,
  Col,
  ConfigProvider,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Switch,
  TimePicker,
  Typography,
} from 'antd'
import type { Rule } from 'antd/es/form'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useZodRules } from '../../../components/form/zod-form'
import type { WizardValues } from './wizard/wizard-model'

/**
 * Form sections shared by the campaign set-up wizard and the edit page, so both ask for the
 * schedule, the vote counts, the voting hours and the jury rubric the same way.
 */

/** One date range per scheduled phase. `idPrefix` keeps the ids unique when both forms exist. */
export const ScheduleFields = ({
  idPrefix,
  onPhaseChange,
}: {
  idPrefix: string
  /** E.g. the wizard clears the phase's cross-field error when its dates change. */
  onPhaseChange?: (phase: ScheduledPhase) => void
}) => {
  const { t } = useTranslation()
  return (
    <Row gutter={16}>
      {SCHEDULED_PHASES.map((phase: ScheduledPhase) => (
        <Col xs={24} md={12} key={phase}>
          <Form.Item
            label={t(`campaigns.phase.${phase}`)}
            name={['schedule', phase]}
            required
            htmlFor={`${idPrefix}-${phase}`}
          >
            <DatePicker.RangePicker
              id={{ start: `${idPrefix}-${phase}`, end: `${idPrefix}-${phase}-end` }}
              style={{ width: '100%' }}
              placeholder={[
                t('campaigns.wizard.rangeStart', { phase: t(`campaigns.phase.${phase}`) }),
                t('campaigns.wizard.rangeEnd', { phase: t(`campaigns.phase.${phase}`) }),
              ]}
              onChange={onPhaseChange ? () => onPhaseChange(phase) : undefined}
            />
          </Form.Item>
        </Col>
      ))}
    </Row>
  )
}

/*
 * The number boxes here take no min/max: AntD's InputNumber silently puts a typed 150 back to
 * 100 when it loses focus. Without them the value stays as typed and the field's rule (the
 * contract's, or rangeRule) says what is wrong, naming the bound.
 */

/** An out-of-range number as a field error ("不能大于 100"), for a field without a contract rule. */
export const rangeRule = (t: TFunction, min: number, max: number): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'number') return
    if (value < min) throw new Error(t('validation.min', { min }))
    if (value > max) throw new Error(t('validation.max', { max }))
  },
})

const COUNT_FIELDS = ['votesPerDay', 'maxPerCandidatePerDay', 'maxChoicesPerBallot'] as const

/** Votes per voter per day, per candidate per day, and choices per ballot (columns of a Row). */
export const VoteCountFields = ({ required = false }: { required?: boolean }) => {
  const { t } = useTranslation()
  const rules = useZodRules(VotingRulesSchema)
  return (
    <>
      {COUNT_FIELDS.map((key) => (
        <Col xs={12} md={8} key={key}>
          <Form.Item
            label={t(`campaigns.fields.${key}`)}
            name={['rules', key]}
            rules={rules[key]}
            required={required}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </>
  )
}

/**
 * Round-the-clock voting, or the daily voting hours (Asia/Shanghai) when it is off (columns of a
 * Row). `idPrefix` keeps the ids unique when both forms exist.
 */
export const VotingHoursFields = ({ idPrefix }: { idPrefix: string }) => {
  const { t } = useTranslation()
  const form = Form.useFormInstance()
  const roundTheClock = Form.useWatch<boolean | undefined>(['rules', 'roundTheClock'], form)
  return (
    <>
      <Col xs={12} md={8}>
        <Form.Item
          label={t('campaigns.fields.roundTheClock')}
          name={['rules', 'roundTheClock']}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Col>
      {roundTheClock ? null : (
        <Col xs={24} md={16}>
          <Form.Item
            label={t('campaigns.fields.hours')}
            name={['rules', 'hours']}
            htmlFor={`${idPrefix}-hours`}
            extra={t('campaigns.wizard.hoursHint')}
          >
            <TimePicker.RangePicker
              id={{ start: `${idPrefix}-hours`, end: `${idPrefix}-hours-end` }}
              format="HH:mm"
              minuteStep={5}
              order={false}
              placeholder={[t('campaigns.wizard.hoursStart'), t('campaigns.wizard.hoursEnd')]}
            />
          </Form.Item>
        </Col>
      )}
    </>
  )
}

const MAX_RUBRIC_ITEMS = 10

/**
 * The jury rubric: 1–10 items, each a label and a maximum score, with the total. Items keep
 * their saved key (hidden) so an edit never renames the scores jurors give; new items get one
 * when the body is built. Disabled with the surrounding ConfigProvider.
 */
export const RubricFields = () => {
  const { t } = useTranslation()
  const { componentDisabled } = ConfigProvider.useConfig()
  const form = Form.useFormInstance()
  const rules = useZodRules(RubricItemSchema)
  const rubric = Form.useWatch<WizardValues['rubric']>('rubric', form)
  const total = (rubric ?? []).reduce((s, r) => s + (r?.maxScore ?? 0), 0)
  return (
    <Form.List name="rubric">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Row key={field.key} gutter={12}>
              <Col xs={14}>
                <Form.Item
                  label={t('campaigns.wizard.rubricLabel', { n: i + 1 })}
                  name={[field.name, 'label']}
                  rules={rules.label}
                  required
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={7}>
                <Form.Item
                  label={t('campaigns.wizard.rubricMax', { n: i + 1 })}
                  name={[field.name, 'maxScore']}
                  rules={rules.maxScore}
                  required
                >
                  <InputNumber precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={3} style={{ paddingTop: 30 }}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('campaigns.wizard.removeRubric', { n: i + 1 })}
                  // An explicit `disabled` overrides the ConfigProvider's, so merge both.
                  disabled={componentDisabled || fields.length <= 1}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Flex gap={12} align="center" wrap>
            <Button
              icon={<PlusOutlined />}
              disabled={componentDisabled || fields.length >= MAX_RUBRIC_ITEMS}
              onClick={() => add({ label: '', maxScore: 10 })}
            >
              {t('campaigns.wizard.addRubric')}
            </Button>
            <Typography.Text type="secondary">
              {t('campaigns.wizard.rubricTotal', { total })}
            </Typography.Text>
          </Flex>
        </>
      )}
    </Form.List>
  )
}
