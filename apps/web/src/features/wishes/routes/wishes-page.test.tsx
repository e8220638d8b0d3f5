import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Wish } from '@unionhall/contracts'
import dayjs from 'dayjs'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { createBodyOf } from '../components/wish-create-modal'
import { Component as WishesPage } from './wishes-page'

const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'
const wish: Wish = {
  id: '01a2270b-7dd3-7662-b520-0268f56c8101',
  orgId: ORG,
  orgName: '甘肃省总工会',
  stationId: null,
  stationName: null,
  title: '想给孩子买一套学习用品',
  description: '',
  category: 'study',
  deadline: '2099-12-31',
  status: 'pending_review',
  source: 'worker',
  workerNameMasked: '张*明',
  workerMobileMasked: '138****1234',
  rejectedReason: null,
  reopenReason: null,
  reopenCount: 0,
  thanks: null,
  withdrawnReason: null,
  withdrawnAt: null,
  editedAt: null,
  claim: null,
  createdAt: '2026-11-28T01:00:00.000Z',
  publishedAt: null,
  confirmedAt: null,
  confirmedAutomatically: false,
  updatedAt: '2026-11-28T01:00:00.000Z',
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  })

describe('wishes list page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists the subtree with workers masked, and searches the title from page 1', async () => {
    const asked: URL[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const u = new URL(url, 'http://localhost')
        if (u.pathname === '/api/v1/wishes') asked.push(u)
        if (u.pathname === '/api/v1/wishes' || u.pathname === '/api/v1/stations')
          return json({
            items: u.pathname === '/api/v1/wishes' ? [wish] : [],
            total: 1,
            page: 1,
            pageSize: 20,
          })
        return json({ items: [], total: 0, page: 1, pageSize: 20, unread: 0 })
      }),
    )
    renderWithProviders(
      <MemoryRouter initialEntries={['/wishes']}>
        <Routes>
          <Route path="/wishes" element={<WishesPage />} />
        </Routes>
      </MemoryRouter>,
      makeSession(['wish:read']),
    )
    const row = (await screen.findByText('想给孩子买一套学习用品')).closest('tr')!
    expect(within(row).getByText('张*明 138****1234')).toBeTruthy()
    expect(within(row).getByText('待审核')).toBeTruthy()
    expect(asked[0]?.searchParams.get('orgId')).toBe(ORG)
    // Read-only staff cannot enter wishes.
    expect(screen.queryByRole('button', { name: /代录心愿/ })).toBeNull()

    fireEvent.change(screen.getByPlaceholderText('按心愿内容搜索'), { target: { value: '书包' } })
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }))
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('q')).toBe('书包'))
    expect(asked.at(-1)?.searchParams.get('page')).toBe('1')
  })

  it('asks the server for the order in the URL, and keeps a header click in the URL', async () => {
    const asked: URL[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const u = new URL(url, 'http://localhost')
        if (u.pathname === '/api/v1/wishes') asked.push(u)
        if (u.pathname === '/api/v1/wishes' || u.pathname === '/api/v1/stations')
          return json({
            items: u.pathname === '/api/v1/wishes' ? [wish] : [],
            total: 1,
            page: 1,
            pageSize: 20,
          })
        return json({ items: [], total: 0, page: 1, pageSize: 20, unread: 0 })
      }),
    )
    let location = ''
    const Where = () => {
      location = useLocation().search
      return null
    }
    renderWithProviders(
      <MemoryRouter initialEntries={['/wishes?sort=deadline']}>
        <Routes>
          <Route
            path="/wishes"
            element={
              <>
                <WishesPage />
                <Where />
              </>
            }
          />
        </Routes>
      </MemoryRouter>,
      makeSession(['wish:read']),
    )
    await screen.findByText('想给孩子买一套学习用品')
    expect(asked[0]?.searchParams.get('sort')).toBe('deadline')
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(name) })
    expect(header('截止日期').getAttribute('aria-sort')).toBe('ascending')

    // 提交时间: newest first (the default, no parameter), then oldest first.
    fireEvent.click(header('提交时间'))
    await waitFor(() => expect(asked.at(-1)?.searchParams.has('sort')).toBe(false))
    expect(location).toBe('')
    expect(header('提交时间').getAttribute('aria-sort')).toBe('descending')
    fireEvent.click(header('提交时间'))
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('sort')).toBe('oldest'))
    expect(location).toBe('?sort=oldest')
    expect(asked.at(-1)?.searchParams.get('page')).toBe('1')
  })

  it('downloads the export with the filters on screen, not just the page', async () => {
    const asked: URL[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const u = new URL(url, 'http://localhost')
        if (u.pathname === '/api/v1/wishes/export.xlsx') {
          asked.push(u)
          return new Response(new Blob(['xlsx']), {
            status: 200,
            headers: {
              'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'content-disposition': `attachment; filename="wishes-list.xlsx"; filename*=UTF-8''${encodeURIComponent('微心愿列表.xlsx')}`,
            },
          })
        }
        if (u.pathname === '/api/v1/wishes' || u.pathname === '/api/v1/stations')
          return json({
            items: u.pathname === '/api/v1/wishes' ? [wish] : [],
            total: 1,
            page: 1,
            pageSize: 20,
          })
        return json({ items: [], total: 0, page: 1, pageSize: 20, unread: 0 })
      }),
    )
    // jsdom has no object URLs; the download path needs one for the blob (afterEach unstubs).
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = () => 'blob:wishes'
        static override revokeObjectURL = () => undefined
      },
    )
    // The anchor the download clicks: record the file name instead of navigating.
    const saved: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click')
    click.mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    onTestFinished(() => click.mockRestore())
    renderWithProviders(
      <MemoryRouter initialEntries={['/wishes']}>
        <Routes>
          <Route path="/wishes" element={<WishesPage />} />
        </Routes>
      </MemoryRouter>,
      makeSession(['wish:read']),
    )
    await screen.findByText('想给孩子买一套学习用品', undefined, { timeout: 15000 })
    fireEvent.change(screen.getByPlaceholderText('按心愿内容搜索'), { target: { value: '书包' } })
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }))
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '状态' }))
    fireEvent.click(await screen.findByTitle('已撤回'))
    fireEvent.click(screen.getByRole('button', { name: /导出/ }))

    await waitFor(() => expect(saved).toEqual(['微心愿列表.xlsx']))
    expect(asked).toHaveLength(1)
    expect(Object.fromEntries(asked[0]!.searchParams)).toEqual({
      q: '书包',
      orgId: ORG,
      status: 'withdrawn',
    })
  })

  it('builds the walk-in body with the station, or the org without one', () => {
    const base = {
      workerName: ' 王大力 ',
      workerMobile: '13800001111',
      title: ' 冬季工作服 ',
      category: 'daily_necessities' as const,
      deadline: dayjs('2026-12-20'),
      publish: true,
      orgId: ORG,
    }
    expect(createBodyOf({ ...base, stationId: 'st-1' })).toEqual({
      title: '冬季工作服',
      description: '',
      category: 'daily_necessities',
      deadline: '2026-12-20',
      workerName: '王大力',
      workerMobile: '13800001111',
      publish: true,
      stationId: 'st-1',
    })
    expect(createBodyOf(base)).toMatchObject({ orgId: ORG })
    expect(createBodyOf(base)).not.toHaveProperty('stationId')
  })
})
