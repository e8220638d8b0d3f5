import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { WishDetail } from '@unionhall/contracts'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { WishDrawer } from './wish-drawer'

const ID = '01a2270b-7dd3-7662-b520-0268f56c8101'
const wish = (over: Partial<WishDetail> = {}): WishDetail => ({
  id: ID,
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  orgName: '龙岗区建筑行业工联会',
  stationId: null,
  stationName: '筑友驿站（龙岗区耳鼻咽喉医院项目）',
  title: '想给孩子买一套学习用品',
  description: '孩子上三年级',
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
  claims: [],
  ...over,
})

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const serve = (current: WishDetail) => {
  const f = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === `/api/v1/wishes/${ID}/publish` && init?.method === 'POST')
      return json(wish({ status: 'published', publishedAt: '2026-11-28T02:00:00.000Z' }))
    if (url === `/api/v1/wishes/${ID}/reject` && init?.method === 'POST')
      return json(
        wish({
          status: 'rejected',
          rejectedReason: (JSON.parse(init.body as string) as { reason: string }).reason,
        }),
      )
    if (url === `/api/v1/wishes/${ID}` && init?.method === 'PATCH')
      return json({ ...current, ...(JSON.parse(init.body as string) as object) })
    if (url === `/api/v1/wishes/${ID}`) return json(current)
    return json({ error: { code: 'ROUTE_NOT_FOUND', message: 'x' } }, 404)
  })
  vi.stubGlobal('fetch', f)
  return f
}
const posts = (f: ReturnType<typeof serve>, suffix: string) =>
  f.mock.calls.filter(
    ([u, init]) => u === `/api/v1/wishes/${ID}${suffix}` && init?.method === 'POST',
  )

const open = (permissions: Parameters<typeof makeSession>[0]) =>
  renderWithProviders(
    <MemoryRouter>
      <WishDrawer wishId={ID} onClose={() => undefined} />
    </MemoryRouter>,
    makeSession(permissions),
  )

describe('wish drawer (staff review)', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('verifies and publishes a pending wish', async () => {
    const f = serve(wish())
    open(['wish:read', 'wish:manage'])
    expect(await screen.findByText('等待审核')).toBeTruthy()
    expect(screen.getByText('张*明 138****1234')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '审核通过并发布' }))
    await waitFor(() => expect(posts(f, '/publish')).toHaveLength(1))
  })

  it('turns a wish down only with a reason, and sends it', async () => {
    const f = serve(wish())
    open(['wish:read', 'wish:manage'])
    fireEvent.click(await screen.findByRole('button', { name: '不通过' }))
    const dialog = (await screen.findByText('不通过审核')).closest<HTMLElement>('.ant-modal')!
    const ok = within(dialog).getByRole('button', { name: '不通过' })
    expect(ok.hasAttribute('disabled')).toBe(true)
    fireEvent.change(within(dialog).getByLabelText('原因（会告知心愿人）'), {
      target: { value: '请补充具体需要的物品' },
    })
    fireEvent.click(ok)
    await waitFor(() => expect(posts(f, '/reject')).toHaveLength(1))
    expect(JSON.parse(posts(f, '/reject')[0]![1]!.body as string)).toEqual({
      reason: '请补充具体需要的物品',
    })
  })

  it('offers no review actions to read-only staff', async () => {
    serve(wish())
    open(['wish:read'])
    expect(await screen.findByText('等待审核')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '审核通过并发布' })).toBeNull()
    expect(screen.queryByRole('button', { name: '不通过' })).toBeNull()
  })

  it('shows the claim, the delivery and the thanks in the timeline', async () => {
    serve(
      wish({
        status: 'confirmed',
        publishedAt: '2026-11-28T02:00:00.000Z',
        confirmedAt: '2026-11-28T08:00:00.000Z',
        thanks: '谢谢！',
        claims: [
          {
            id: '01a2270b-7dd3-7662-b520-0268f56c8201',
            wishId: ID,
            claimantMemberId: '01a2270b-7dd3-7662-b520-0268f56c81b9',
            claimantName: '李志愿',
            claimantKind: 'party_member',
            status: 'confirmed',
            dueDate: '2026-12-01',
            photos: [],
            note: '',
            claimedAt: '2026-11-28T03:00:00.000Z',
            fulfilledAt: '2026-11-28T05:00:00.000Z',
            endedAt: '2026-11-28T08:00:00.000Z',
            endReason: null,
          },
        ],
      }),
    )
    open(['wish:read', 'wish:manage'])
    expect(await screen.findByText(/李志愿（党员）认领，承诺 2026-12-01 前送达/)).toBeTruthy()
    expect(screen.getByText(/认领人已送达/)).toBeTruthy()
    expect(screen.getByText('感谢留言：谢谢！')).toBeTruthy()
    expect(screen.getByText(/^心愿人确认收到/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: '重新开放' })).toBeNull()
  })

  it('says when the system confirmed receipt', async () => {
    serve(
      wish({
        status: 'confirmed',
        publishedAt: '2026-11-28T02:00:00.000Z',
        confirmedAt: '2026-12-12T05:01:00.000Z',
        confirmedAutomatically: true,
      }),
    )
    open(['wish:read'])
    expect(await screen.findByText(/^送达 14 天心愿人未确认，系统自动确认收到/)).toBeTruthy()
    expect(screen.queryByText(/^心愿人确认收到/)).toBeNull()
  })
})

