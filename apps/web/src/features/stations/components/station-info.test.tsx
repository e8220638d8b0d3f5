import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { Station } from '@unionhall/contracts'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { StationInfo } from './station-info'

const station: Station = {
  id: '01a2270b-9000-7000-8000-000000000001',
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  orgName: '龙岗区建筑行业工联会',
  name: '筑友驿站',
  kind: 'construction_site',
  status: 'active',
  closedReason: null,
  address: '深圳市龙岗区龙城街道',
  lat: 22.72,
  lng: 114.24,
  schedule: { alwaysOpen: true, weekly: [] },
  capacity: 15,
  amenities: ['microwave'],
  zones: [],
  contactName: '李乾坤',
  contactMobileMasked: '139****0015',
  dutyPhone: null,
  photos: [],
  services: [],
  description: '',
  openNow: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
}

const render = (permissions: Parameters<typeof makeSession>[0], over: Partial<Station> = {}) =>
  renderWithProviders(
    <MemoryRouter>
      <StationInfo station={{ ...station, ...over }} />
    </MemoryRouter>,
    makeSession(permissions),
  )

afterEach(() => vi.unstubAllGlobals())

describe('StationInfo contact', { timeout: 60_000 }, () => {
  it('shows a volunteer (station:read) the masked mobile and no way to reveal it', () => {
    render(['station:read'])
    expect(screen.getByTestId('station-contact').textContent).toBe('李乾坤 139****0015')
    expect(screen.queryByRole('button', { name: /查看完整号码|显示完整/ })).toBeNull()
    expect(screen.queryAllByRole('button')).toHaveLength(0)
  })

  it('lets staff (station:manage) reveal the full mobile on request', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify({ contactName: '李乾坤', contactMobile: '13912340015' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    )
    vi.stubGlobal('fetch', fetchMock)
    render(['station:read', 'station:manage'])
    const [button] = screen.getAllByRole('button')
    fireEvent.click(button!)
    await waitFor(() =>
      expect(screen.getByTestId('station-contact').textContent).toBe('李乾坤 13912340015'),
    )
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toContain(
      `/api/v1/stations/${station.id}/contact`,
    )
  })
})

describe('StationInfo services', { timeout: 60_000 }, () => {
  it('names a service once when its title already says its kind', () => {
    render(['station:read'], {
      services: [
        { kind: 'labour_protection_advice', title: '劳动保护咨询', dates: [] },
        { kind: 'health_consultation', title: '医护人员坐诊', dates: ['2026-12-05'] },
      ],
    })
    expect(screen.getByText('劳动保护咨询').textContent).toBe('劳动保护咨询')
    expect(screen.queryByText(/劳动保护咨询（劳动保护咨询）/)).toBeNull()
    expect(document.body.textContent.match(/劳动保护咨询/g)).toHaveLength(1)
    // A title that does not say its kind keeps the kind beside it.
    expect(screen.getByText('医护人员坐诊（健康咨询/义诊）')).toBeTruthy()
  })

  it('shows the duty phone in full, or none', () => {
    const { unmount } = render(['station:read'], { dutyPhone: '0931-8123456-801' })
    expect(screen.getByText('值班电话')).toBeTruthy()
    expect(screen.getByText('0931-8123456-801')).toBeTruthy()
    unmount()
    render(['station:read'])
    expect(screen.getByText('值班电话').closest('tr')?.textContent).toContain('暂无')
  })
})
