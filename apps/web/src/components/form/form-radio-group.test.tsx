import { screen } from '@testing-library/react'
import { Form } from 'antd'
import { describe, expect, it } from 'vitest'
import '../../test/setup'
import { makeSession, renderWithProviders } from '../../test/render'
import { FormRadioGroup } from './form-radio-group'

describe('FormRadioGroup', () => {
  it('is a named radiogroup, so the aria-required of a required Form.Item is allowed on it', () => {
    renderWithProviders(
      <Form>
        <Form.Item label="一线职工" name="isFrontLine" rules={[{ required: true }]}>
          <FormRadioGroup
            aria-label="一线职工"
            options={[
              { value: true, label: '是' },
              { value: false, label: '否' },
            ]}
          />
        </Form.Item>
      </Form>,
      makeSession([]),
    )
    const group = screen.getByRole('radiogroup', { name: '一线职工' })
    expect(group.getAttribute('aria-required')).toBe('true')
    expect(screen.getAllByRole('radio')).toHaveLength(2)
  })
})
