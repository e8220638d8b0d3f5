import { BallotLimitsSchema } from '@unionhall/contracts'
import { Col, Form, InputNumber, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useZodRules } from '../../../components/form/zod-form'

// No min/max on the boxes (they would silently clamp what was typed): the contract's rules
// say when a value is out of range.
const FIELDS = ['perVoterPerMinute', 'perDevicePerMinute', 'perIpPerMinute'] as const

/**
 * The anti-fraud rate limits of a campaign's voting rules (per voter, device and IP per minute),
 * shared by the set-up wizard and the edit page (which locks them with the other rules once
 * voting opens).
 */
export const BallotLimitFields = () => {
  const { t } = useTranslation()
  const rules = useZodRules(BallotLimitsSchema)
  return (
    <>
      <Col xs={24}>
        <Typography.Text type="secondary">{t('campaigns.limits.hint')}</Typography.Text>
      </Col>
      {FIELDS.map((f) => (
        <Col xs={24} md={8} key={f}>
          <Form.Item
            label={t(`campaigns.limits.${f}`)}
            name={['rules', 'limits', f]}
            rules={rules[f]}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </>
  )
}
