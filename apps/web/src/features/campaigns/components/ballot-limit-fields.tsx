import { BallotLimitsSchema } from '@unionhall/contracts'
import { Col, Form, InputNumber, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useZodRules } from '../../../components/form/zod-form'

const FIELDS = [
  { key: 'perVoterPerMinute', min: 1, max: 600 },
  { key: 'perDevicePerMinute', min: 1, max: 6000 },
  { key: 'perIpPerMinute', min: 1000, max: 1_000_000 },
] as const

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
        <Col xs={24} md={8} key={f.key}>
          <Form.Item
            label={t(`campaigns.limits.${f.key}`)}
            name={['rules', 'limits', f.key]}
            rules={rules[f.key]}
          >
            <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </>
  )
}
