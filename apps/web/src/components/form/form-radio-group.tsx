import { Radio, type RadioGroupProps } from 'antd'

type Props = RadioGroupProps & {
  /** The group's name for screen readers: the Form.Item label (its <label> names no input). */
  'aria-label': string
}

/** Kept by Radio.Group on its <div> (it passes role and aria-* attributes through). */
const RADIOGROUP = { role: 'radiogroup' } as Record<string, string>

/**
 * AntD Radio.Group for use inside a required Form.Item. Form.Item puts `aria-required` on the
 * group's <div>, which has no role: an axe "aria-allowed-attr" violation (critical). As a named
 * radiogroup the attribute is allowed, and screen readers announce the question and that it
 * must be answered.
 */
export const FormRadioGroup = (props: Props) => <Radio.Group {...props} {...RADIOGROUP} />
