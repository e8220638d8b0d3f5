import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { ApiError } from '../../../lib/api-error'
import { makeSession, renderWithProviders } from '../../../test/render'
import { ReviewDecisionForm } from './review-decision-form'

const session = makeSession(['campaign:read', 'campaign:review'])

describe('ReviewDecisionForm', { timeout: 60_000 }, () => {
  it('allows only the decisions of the review level', () => {
    renderWithProviders(
      <ReviewDecisionForm allowed={['forward', 'reject']} onSubmit={vi.fn()} resetKey="a" />,
      session,
    )
    expect(screen.getByRole('radio', { name: '通过' })).toHaveProperty('disabled', true)
    expect(screen.getByRole('radio', { name: '上报上级' })).toHaveProperty('disabled', false)
    expect(screen.getByRole('radio', { name: '上报上级' })).toHaveProperty('checked', true)
  })

  it('offers only the reasons that fit the decision', async () => {
    renderWithProviders(
      <ReviewDecisionForm allowed={['accept', 'reject']} onSubmit={vi.fn()} resetKey="a" />,
      session,
    )
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '理由' }))
    // Chosen already (the select shows it) and offered in the list.
    expect((await screen.findAllByText('符合条件')).length).toBeGreaterThan(1)
    expect(screen.queryByText('材料不完整')).toBeNull()
    expect(screen.queryByText('本人拒绝')).toBeNull()
    fireEvent.click(screen.getByRole('radio', { name: '驳回' }))
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '理由' }))
    expect(await screen.findByText('材料不完整')).toBeTruthy()
    expect(screen.queryByText('符合条件')).toBeNull()
  })

  it('approves with 符合条件 preselected: one click on 提交：通过 submits', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(
      <ReviewDecisionForm allowed={['accept', 'reject']} onSubmit={onSubmit} resetKey="a" />,
      session,
    )
    fireEvent.click(screen.getByRole('button', { name: /提交：通过/ }))
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ decision: 'accept', reason: 'meets_criteria' }),
    )
  })

  it('forwards with 符合条件 preselected too', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(
      <ReviewDecisionForm allowed={['forward', 'reject']} onSubmit={onSubmit} resetKey="a" />,
      session,
    )
    fireEvent.click(screen.getByRole('button', { name: /提交：上报上级/ }))
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ decision: 'forward', reason: 'meets_criteria' }),
    )
  })

  it('requires a reason for a rejection: says so and focuses the field', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(
      <ReviewDecisionForm allowed={['accept', 'reject']} onSubmit={onSubmit} resetKey="a" />,
      session,
    )
    fireEvent.click(screen.getByRole('radio', { name: '驳回' }))
    fireEvent.click(screen.getByRole('button', { name: /提交：驳回/ }))
    expect(await screen.findByText('请选择一项', {}, { timeout: 5000 })).toBeTruthy()
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('combobox', { name: '理由' })),
    )
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('submits the decision, the reason code and the note', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(
      <ReviewDecisionForm allowed={['accept', 'reject']} onSubmit={onSubmit} resetKey="a" />,
      session,
    )
    fireEvent.click(screen.getByRole('radio', { name: '驳回' }))
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '理由' }))
    fireEvent.click(await screen.findByText('材料不完整'))
    fireEvent.change(screen.getByRole('textbox', { name: '备注' }), {
      target: { value: '缺少单位推荐意见' },
    })
    fireEvent.click(screen.getByRole('button', { name: /提交：驳回/ }))
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        decision: 'reject',
        reason: 'incomplete_materials',
        note: '缺少单位推荐意见',
      }),
    )
  })

  it('shows an API error through its translated code', () => {
    renderWithProviders(
      <ReviewDecisionForm
        allowed={['accept', 'reject']}
        onSubmit={vi.fn()}
        error={new ApiError('NOMINATION_CONSENT_MISSING', 409, 'server text')}
      />,
      session,
    )
    expect(screen.getByRole('alert').textContent).toContain('被推荐人尚未确认，只能驳回')
  })
})
