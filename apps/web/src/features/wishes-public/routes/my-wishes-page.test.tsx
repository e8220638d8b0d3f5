import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { apiError, json, stubFetch } from '../../stations-public/test/render'
import { addDays, chinaToday } from '../lib/wish-form'
import { WISH_ID, bodyOf, myWish, renderWishPage } from '../test/render'
import { Component as MyWishesPage } from './my-wishes-page'

const confirmUrl = `/api/v1/my/wishes/${WISH_ID}/confirm`
const reopenUrl = `/api/v1/my/wishes/${WISH_ID}/reopen`

const serve = () => {
  let current = myWish()
  return stubFetch((url, init) => {
    if (url === confirmUrl && init?.method === 'POST') {
      const { thanks } = bodyOf(init) as { thanks?: string }
      current = myWish({
        status: 'confirmed',
        thanks: thanks ?? null,
        confirmedAt: '2026-11-29T01:00:00Z',
      })
      return json(current)
    }
    if (url === reopenUrl && init?.method === 'POST') {
      // As the server answers: the ended claim stays in pastClaims.
      const before = myWish().claim!
      current = myWish({
        status: 'published',
        claim: null,
        reopenReason: '没有收到',
        pastClaims: [
          {
            id: before.id,
            claimantName: '钱*国',
            claimantKind: 'party_member',
            status: 'reopened',
            claimedAt: before.claimedAt,
            fulfilledAt: before.fulfilledAt,
            endedAt: '2026-11-29T01:00:00.000Z',
            reopenReason: '没有收到',
          },
        ],
      })
      return json(current)
    }
    if (url.startsWith('/api/v1/my/wishes?'))
      return json({ items: [current], total: 1, page: 1, pageSize: 20 })
    return undefined
  })
}

const calls = (f: ReturnType<typeof stubFetch>, url: string) =>
  f.mock.calls.filter(([u, init]) => u === url && init?.method === 'POST')

