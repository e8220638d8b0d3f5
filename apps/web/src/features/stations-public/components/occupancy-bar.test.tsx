import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import '../../../test/setup'
import { renderUi } from '../test/render'
import { OccupancyBar } from './occupancy-bar'

describe('occupancy bar', () => {
  it('shows the count against capacity', () => {
    renderUi(
      <OccupancyBar
        occupancy={{ count: 8, capacity: 15, updatedAt: '2026-11-29T02:00:00Z', stale: false }}
      />,
    )
    expect(screen.getByText('8 / 15 人')).toBeTruthy()
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('8')
    expect(screen.queryByText('近半小时没有人扫码签到或签出，人数仅供参考')).toBeNull()
    expect(screen.queryByText('已满')).toBeNull()
  })

  it('never shows more people than there is room for, and marks stale figures', () => {
    renderUi(
      <OccupancyBar
        occupancy={{ count: 17, capacity: 15, updatedAt: '2026-11-28T02:00:00Z', stale: true }}
      />,
    )
    expect(screen.getByText('15 / 15 人')).toBeTruthy()
    expect(screen.getByText('已满')).toBeTruthy()
    expect(screen.getByText('近半小时没有人扫码签到或签出，人数仅供参考')).toBeTruthy()
    const fill = screen.getByRole('meter').firstElementChild as HTMLElement
    expect(fill.style.width).toBe('100%')
  })
})
