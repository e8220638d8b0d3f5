import type { Coverage, Shift, ShiftList, Station } from '@unionhall/contracts'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../../test/setup'
import { makeSession, renderWithProviders } from '../../../../test/render'
import { DAY_MS, shanghaiDate, shanghaiMs } from '../lib/roster-model'
import { RosterTab } from './roster-tab'

const STATION_ID = '01a2270b-9000-7000-8000-0000000000aa'
const station = {
  id: STATION_ID,
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  name: '筑友驿站',
  status: 'active',
} as Station

const tomorrow = shanghaiDate(Date.now() + DAY_MS)
const iso = (hhmm: string, date = tomorrow) => new Date(shanghaiMs(date, hhmm)).toISOString()

const shift: Shift = {
  id: '01a2270b-9000-7000-8000-000000000001',
  stationId: STATION_ID,
  memberId: '01a2270b-9000-7000-8000-0000000000b1',
  memberName: '王海军',
  role: 'staff',
  startsAt: iso('08:00'),
  endsAt: iso('12:00'),
  note: '',
  createdAt: iso('07:00'),
}

const coverage: Coverage = {
  from: iso('00:00'),
  to: iso('00:00', shanghaiDate(Date.now() + 15 * DAY_MS)),
  intervals: [
    { start: iso('08:00'), end: iso('12:00'), covered: true, staffCount: 1 },
    { start: iso('12:00'), end: iso('18:00'), covered: false, staffCount: 0 },
  ],
  coveredPercent: 40,
  openMinutes: 600,
  coveredMinutes: 240,
  uncovered: [{ start: iso('12:00'), end: iso('18:00') }],
  holidayCalendarEndsOn: '2099-12-31',
  beyondHolidayCalendar: false,
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A fake server; records the writes it was asked. */
const serve = () => {
  const writes: Array<{ method: string; path: string; body: unknown }> = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const u = new URL(url, 'http://localhost')
      const method = init?.method ?? 'GET'
      if (method === 'GET' && u.pathname === `/api/v1/stations/${STATION_ID}/shifts`) {
        const list: ShiftList = {
          from: u.searchParams.get('from')!,
          to: u.searchParams.get('to')!,
          items: [shift],
        }
        return json(list)
      }
      if (method === 'GET' && u.pathname === `/api/v1/stations/${STATION_ID}/coverage`) {
        return json(coverage)
      }
      if (method === 'PATCH') {
        writes.push({ method, path: u.pathname, body: JSON.parse(init?.body as string) })
        return json({ error: { code: 'SHIFT_OVERLAP', message: '此人在该时段已有值班安排' } }, 409)
      }
      return json({ error: { code: 'NOT_FOUND', message: 'no' } }, 404)
    }),
  )
  return writes
}

afterEach(() => vi.unstubAllGlobals())

describe('RosterTab', { timeout: 60_000 }, () => {
  it('loads the roster and coverage, with the uncovered hours marked', async () => {
    serve()
    renderWithProviders(<RosterTab station={station} />, makeSession(['station:read']))
    expect(
      (await screen.findAllByText('开放时段覆盖率 40%', {}, { timeout: 10_000 })).length,
    ).toBeGreaterThan(0)
    const day = screen.getByTestId(`roster-day-${tomorrow}`)
    await waitFor(() =>
      expect(day.querySelectorAll('[data-testid="coverage-gap"]')).toHaveLength(1),
    )
    expect(screen.getByRole('button', { name: '王海军 08:00–12:00' })).toHaveProperty(
      'disabled',
      true,
    )
  })

  it('opens a shift for editing and shows why the server refused the change', async () => {
    const writes = serve()
    renderWithProviders(
      <RosterTab station={station} />,
      makeSession(['station:read', 'station:manage']),
    )
    fireEvent.click(
      await screen.findByRole('button', { name: '王海军 08:00–12:00' }, { timeout: 10_000 }),
    )
    fireEvent.click(await screen.findByRole('button', { name: /保\s*存/ }, { timeout: 10_000 }))
    expect(
      await screen.findByText('此人在该时段已有值班安排', {}, { timeout: 10_000 }),
    ).toBeTruthy()
    expect(writes).toEqual([
      {
        method: 'PATCH',
        path: `/api/v1/stations/${STATION_ID}/shifts/${shift.id}`,
        body: {
          memberId: shift.memberId,
          role: 'staff',
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          note: '',
        },
      },
    ])
  })
})