describe('my wishes', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the timeline and confirms receipt with thanks', async () => {
    const f = serve()
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    expect(await screen.findByText(/李\*愿（志愿者）已认领/)).toBeTruthy()
    // Delivered 28 November 13:00 Beijing time: confirmed by the system 14 days later.
    expect(
      screen.getByText(/^认领人已送达，请确认收到。如 12 月 12 日 前未确认，系统将自动确认收到/),
    ).toBeTruthy()
    expect(screen.getByAltText('送达照片 1')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '确认收到' }))
    fireEvent.change(screen.getByLabelText('感谢留言（选填）'), {
      target: { value: '谢谢您，孩子很喜欢！' },
    })
    fireEvent.click(screen.getByRole('button', { name: '确认收到' }))

    await waitFor(() => expect(calls(f, confirmUrl)).toHaveLength(1))
    expect(bodyOf(calls(f, confirmUrl)[0]?.[1])).toEqual({ thanks: '谢谢您，孩子很喜欢！' })
    expect(await screen.findByText('您的感谢：谢谢您，孩子很喜欢！')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '确认收到' })).toBeNull()
  })

  it('says when the system confirmed receipt', async () => {
    stubFetch((url) =>
      url.startsWith('/api/v1/my/wishes?')
        ? json({
            items: [
              myWish({
                status: 'confirmed',
                confirmedAt: '2026-12-12T05:01:00.000Z',
                confirmedAutomatically: true,
              }),
            ],
            total: 1,
            page: 1,
            pageSize: 20,
          })
        : undefined,
    )
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    expect(await screen.findByText('送达 14 天未确认，系统已自动确认收到')).toBeTruthy()
    expect(screen.queryByText(/前未确认/)).toBeNull()
    expect(screen.queryByRole('button', { name: '确认收到' })).toBeNull()
  })

  it('reopens only with a reason', async () => {
    const f = serve()
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    fireEvent.click(await screen.findByRole('button', { name: '没有收到，重新开放' }))
    fireEvent.click(screen.getByRole('button', { name: '重新开放' }))
    expect(screen.getByText('请填写原因')).toBeTruthy()
    expect(calls(f, reopenUrl)).toHaveLength(0)
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: '没有收到' } })
    fireEvent.click(screen.getByRole('button', { name: '重新开放' }))
    await waitFor(() => expect(calls(f, reopenUrl)).toHaveLength(1))
    expect(bodyOf(calls(f, reopenUrl)[0]?.[1])).toEqual({ reason: '没有收到' })
    expect(await screen.findByText('心愿已重新开放：没有收到')).toBeTruthy()
  })

  it('keeps the claim in the timeline after a reopen, then shows the wish back on the wall', async () => {
    serve()
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    fireEvent.click(await screen.findByRole('button', { name: '没有收到，重新开放' }))
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: '没有收到' } })
    fireEvent.click(screen.getByRole('button', { name: '重新开放' }))
    await screen.findByText('心愿已重新开放：没有收到')
    const steps = screen.getByRole('list', { name: '心愿进度' }).querySelectorAll(':scope > li')
    const texts = [...steps].map((li) => li.textContent ?? '')
    const at = (re: RegExp) => texts.findIndex((x) => re.test(x))
    expect(at(/钱\*国（党员）已认领/)).toBeGreaterThan(at(/已发布到心愿墙/))
    expect(at(/^认领人已送达/)).toBeGreaterThan(at(/钱\*国（党员）已认领/))
    const reopened = at(/您重新开放了心愿：没有收到。心愿已回到心愿墙，等待认领/)
    expect(reopened).toBe(texts.length - 1)
    expect(steps[reopened]!.getAttribute('data-state')).toBe('current')
    expect(steps[at(/已发布到心愿墙/)]!.getAttribute('data-state')).toBe('done')
  })

  it('does not double the full stop of a reason that ends with one', async () => {
    const claim = myWish().claim!
    stubFetch((url) =>
      url.startsWith('/api/v1/my/wishes?')
        ? json({
            items: [
              myWish({
                status: 'published',
                claim: null,
                reopenReason: '尺码不对。',
                pastClaims: [
                  {
                    id: claim.id,
                    claimantName: '钱*国',
                    claimantKind: 'party_member',
                    status: 'reopened',
                    claimedAt: claim.claimedAt,
                    fulfilledAt: claim.fulfilledAt,
                    endedAt: '2026-11-29T01:00:00.000Z',
                    reopenReason: '尺码不对。',
                  },
                ],
              }),
            ],
            total: 1,
            page: 1,
            pageSize: 20,
          })
        : undefined,
    )
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    expect(
      await screen.findByText('您重新开放了心愿：尺码不对。心愿已回到心愿墙，等待认领'),
    ).toBeTruthy()
    expect(document.body.textContent).not.toContain('。。')
  })
})

const wishUrl = `/api/v1/my/wishes/${WISH_ID}`
const withdrawUrl = `/api/v1/my/wishes/${WISH_ID}/withdraw`
const patches = (f: ReturnType<typeof stubFetch>) =>
  f.mock.calls.filter(([u, init]) => u === wishUrl && init?.method === 'PATCH')

const DEADLINE = addDays(chinaToday(), 30)

/** A wish nobody has claimed yet, served and changed like the server does. */
const serveOpen = (status: 'pending_review' | 'published', refuse?: string) => {
  let current = myWish({
    status,
    claim: null,
    description: '孩子上三年级',
    // Within the 180 days the form (like the server) allows.
    deadline: DEADLINE,
    publishedAt: status === 'published' ? '2026-11-28T02:00:00.000Z' : null,
  })
  return stubFetch((url, init) => {
    if (url === wishUrl && init?.method === 'PATCH') {
      if (refuse) return apiError(refuse, 409, { status: 'claimed' })
      const body = bodyOf(init) as Partial<typeof current>
      current = myWish({
        ...current,
        ...body,
        stationName: body.stationId === null ? null : current.stationName,
        status: 'pending_review',
        editedAt: '2026-11-29T01:00:00Z',
      })
      return json(current)
    }
    if (url === withdrawUrl && init?.method === 'POST') {
      const { reason } = bodyOf(init) as { reason?: string }
      current = myWish({
        ...current,
        status: 'withdrawn',
        withdrawnReason: reason ?? null,
        withdrawnAt: '2026-11-29T01:00:00Z',
      })
      return json(current)
    }
    if (url.startsWith('/api/v1/my/wishes?'))
      return json({ items: [current], total: 1, page: 1, pageSize: 20 })
    return undefined
  })
}