describe('wish drawer (staff edit)', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())
  const patches = (f: ReturnType<typeof serve>) =>
    f.mock.calls.filter(([u, init]) => u === `/api/v1/wishes/${ID}` && init?.method === 'PATCH')
  const published = () =>
    wish({
      status: 'published',
      publishedAt: '2026-11-28T02:00:00.000Z',
      stationId: '01a2270b-7dd3-7662-b520-0268f56c81c1',
    })

  it('sends only what changed, and says the wish keeps its status', async () => {
    const f = serve(published())
    open(['wish:read', 'wish:manage'])
    fireEvent.click(await screen.findByRole('button', { name: /^修\s*改$/ }))
    const dialog = (await screen.findByText('修改心愿')).closest<HTMLElement>('.ant-modal')!
    expect(within(dialog).getByText(/无需重新审核/)).toBeTruthy()
    // The current station is shown by name, not by id.
    expect(within(dialog).getByText('筑友驿站（龙岗区耳鼻咽喉医院项目）')).toBeTruthy()
    fireEvent.change(within(dialog).getByLabelText('心愿内容'), {
      target: { value: ' 想给孩子买一个新书包 ' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: '保存修改' }))
    await waitFor(() => expect(patches(f)).toHaveLength(1))
    expect(JSON.parse(patches(f)[0]![1]!.body as string)).toEqual({ title: '想给孩子买一个新书包' })
  })

  it('sends nothing when nothing changed', async () => {
    const f = serve(published())
    open(['wish:read', 'wish:manage'])
    fireEvent.click(await screen.findByRole('button', { name: /^修\s*改$/ }))
    const dialog = (await screen.findByText('修改心愿')).closest<HTMLElement>('.ant-modal')!
    fireEvent.click(within(dialog).getByRole('button', { name: '保存修改' }))
    expect(await screen.findByText('没有修改任何内容')).toBeTruthy()
    expect(patches(f)).toHaveLength(0)
  })

  it('offers no edit once claimed, nor to read-only staff', async () => {
    serve(wish({ status: 'claimed', publishedAt: '2026-11-28T02:00:00.000Z' }))
    const first = open(['wish:read', 'wish:manage'])
    expect(await screen.findByRole('button', { name: '重新开放' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^修\s*改$/ })).toBeNull()
    first.unmount()
    serve(published())
    open(['wish:read'])
    expect(await screen.findByText('筑友驿站（龙岗区耳鼻咽喉医院项目）')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^修\s*改$/ })).toBeNull()
  })

  it('shows a published wish its worker edited as waiting for review after the edit', async () => {
    serve(
      wish({
        publishedAt: '2026-11-28T02:00:00.000Z',
        editedAt: '2026-11-28T06:00:00.000Z',
      }),
    )
    open(['wish:read'])
    await screen.findByText('等待审核')
    const items = [...document.querySelectorAll('.ant-timeline-item')].map((li) => li.textContent)
    expect(items.map((text) => text?.replace(/ · .*/, ''))).toEqual([
      '职工提交心愿',
      '审核通过，发布到心愿墙',
      expect.stringMatching(/修改/),
      '等待审核',
    ])
  })

  it("shows a withdrawn wish with the worker's reason", async () => {
    serve(
      wish({
        status: 'withdrawn',
        withdrawnReason: '家里已经买了',
        withdrawnAt: '2026-11-28T03:00:00.000Z',
      }),
    )
    open(['wish:read', 'wish:manage'])
    expect(await screen.findByText(/职工已撤回心愿：家里已经买了/)).toBeTruthy()
    expect(screen.getByText('已撤回')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^修\s*改$/ })).toBeNull()
  })
})
