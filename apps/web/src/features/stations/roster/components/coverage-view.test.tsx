import type { Coverage, Session, Shift } from '@unionhall/contracts'
import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../../../test/setup'
import { makeSession, renderWithProviders } from '../../../../test/render'
import { CoverageView } from './coverage-view'
import { RosterGrid } from './roster-grid'

/** ISO of a Shanghai local time. */
const at = (s: string) => new Date(`${s}:00+08:00`).toISOString()

// 3 Dec: open 07:00–22:00, covered until 14:30; a night opening 22:00 → 4 Dec 02:00, nobody there.
const coverage: Coverage = {
  from: at('2026-12-03T00:00'),
  to: at('2026-12-05T00:00'),
  intervals: [
    { start: at('2026-12-03T07:00'), end: at('2026-12-03T10:00'), covered: true, staffCount: 1 },
    { start: at('2026-12-03T10:00'), end: at('2026-12-03T14:00'), covered: true, staffCount: 2 },
    { start: at('2026-12-03T14:00'), end: at('2026-12-03T14:30'), covered: true, staffCount: 1 },
    { start: at('2026-12-03T14:30'), end: at('2026-12-04T02:00'), covered: false, staffCount: 0 },
  ],
  coveredPercent: 39,
  openMinutes: 1140,
  coveredMinutes: 450,
  uncovered: [{ start: at('2026-12-03T14:30'), end: at('2026-12-04T02:00') }],
  holidayCalendarEndsOn: '2026-12-31',
  beyondHolidayCalendar: false,
}

const shift = (over: Partial<Shift>): Shift => ({
  id: '01a2270b-9000-7000-8000-000000000001',
  stationId: '01a2270b-9000-7000-8000-0000000000aa',
  memberId: '01a2270b-9000-7000-8000-0000000000b1',
  memberName: '王海军',
  role: 'staff',
  startsAt: at('2026-12-03T07:00'),
  endsAt: at('2026-12-03T14:30'),
  note: '',
  createdAt: at('2026-12-01T09:00'),
  ...over,
})

describe('CoverageView', { timeout: 60_000 }, () => {
  it('shows the covered share and every uncovered stretch', () => {
    renderWithProviders(<CoverageView coverage={coverage} days={14} />)
    expect(screen.getAllByText('开放时段覆盖率 39%').length).toBeGreaterThan(0)
    expect(screen.getByText('未来 14 天有 1 段开放时间无人值班，共 11.5 小时')).toBeTruthy()
    const gaps = screen.getAllByTestId('uncovered-interval')
    expect(gaps.map((g) => g.textContent)).toEqual(['12-03 14:30–12-04 02:00'])
  })

  it('says so when everything is covered, with no red', () => {
    renderWithProviders(
      <CoverageView
        coverage={{
          ...coverage,
          intervals: coverage.intervals.slice(0, 3),
          uncovered: [],
          coveredPercent: 100,
        }}
        days={14}
      />,
    )
    expect(screen.getByText('未来 14 天的开放时段均有人值班')).toBeTruthy()
    expect(screen.queryAllByTestId('uncovered-interval')).toHaveLength(0)
  })
})

