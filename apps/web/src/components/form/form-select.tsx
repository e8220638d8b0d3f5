import { Select, type SelectProps } from 'antd'

type Props<V> = SelectProps<V> & { 'aria-required'?: unknown }

/**
 * AntD Select for use inside a required Form.Item. Form.Item injects `aria-required`, which
 * Select also puts on its wrapper <div> (an axe "aria-allowed-attr" violation); drop it here.
 */
export const FormSelect = <V,>({ 'aria-required': _ariaRequired, ...props }: Props<V>) => (
  <Select<V> {...props} />
)
