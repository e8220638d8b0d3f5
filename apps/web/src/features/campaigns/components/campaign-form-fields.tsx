import { SCHEDULED_PHASES, VotingRulesSchema, type ScheduledPhase } from '@unionhall/contracts'
import { Col, DatePicker, Form, InputNumber, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { useZodRules } from '../../../components/form/zod-form'

/**
 * Form sections shared by the campaign set-up wizard and the edit page, so both ask for the
 * schedule and the vote counts the same way.
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
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </>
  )
}
