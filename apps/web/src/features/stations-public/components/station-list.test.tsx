import { screen, within } from '@testing-library/react'
import type { NearestHit } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import '../../../test/setup'
import { renderUi } from '../test/render'
import { StationList, UnderstoodLine } from './station-list'

const hit = (over: Partial<NearestHit>): NearestHit => ({
  id: '01a2270b-7dd3-7662-b520-0268f56c8101',
  name: '筑友驿站',
  kind: 'construction_site',
  address: '龙岗区建设路 1 号',
  lat: 22.72,
  lng: 114.25,
  distanceM: 850,
  amenities: ['microwave', 'toilet'],
  alwaysOpen: false,
  openNow: true,
  capacity: 15,
  ...over,
})

describe('nearest stations list', () => {
  it('shows each station with distance, open state, amenities, capacity and links', () => {
    renderUi(
      <StationList
        system="gcj02"
        items={[
          hit({}),
          hit({
            id: '01a2270b-7dd3-7662-b520-0268f56c8102',
            name: '环卫爱心驿站',
            kind: 'sanitation',
            distanceM: 2345,
            openNow: false,
            alwaysOpen: true,
            amenities: ['drinking_water'],
            capacity: 6,
          }),
        ]}
      />,
    )
    const list = screen.getByRole('list', { name: '驿站列表，按距离排序' })
    const items = [...list.querySelectorAll<HTMLElement>(':scope > li')]
    expect(items).toHaveLength(2)
    const [first, second] = items as [HTMLElement, HTMLElement]

    expect(within(first).getByRole('heading', { name: '筑友驿站' })).toBeTruthy()
    expect(within(first).getByText('850 米')).toBeTruthy()
    expect(within(first).getByText('营业中')).toBeTruthy()
    expect(within(first).getByText('可容纳 15 人')).toBeTruthy()
    expect(within(first).getByText('工地驿站')).toBeTruthy()
    expect(within(first).getByRole('list', { name: '设施' }).textContent).toContain('微波炉')
    expect(within(first).getByRole('list', { name: '设施' }).textContent).toContain('卫生间')
    const walk = within(first).getByRole('link', { name: '步行导航' })
    expect(walk.getAttribute('href')).toBe(
      `https://uri.amap.com/navigation?to=114.250000,22.720000,${encodeURIComponent('筑友驿站')}&mode=walk&coordinate=gaode&callnative=1&src=unionhall`,
    )
    expect(within(first).getByRole('link', { name: '查看详情' }).getAttribute('href')).toBe(
      '/s/01a2270b-7dd3-7662-b520-0268f56c8101',
    )

    expect(within(second).getByText('2.3 公里')).toBeTruthy()
    expect(within(second).getByText('已关门')).toBeTruthy()
    expect(within(second).getByText('24小时')).toBeTruthy()
    expect(within(second).getByText('环卫休息点')).toBeTruthy()
  })

  it('hides distances when there is no real position', () => {
    renderUi(
      <StationList system="wgs84" items={[hit({ distanceM: 1_200_000 })]} showDistance={false} />,
    )
    expect(screen.queryByText(/公里/)).toBeNull()
  })

  it('says so when nothing matches', () => {
    renderUi(<StationList system="wgs84" items={[]} />)
    expect(screen.getByText('附近没有符合条件的驿站。可以少选几个条件再试试。')).toBeTruthy()
  })
})

describe('understood query line', () => {
  it('shows how the search text was read', () => {
    renderUi(
      <UnderstoodLine understood={{ amenities: ['microwave'], alwaysOpen: true, text: null }} />,
    )
    expect(screen.getByRole('status').textContent).toBe('已理解：微波炉(热饭) · 24小时')
  })

  it('includes left-over text as a name or place search', () => {
    renderUi(
      <UnderstoodLine
        understood={{ amenities: ['ebike_charging'], alwaysOpen: false, text: '龙岗' }}
      />,
    )
    expect(screen.getByRole('status').textContent).toBe('已理解：电动车充电 · “龙岗”')
  })

  it('shows nothing when there was nothing to understand', () => {
    const { container } = renderUi(
      <UnderstoodLine understood={{ amenities: [], alwaysOpen: false, text: null }} />,
    )
    expect(container.textContent).toBe('')
  })
})
