import { fireEvent, screen, waitFor } from '@testing-library/react'
import { Form, Row } from 'antd'
import { describe, expect, it } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { VoteCountFields } from './campaign-form-fields'

const Harness = ({ onForm }: { onForm: (f: ReturnType<typeof Form.useForm>[0]) => void }) => {
  const [form] = Form.useForm()
  onForm(form)
  return (
    <Form form={form} initialValues={{ rules: { votesPerDay: 10 } }}>
      <Row>
        <VoteCountFields required />
      </Row>
    </Form>
  )
}

describe('VoteCountFields', { timeout: 60_000 }, () => {
  it('keeps an out-of-range number as typed and says the bound, instead of clamping it', async () => {
    let form: ReturnType<typeof Form.useForm>[0] | undefined
    renderWithProviders(<Harness onForm={(f) => (form = f)} />, makeSession([]))
    const box = screen.getByRole('spinbutton', { name: '每人每日票数' })
    fireEvent.focus(box)
    fireEvent.change(box, { target: { value: '150' } })
    fireEvent.blur(box)
    expect(await screen.findByText('不能大于 100', {}, { timeout: 5000 })).toBeTruthy()
    expect((box as HTMLInputElement).value).toBe('150')
    await waitFor(() => expect(form!.getFieldValue(['rules', 'votesPerDay'])).toBe(150))
  })
})
