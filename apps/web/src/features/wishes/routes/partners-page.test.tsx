import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { WishPartner } from '@unionhall/contracts'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { Component as PartnersPage } from './partners-page'

const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'
/** AntD's first render of a table or a drawer can take seconds on a loaded CI machine. */
const SLOW = { timeout: 15_000 }
const bank: WishPartner = {
  id: '01a2270b-7dd3-7662-b520-0268f56c8301',
  orgId: ORG,
  orgName: '龙岗区总工会',
  name: '平安银行深圳龙岗支行',
  status: 'active',
  members: [
    {
      memberId: '01a2270b-7dd3-7662-b520-0268f56c8401',
      name: '孙丽',
      mobileMasked: '136****0013',
      addedAt: '2026-11-28T01:00:00.000Z',
    },
  ],
  claims: 3,
  delivered: 2,
  createdAt: '2026-11-28T01:00:00.000Z',
  updatedAt: '2026-11-28T01:00:00.000Z',
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

type Call = { url: URL; method: string; body: unknown }

/** A fake server: the list, one partner, and its changes; records every call. */
const serve = (answer: (c: Call) => Response | undefined = () => undefined) => {
  const calls: Call[] = []
  let current = bank
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const c = {
        url: new URL(url, 'http://localhost'),
        method: init?.method ?? 'GET',
        body: init?.body ? (JSON.parse(init.body as string) as unknown) : undefined,
      }
      calls.push(c)
      const special = answer(c)
      if (special) return special
      const path = c.url.pathname
      if (path === '/api/v1/wishes/partners' && c.method === 'GET')
        return json({ items: [current], total: 1, page: 1, pageSize: 20 })
      if (path === `/api/v1/wishes/partners/${bank.id}` && c.method === 'GET') return json(current)
      if (path === `/api/v1/wishes/partners/${bank.id}/members` && c.method === 'POST') {
        current = {
          ...current,
          members: [
            ...current.members,
            {
              memberId: '01a2270b-7dd3-7662-b520-0268f56c8402',
              name: '周新',
              mobileMasked: '139****8888',
              addedAt: '2026-11-29T01:00:00.000Z',
            },
          ],
        }
        return json(current)
      }
      return json({ items: [], total: 0, page: 1, pageSize: 20, unread: 0 })
    }),
  )
  return calls
}

const render = (permissions: Parameters<typeof makeSession>[0]) =>
  renderWithProviders(
    <MemoryRouter initialEntries={['/wishes/partners']}>
      <Routes>
        <Route path="/wishes/partners" element={<PartnersPage />} />
      </Routes>
    </MemoryRouter>,
    makeSession(permissions),
  )

describe('partner companies page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists the partners of the subtree with claimants and claims; searches from page 1', async () => {
    const calls = serve()
    render(['wish:read'])
    const row = (await screen.findByRole('button', { name: '平安银行深圳龙岗支行' }, SLOW)).closest(
      'tr',
    )!
    expect(within(row).getByText('孙丽')).toBeTruthy()
    expect(within(row).getByText('3 / 2')).toBeTruthy()
    expect(within(row).getByText('正常')).toBeTruthy()
    const list = calls.filter((c) => c.url.pathname === '/api/v1/wishes/partners')
    expect(list[0]!.url.searchParams.get('orgId')).toBe(ORG)
    // Read-only staff register nothing.
    expect(screen.queryByRole('button', { name: /登记爱心企业/ })).toBeNull()

    fireEvent.change(screen.getByPlaceholderText('按企业名称搜索'), { target: { value: ' 平安 ' } })
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }))
    await waitFor(
      () => expect(calls.some((c) => c.url.searchParams.get('q') === '平安')).toBe(true),
      SLOW,
    )
    const searched = calls.filter((c) => c.url.searchParams.get('q') === '平安')
    expect(searched[0]!.url.searchParams.get('page')).toBe('1')
  })

  it('registers a company after checking its name, then opens it', async () => {
    const calls = serve((c) =>
      c.url.pathname === '/api/v1/wishes/partners' && c.method === 'POST'
        ? json({ ...bank, name: '鹏城建设', members: [], claims: 0, delivered: 0 }, 201)
        : undefined,
    )
    render(['wish:read', 'wish:manage'])
    fireEvent.click(await screen.findByRole('button', { name: /登记爱心企业/ }, SLOW))
    const dialog = await screen.findByRole('dialog', {}, SLOW)
    fireEvent.change(within(dialog).getByLabelText('企业名称'), { target: { value: '鹏' } })
    fireEvent.click(within(dialog).getByRole('button', { name: '登 记' }))
    expect(await within(dialog).findByText('企业名称为 2–60 个字', {}, SLOW)).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    fireEvent.change(within(dialog).getByLabelText('企业名称'), { target: { value: ' 鹏城建设 ' } })
    fireEvent.click(within(dialog).getByRole('button', { name: '登 记' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true), SLOW)
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ orgId: ORG, name: '鹏城建设' })
  })

  it('adds a claimant by mobile in the drawer, refusing a malformed number first', async () => {
    const calls = serve()
    render(['wish:read', 'wish:manage'])
    fireEvent.click(await screen.findByRole('button', { name: '平安银行深圳龙岗支行' }, SLOW))
    const drawer = await screen.findByRole('dialog', {}, SLOW)
    expect(await within(drawer).findByText('孙丽 136****0013', {}, SLOW)).toBeTruthy()
    const mobile = within(drawer).getByLabelText('认领人手机号')
    fireEvent.change(mobile, { target: { value: '1390000' } })
    fireEvent.click(within(drawer).getByRole('button', { name: '添 加' }))
    expect(await within(drawer).findByText('请输入 11 位手机号', {}, SLOW)).toBeTruthy()
    fireEvent.change(mobile, { target: { value: '13900008888' } })
    fireEvent.click(within(drawer).getByRole('button', { name: '添 加' }))
    expect(await within(drawer).findByText('周新 139****8888', {}, SLOW)).toBeTruthy()
    const add = calls.find((c) => c.method === 'POST')!
    expect(add.url.pathname).toBe(`/api/v1/wishes/partners/${bank.id}/members`)
    expect(add.body).toEqual({ mobile: '13900008888' })
  })
})