describe('CoverageView and the end of the holiday calendar', { timeout: 60_000 }, () => {
  // From 19 December the 14 days reach 2027, which the built-in calendar does not know.
  const late: Coverage = {
    ...coverage,
    from: at('2026-12-19T10:00'),
    to: at('2027-01-02T00:00'),
    beyondHolidayCalendar: true,
  }
  const platformAdmin = (): Session => {
    const s = makeSession(['station:read'])
    return { ...s, grants: s.grants.map((g) => ({ ...g, role: 'platform_admin' as const })) }
  }

  it('says nothing while the window stays within the calendar', () => {
    renderWithProviders(
      <CoverageView coverage={coverage} days={14} />,
      makeSession(['station:read']),
    )
    expect(screen.queryByTestId('holiday-calendar-alert')).toBeNull()
  })

  it('warns staff that later days ignore holidays and that an admin must add the year', () => {
    renderWithProviders(<CoverageView coverage={late} days={14} />, makeSession(['station:read']))
    const alert = screen.getByTestId('holiday-calendar-alert')
    expect(alert.textContent).toContain('节假日安排只到 2026-12-31：之后的节假日和调休按普通日计算')
    expect(alert.textContent).toContain('请平台管理员补充 2027 年节假日安排。')
    expect(alert.textContent).not.toContain('HOLIDAYS_FILE')
  })

  it('tells a platform admin how to add the year', () => {
    renderWithProviders(<CoverageView coverage={late} days={14} />, platformAdmin())
    expect(screen.getByTestId('holiday-calendar-alert').textContent).toMatch(
      /2027 年部分节假日安排的通知.*HOLIDAYS_FILE/,
    )
  })

  it('says the calendar has ended once the window starts after it', () => {
    renderWithProviders(
      <CoverageView
        coverage={{ ...late, from: at('2027-01-05T10:00'), to: at('2027-01-19T00:00') }}
        days={14}
      />,
      makeSession(['station:read']),
    )
    expect(screen.getByTestId('holiday-calendar-alert').textContent).toContain(
      '节假日安排已于 2026-12-31 结束',
    )
  })
})

describe('RosterGrid', { timeout: 60_000 }, () => {
  const dates = ['2026-12-03', '2026-12-04', '2026-12-05']

  it('draws hatched bars for uncovered opening hours on each day they touch, at their clock times', () => {
    renderWithProviders(
      <RosterGrid
        dates={dates}
        shifts={[]}
        coverage={coverage}
        canManage={false}
        onAdd={vi.fn()}
        onEdit={vi.fn()}
      />,
    )
    const day3 = screen.getByTestId('roster-day-2026-12-03')
    const day4 = screen.getByTestId('roster-day-2026-12-04')
    const day5 = screen.getByTestId('roster-day-2026-12-05')
    const red3 = day3.querySelectorAll<HTMLElement>('[data-testid="coverage-gap"]')
    const red4 = day4.querySelectorAll<HTMLElement>('[data-testid="coverage-gap"]')
    expect(red3).toHaveLength(1)
    expect(red4).toHaveLength(1)
    expect(day5.querySelectorAll('[data-testid="coverage-gap"]')).toHaveLength(0)
    // 14:30 is 60.4% of the day; the night part on the 4th runs 00:00–02:00.
    expect(red3[0]!.style.left).toBe(`${(870 / 1440) * 100}%`)
    expect(red4[0]!.style.left).toBe('0%')
    expect(red4[0]!.style.width).toBe(`${(120 / 1440) * 100}%`)
    // Covered pieces of the 3rd are green, three of them (1, 2, 1 people).
    expect(day3.querySelectorAll('[data-testid="coverage-covered"]')).toHaveLength(3)
  })

  it('lists shifts as blocks; only station managers can open or add them', () => {
    const onEdit = vi.fn()
    const onAdd = vi.fn()
    const s = shift({})
    const { rerender } = renderWithProviders(
      <RosterGrid
        dates={dates}
        shifts={[s]}
        coverage={coverage}
        canManage={false}
        onAdd={onAdd}
        onEdit={onEdit}
      />,
      makeSession(['station:read']),
    )
    const block = screen.getByRole('button', { name: '王海军 07:00–14:30' })
    expect(block).toHaveProperty('disabled', true)
    expect(screen.queryByRole('button', { name: '在 2026-12-03 添加值班' })).toBeNull()

    rerender(
      <RosterGrid
        dates={dates}
        shifts={[s]}
        coverage={coverage}
        canManage
        onAdd={onAdd}
        onEdit={onEdit}
      />,
    )
    screen.getByRole('button', { name: '王海军 07:00–14:30' }).click()
    expect(onEdit).toHaveBeenCalledWith(s)
    screen.getByRole('button', { name: '在 2026-12-04 添加值班' }).click()
    expect(onAdd).toHaveBeenCalledWith('2026-12-04')
  })
})
