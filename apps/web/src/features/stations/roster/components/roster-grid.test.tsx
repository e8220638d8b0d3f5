import type { Coverage, Shift } from '@unionhall/contracts'
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import '../../../../test/setup'
import { renderWithProviders } from '../../../../test/render'
import { shanghaiMs } from '../lib/roster-model'
import { COVERAGE_STYLE } from './coverage-view'
import { BAR_TEXT_COLOR, ROLE_COLOR, RosterGrid, RosterLegend } from './roster-grid'

const DATE = '2099-12-03'
const iso = (hhmm: string) => new Date(shanghaiMs(DATE, hhmm)).toISOString()

const partyShift: Shift = {
  id: '01a2270b-9000-7000-8000-000000000001',
  stationId: '01a2270b-9000-7000-8000-0000000000aa',
  memberId: '01a2270b-9000-7000-8000-0000000000b1',
  memberName: '钱卫国',
  role: 'party_volunteer',
  startsAt: iso('08:00'),
  endsAt: iso('12:00'),
  note: '',
  createdAt: iso('07:00'),
}

const coverage: Coverage = {
  from: iso('00:00'),
  to: iso('23:59'),
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

/** WCAG contrast ratio of two #rrggbb colours. */
const contrast = (a: string, b: string) => {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('roster grid colours', () => {
  it('keeps uncovered hours apart from the party-member red, and says so in the legend', () => {
    renderWithProviders(
      <>
        <RosterLegend />
        <RosterGrid
          dates={[DATE]}
          shifts={[partyShift]}
          coverage={coverage}
          canManage={false}
          onAdd={() => undefined}
          onEdit={() => undefined}
        />
      </>,
    )
    const legend = screen.getByRole('list', { name: '图例' })
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['值班人员', '党员志愿者', '有人值班', '未覆盖'])
    const bar = screen.getByRole('button', { name: '钱卫国 08:00–12:00' })
    const gap = screen.getByTestId('coverage-gap')
    const swatch = (key: string) =>
      screen.getByTestId(`legend-${key}`).querySelector<HTMLElement>('span')!.style
    const PARTY_RED = 'rgb(207, 19, 34)'
    expect(bar.style.background).toBe(PARTY_RED)
    expect(swatch('party_volunteer').backgroundColor).toBe(PARTY_RED)
    // The gap is hatched, drawn as the legend's 未覆盖 entry, in no role's colour.
    expect(gap.style.backgroundImage).toMatch(/^repeating-linear-gradient\(/)
    expect(swatch('uncovered').backgroundImage).toBe(gap.style.backgroundImage)
    expect(swatch('uncovered').backgroundColor).toBe(gap.style.backgroundColor)
    const staffBlue = swatch('staff').backgroundColor
    for (const roleColour of [PARTY_RED, staffBlue]) {
      expect(gap.style.backgroundColor).not.toBe(roleColour)
      expect(gap.style.backgroundImage).not.toContain(roleColour)
    }
    expect(COVERAGE_STYLE.uncovered.backgroundImage).not.toContain(ROLE_COLOR.party_volunteer)
  })

  it('gives the text on shift bars at least 4.5:1', () => {
    for (const color of Object.values(ROLE_COLOR))
      expect(contrast(color, BAR_TEXT_COLOR)).toBeGreaterThanOrEqual(4.5)
  })
})