describe('my wishes: edit and withdraw before anyone claims', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('offers neither once the wish is claimed or delivered', async () => {
    serve()
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    expect(await screen.findByRole('button', { name: '确认收到' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '修改心愿' })).toBeNull()
    expect(screen.queryByRole('button', { name: '撤回心愿' })).toBeNull()
  })

  it('warns that a published wish goes back to review, checks as posting does, and saves', async () => {
    const f = serveOpen('published')
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    fireEvent.click(await screen.findByRole('button', { name: '修改心愿' }))
    expect(
      screen.getByText(/修改后需要工作人员重新审核，审核通过前心愿墙上不会显示它/),
    ).toBeTruthy()
    const title = screen.getByLabelText('心愿内容')
    expect((title as HTMLInputElement).value).toBe('想给孩子买一套学习用品')

    fireEvent.change(title, { target: { value: '  ' } })
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    expect(screen.getByText('请写下您的心愿')).toBeTruthy()
    expect(document.activeElement).toBe(title)
    expect(patches(f)).toHaveLength(0)

    fireEvent.change(title, { target: { value: '想给孩子买一个新书包' } })
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    await waitFor(() => expect(patches(f)).toHaveLength(1))
    expect(bodyOf(patches(f)[0]?.[1])).toEqual({
      title: '想给孩子买一个新书包',
      description: '孩子上三年级',
      category: 'study',
      deadline: DEADLINE,
      stationId: myWish().stationId,
    })
    expect(
      await screen.findByText('心愿已修改，工作人员审核通过后会重新发布到心愿墙。'),
    ).toBeTruthy()
    expect(await screen.findByText('想给孩子买一个新书包')).toBeTruthy()
    expect(screen.getByText('已修改，等待工会重新审核')).toBeTruthy()
  })

  it('removes the station as null, and shows a refusal from the server', async () => {
    const f = serveOpen('pending_review', 'WISH_NOT_EDITABLE')
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    fireEvent.click(await screen.findByRole('button', { name: '修改心愿' }))
    expect(screen.getByText('修改后，工作人员会按新的内容审核。')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '不指定站点' }))
    expect(screen.getByText('未指定站点：心愿归属您所在的工会。')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    await waitFor(() => expect(patches(f)).toHaveLength(1))
    expect(bodyOf(patches(f)[0]?.[1])).toMatchObject({ stationId: null })
    expect((await screen.findByRole('alert')).textContent).toBe('WISH_NOT_EDITABLE')
  })

  it('withdraws only after the confirmation, with the optional reason', async () => {
    const f = serveOpen('published')
    renderWishPage('/w/mine', '/w/mine', MyWishesPage)
    fireEvent.click(await screen.findByRole('button', { name: '撤回心愿' }))
    expect(screen.getByText(/撤回后，心愿会从心愿墙撤下，不能再恢复/)).toBeTruthy()
    expect(calls(f, withdrawUrl)).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: '取消' }))
    expect(screen.queryByRole('button', { name: '确认撤回' })).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: '撤回心愿' }))
    fireEvent.change(screen.getByLabelText('撤回原因（选填）'), {
      target: { value: '已经买到了' },
    })
    fireEvent.click(screen.getByRole('button', { name: '确认撤回' }))
    await waitFor(() => expect(calls(f, withdrawUrl)).toHaveLength(1))
    expect(bodyOf(calls(f, withdrawUrl)[0]?.[1])).toEqual({ reason: '已经买到了' })
    expect(await screen.findByText('您已撤回这个心愿：已经买到了')).toBeTruthy()
    expect(screen.getByText('已撤回')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '修改心愿' })).toBeNull()
  })
})
