import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { StationListItem } from '@unionhall/contracts'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { Component as StationsPage } from './stations-page'

const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'

const item = (n: number): StationListItem => ({
  id: `01a2270b-9000-7000-8000-${String(n).padStart(12, '0')}`,
  orgId: ORG,
  orgName: '甘肃省总工会',
  name: `驿站 ${n}`,
  kind: 'sanitation',
  status: 'active',
  address: `兰州市城关区 ${n} 号`,
  lat: 36.06,
  lng: 103.83,
  capacity: 10 + n,
  amenities: ['microwave', 'drinking_water', 'wifi', 'toilet', 'heating'],
  contactName: '王师傅',
  contactMobileMasked: '138****0009',
  openNow: n % 2 === 0,
  alwaysOpen: n === 2,
  updatedAt: '2026-11-29T00:00:00.000Z',
})

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A fake server; records the station list queries it was asked. */
const serve = () => {
  const lists: URLSearchParams[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(url, 'http://localhost')
      if (u.pathname === '/api/v1/stations') {
        lists.push(u.searchParams)
        const page = Number(u.searchParams.get('page'))
        return json({
          items: [item(page * 2 - 1), item(page * 2)],
          total: 45,
          page,
          pageSize: 20,
        })
      }
      if (u.pathname === '/api/v1/orgs') {
        return json({ items: [], total: 0, page: 1, pageSize: 50 })
      }
      return json({ error: { code: 'NOT_FOUND', message: 'no' } }, 404)
    }),
  )
  return lists
}

/** The address the page keeps its list state in. */
const Where = () => <output data-testid="where">{useLocation().search}</output>
const where = () => new URLSearchParams(screen.getByTestId('where').textContent ?? '')

const renderPage = (
  permissions = makeSession(['station:read', 'station:manage']),
  path = '/stations',
) =>
  renderWithProviders(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route
          path="/stations"
          element={
            <>
              <StationsPage />
              <Where />
            </>
          }
        />
        <Route path="/stations/:stationId" element={<p>station detail</p>} />
      </Routes>
    </MemoryRouter>,
    permissions,
  )

const SLOW = { timeout: 15_000 }

describe('stations list page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('asks for the current org subtree, shows rows with masked contact and open now', async () => {
    const lists = serve()
    renderPage()
    expect(await screen.findByText('驿站 1', {}, SLOW)).toBeTruthy()
    expect(Object.fromEntries(lists[0]!)).toEqual({ page: '1', pageSize: '20', orgId: ORG })
    const table = screen.getByTestId('stations-table')
    expect(table.textContent).toContain('王师傅 138****0009')
    expect(table.textContent).toContain('24 小时开放')
    expect(table.textContent).toContain('未开放')
    expect(screen.getByText('共 45 个站点')).toBeTruthy()
  })

  it('sends the search text and resets to page 1; pages forward', async () => {
    const lists = serve()
    renderPage()
    await screen.findByText('驿站 1', {}, SLOW)

    fireEvent.click(screen.getByTitle('2'))
    expect(await screen.findByText('驿站 3', {}, SLOW)).toBeTruthy()
    expect(lists.at(-1)!.get('page')).toBe('2')

    fireEvent.change(screen.getByLabelText('搜索'), { target: { value: ' 坂田 ' } })
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }))
    await waitFor(() => expect(lists.at(-1)!.get('q')).toBe('坂田'), SLOW)
    expect(lists.at(-1)!.get('page')).toBe('1')
  })

  it('keeps the page, search and filters in the address, so a reload or Back shows the same page', async () => {
    const lists = serve()
    renderPage(undefined, '/stations?q=%E5%9D%82%E7%94%B0&kind=sanitation&page=2')
    expect(await screen.findByText('驿站 3', {}, SLOW)).toBeTruthy()
    expect(Object.fromEntries(lists[0]!)).toEqual({
      page: '2',
      pageSize: '20',
      orgId: ORG,
      q: '坂田',
      kind: 'sanitation',
    })
    expect(screen.getByLabelText<HTMLInputElement>('搜索').value).toBe('坂田')

    fireEvent.click(screen.getByTitle('3'))
    expect(await screen.findByText('驿站 5', {}, SLOW)).toBeTruthy()
    expect(where().get('page')).toBe('3')

    // A new search starts again at page 1 and says so in the address too.
    fireEvent.change(screen.getByLabelText('搜索'), { target: { value: '龙岗' } })
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }))
    await waitFor(() => expect(lists.at(-1)!.get('q')).toBe('龙岗'), SLOW)
    expect(lists.at(-1)!.get('page')).toBe('1')
    const kept = where()
    expect(kept.get('q')).toBe('龙岗')
    expect(kept.get('kind')).toBe('sanitation')
    expect(kept.has('page')).toBe(false)
  })

  it('keeps the person in charge in view at the right edge when the table scrolls sideways', async () => {
    serve()
    renderPage()
    const contact = await screen.findAllByText('王师傅 138****0009', {}, SLOW)
    expect(contact[0]!.closest('td')!.className).toContain('ant-table-cell-fix-right')
  })

  it('sends the kind filter', async () => {
    const lists = serve()
    renderPage()
    await screen.findByText('驿站 1', {}, SLOW)
    const kind = screen.getByLabelText('站点类型')
    fireEvent.mouseDown(kind)
    fireEvent.click(await screen.findByTitle('环卫休息点', {}, SLOW))
    await waitFor(() => expect(lists.at(-1)!.get('kind')).toBe('sanitation'), SLOW)
  })

  it('hides import and create without station:manage', async () => {
    serve()
    renderPage(makeSession(['station:read']))
    await screen.findByText('驿站 1', {}, SLOW)
    expect(screen.queryByRole('button', { name: /新建站点/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /批量导入/ })).toBeNull()
    expect(screen.getByRole('button', { name: /导出/ })).toBeTruthy()
  })

  it('gives the public open-data links of the chosen org, to copy', async () => {
    serve()
    renderPage(makeSession(['station:read']))
    await screen.findByText('驿站 1', {}, SLOW)
    fireEvent.click(screen.getByRole('button', { name: /导出/ }))
    fireEvent.click(await screen.findByText('公开数据链接', {}, SLOW))
    const dialog = await screen.findByRole('dialog', {}, SLOW)
    expect(dialog.textContent).toContain('无需登录')
    // The session's org (the list's scope) is the org of the links.
    for (const format of ['geojson', 'hsds'])
      expect(dialog.textContent).toContain(
        `${window.location.origin}/api/v1/public/stations/open-data/${format}?orgId=${ORG}`,
      )
    expect(dialog.querySelectorAll('.ant-typography-copy')).toHaveLength(2)
  })
})
