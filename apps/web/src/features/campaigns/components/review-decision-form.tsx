import { useOnChange } from '../../../components/form/use-on-change'
import { REVIEW_REASONS_BY_DECISION, ReviewNominationBodySchema } from '@unionhall/contracts'
import { Alert, Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { FormRadioGroup } from '../../../components/form/form-radio-group'
import { FormSelect } from '../../../components/form/form-select'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { errorMessage } from '../../../lib/error-message'

export type ReviewBody = z.infer<typeof ReviewNominationBodySchema>
type Decision = ReviewBody['decision']

type Props = {
  /** The decisions this review level allows: lower levels forward, the top level accepts. */
  allowed: readonly Decision[]
  onSubmit: (body: ReviewBody) => void
  submitting?: boolean
  error?: unknown
  /** Resets the form when it changes (another nomination). */
  resetKey?: string
}

/** The reason that goes without saying for a decision: a nomination passed meets the criteria. */
const naturalReason = (decision: Decision | undefined): ReviewBody['reason'] | undefined =>
  decision === 'accept' || decision === 'forward' ? 'meets_criteria' : undefined

/**
 * Accept, reject or forward a nomination, with a reason code and an optional note. A missing
 * reason is said under the field, which takes the focus, so a click never does nothing.
 */
export const ReviewDecisionForm = ({ allowed, onSubmit, submitting, error, resetKey }: Props) => {
  const { t } = useTranslation()
  const [form] = Form.useForm<Partial<ReviewBody>>()
  const rules = useZodRules(ReviewNominationBodySchema)
  const decision = Form.useWatch('decision', form)

  useOnChange(resetKey, () => {
    form.resetFields()
    form.setFieldsValue({ decision: allowed[0], reason: naturalReason(allowed[0]) })
  })
  // The reasons that fit the chosen decision; a reason picked for another decision gives way
  // to the decision's natural one (符合条件 for accept and forward; none for a rejection, whose
  // reason the reviewer must choose).
  const reasons = REVIEW_REASONS_BY_DECISION[decision ?? allowed[0] ?? 'accept']
  useOnChange(decision, () => {
    const picked = form.getFieldValue('reason') as ReviewBody['reason'] | undefined
    if (!picked || !reasons.includes(picked))
      form.setFieldsValue({ reason: naturalReason(decision ?? allowed[0]) })
  })

  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="review-decision-form"
      scrollToFirstError={{ focus: true, block: 'center' }}
      onFinish={(values) => {
        const body = parseFormValues(t, form, ReviewNominationBodySchema, values)
        if (body) onSubmit(body)
      }}
    >
      <Form.Item
        label={t('campaigns.review.decision')}
        name="decision"
        rules={rules.decision}
        required
      >
        <FormRadioGroup
          aria-label={t('campaigns.review.decision')}
          optionType="button"
          buttonStyle="solid"
          options={(['accept', 'forward', 'reject'] as const).map((d) => ({
            value: d,
            label: t(`campaigns.review.decisions.${d}`),
            disabled: !allowed.includes(d),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('campaigns.review.reason')}
        name="reason"
        rules={rules.reason}
        required
        htmlFor="review-reason"
      >
        <FormSelect
          id="review-reason"
          placeholder={t('campaigns.review.reasonPlaceholder')}
          options={reasons.map((r) => ({
            value: r,
            label: t(`campaigns.review.reasons.${r}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('campaigns.review.note')} name="note" rules={rules.note}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        danger={decision === 'reject'}
        loading={submitting}
        block
      >
        {t('campaigns.review.submit', {
          decision: t(`campaigns.review.decisions.${decision ?? allowed[0] ?? 'accept'}`),
        })}
      </Button>
    </Form>
  )
}
