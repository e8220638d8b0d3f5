import type { Shift } from '@unionhall/contracts'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../../../test/setup'
import { ApiError } from '../../../../lib/api-error'
import { renderWithProviders } from '../../../../test/render'
import { ShiftFormModal } from './shift-form-modal'

const at = (s: string) => new Date(`${s}:00+08:00`).toISOString()
const now = () => Date.parse(at('2026-12-10T12:00'))
const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'

const shift = (startsAt: string, endsAt: string): Shift => ({
  id: '01a2270b-9000-7000-8000-000000000001',
  stationId: '01a2270b-9000-7000-8000-0000000000aa',
  memberId: '01a2270b-9000-7000-8000-0000000000b1',
  memberName: '王海军',
  role: 'party_volunteer',
  startsAt,
  endsAt,
  note: '带钥匙',
  createdAt: at('2026-12-01T09:00'),
})

const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }))

describe('ShiftFormModal', { timeout: 60_000 }, () => {
  it('asks for a person before saving a new shift', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(
      <ShiftFormModal
        open
        orgId={ORG}
        shift={null}
        date="2026-12-11"
        now={now}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    )
    save()
    expect(await screen.findByText('请选择值班人', {}, { timeout: 5000 })).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('refuses an end equal to the start', async () => {
    const onSubmit = vi.fn()
    // A 24-hour shift reads back as the same clock time, which the form cannot express.
    renderWithProviders(
      <ShiftFormModal
        open
        orgId={ORG}
        shift={shift(at('2026-12-11T08:00'), at('2026-12-12T08:00'))}
        now={now}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    )
    save()
    expect(
      await screen.findByText('结束时间不能与开始时间相同', {}, { timeout: 5000 }),
    ).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('refuses a shift more than a day in the past', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(
      <ShiftFormModal
        open
        orgId={ORG}
        shift={shift(at('2026-12-08T08:00'), at('2026-12-08T12:00'))}
        now={now}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    )
    save()
    expect(await screen.findByText('不能安排一天以前的值班', {}, { timeout: 5000 })).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('submits UTC instants; an end before the start is the next morning', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(
      <ShiftFormModal
        open
        orgId={ORG}
        shift={shift(at('2026-12-11T22:00'), at('2026-12-12T06:00'))}
        now={now}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    )
    expect(screen.getByText('结束于次日')).toBeTruthy()
    save()
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1), { timeout: 5000 })
    expect(onSubmit).toHaveBeenCalledWith({
      memberId: '01a2270b-9000-7000-8000-0000000000b1',
      role: 'party_volunteer',
      startsAt: '2026-12-11T14:00:00.000Z',
      endsAt: '2026-12-11T22:00:00.000Z',
      note: '带钥匙',
    })
  })

  it("shows the server's refusal, e.g. an overlapping shift", () => {
    renderWithProviders(
      <ShiftFormModal
        open
        orgId={ORG}
        shift={shift(at('2026-12-11T08:00'), at('2026-12-11T12:00'))}
        now={now}
        error={new ApiError('SHIFT_OVERLAP', 409, '此人在该时段已有值班安排')}
        onSubmit={vi.fn()}
        onCancel={vi.fn()}
      />,
    )
    expect(screen.getByText('此人在该时段已有值班安排')).toBeTruthy()
  })
})
