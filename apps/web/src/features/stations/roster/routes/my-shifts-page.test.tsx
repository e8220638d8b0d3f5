import type { MyShift } from '@unionhall/contracts'
import { screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../../test/setup'
import { makeSession, renderWithProviders } from '../../../../test/render'
import { Component as MyShiftsPage } from './my-shifts-page'

const shift = (over: Partial<MyShift>): MyShift => ({
  id: '01a2270b-9000-7000-8000-000000000001',
  stationId: '01a2270b-9000-7000-8000-0000000000aa',
  memberId: '01a2270b-9000-7000-8000-0000000000b1',
  memberName: '王海军',
  role: 'party_volunteer',
  startsAt: '2099-12-02T00:00:00.000Z',
  endsAt: '2099-12-02T04:00:00.000Z',
  note: '',
  createdAt: '2099-12-01T00:00:00.000Z',
  stationName: '筑友驿站',
  stationAddress: '深圳市龙岗区测试路1号',
  canOpenStation: false,
  ...over,
})

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const serve = (items: MyShift[]) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(url, 'http://localhost')
      if (u.pathname === '/api/v1/my/shifts') return json({ items })
      if (u.pathname === '/api/v1/my/shifts/feed-url')
        return json({
          url: 'http://localhost/api/v1/public/shift-feeds/x.ics',
          webcalUrl: 'webcal://localhost/api/v1/public/shift-feeds/x.ics',
          rotatedAt: null,
        })
      return json({ error: { code: 'NOT_FOUND', message: 'no' } }, 404)
    }),
  )

afterEach(() => vi.unstubAllGlobals())

describe('my shifts', { timeout: 60_000 }, () => {
  it("links a station I may not read in the console to its public page, the others to the console's", async () => {
    serve([
      shift({}),
      shift({
        id: '01a2270b-9000-7000-8000-000000000002',
        stationId: '01a2270b-9000-7000-8000-0000000000ab',
        stationName: '环卫驿站',
        canOpenStation: true,
      }),
    ])
    // A volunteer: station:read somewhere, not over the first station.
    renderWithProviders(
      <MemoryRouter initialEntries={['/my/shifts']}>
        <MyShiftsPage />
      </MemoryRouter>,
      makeSession(['station:read']),
    )
    const other = await screen.findByRole('link', { name: '筑友驿站' }, { timeout: 10_000 })
    expect(other.getAttribute('href')).toBe('/s/01a2270b-9000-7000-8000-0000000000aa')
    const readable = screen.getByRole('link', { name: '环卫驿站' })
    expect(readable.getAttribute('href')).toBe('/stations/01a2270b-9000-7000-8000-0000000000ab')
  })
})
