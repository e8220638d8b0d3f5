import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { MyClaim } from '@unionhall/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { json, stubFetch } from '../../stations-public/test/render'
import { bodyOf, publicWish, renderWishPage } from '../test/render'
import { Component as MyClaimsPage } from './my-claims-page'

const CLAIM_ID = '01a2270b-7dd3-7662-b520-0268f56c8201'
const UPLOAD = '/api/v1/uploads/01a2270b-7dd3-7662-b520-0268f56c8301'
const claim = (over: Partial<MyClaim> = {}): MyClaim => ({
  id: CLAIM_ID,
  status: 'active',
  claimantKind: 'volunteer',
  claimantName: '李志愿',
  dueDate: '2099-12-30',
  photos: [],
  note: '',
  claimedAt: '2026-11-28T03:00:00.000Z',
  fulfilledAt: null,
  endedAt: null,
  endReason: null,
  wish: { ...publicWish({ status: 'claimed' }), thanks: null, confirmedAutomatically: false },
  ...over,
})

const serve = () => {
  let current = claim()
  return stubFetch((url, init) => {
    if (url === '/api/v1/uploads' && init?.method === 'POST')
      return json({ id: 'x', url: UPLOAD, mime: 'image/png', bytes: 68, width: 1, height: 1 }, 201)
    if (url === `/api/v1/my/claims/${CLAIM_ID}/fulfil` && init?.method === 'POST') {
      const body = bodyOf(init) as { photos: string[]; note: string }
      current = claim({ status: 'fulfilled', photos: body.photos, note: body.note })
      return json(current)
    }
    if (url === `/api/v1/my/claims/${CLAIM_ID}/release` && init?.method === 'POST') {
      current = claim({ status: 'released', endReason: '临时出差' })
      return json(current)
    }
    if (url.startsWith('/api/v1/my/claims?'))
      return json({ items: [current], total: 1, page: 1, pageSize: 20 })
    return undefined
  })
}
const posts = (f: ReturnType<typeof stubFetch>, suffix: string) =>
  f.mock.calls.filter(
    ([u, init]) => u === `/api/v1/my/claims/${CLAIM_ID}${suffix}` && init?.method === 'POST',
  )

describe('my claims', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('delivers only with a photo, then waits for the worker', async () => {
    const f = serve()
    renderWishPage('/w/claims', '/w/claims', MyClaimsPage)
    expect(await screen.findByText(/承诺 .*前送达/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '已送达，上传照片' }))
    fireEvent.click(screen.getByRole('button', { name: '提交送达' }))
    expect(screen.getByText('请至少上传一张送达照片')).toBeTruthy()
    expect(posts(f, '/fulfil')).toHaveLength(0)

    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'a.png', {
      type: 'image/png',
    })
    fireEvent.change(screen.getByLabelText('送达照片'), { target: { files: [file] } })
    expect(await screen.findByAltText('照片 1')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('备注（选填）'), { target: { value: '放在前台' } })
    fireEvent.click(screen.getByRole('button', { name: '提交送达' }))
    await waitFor(() => expect(posts(f, '/fulfil')).toHaveLength(1))
    expect(bodyOf(posts(f, '/fulfil')[0]?.[1])).toEqual({ photos: [UPLOAD], note: '放在前台' })
    expect(await screen.findByText('已送达，等待心愿人确认。')).toBeTruthy()
  })

  it('gives a claim back with an optional reason', async () => {
    const f = serve()
    renderWishPage('/w/claims', '/w/claims', MyClaimsPage)
    fireEvent.click(await screen.findByRole('button', { name: '放弃认领' }))
    fireEvent.change(screen.getByLabelText('原因（选填）'), { target: { value: '临时出差' } })
    fireEvent.click(screen.getByRole('button', { name: '确认放弃' }))
    await waitFor(() => expect(posts(f, '/release')).toHaveLength(1))
    expect(bodyOf(posts(f, '/release')[0]?.[1])).toEqual({ reason: '临时出差' })
    expect(await screen.findByText('说明：临时出差')).toBeTruthy()
  })

  it('says who confirmed receipt: the worker, or the system after 14 days', async () => {
    const confirmed = (confirmedAutomatically: boolean) =>
      claim({
        status: 'confirmed',
        wish: {
          ...publicWish({ status: 'confirmed' }),
          thanks: confirmedAutomatically ? null : '谢谢！',
          confirmedAutomatically,
        },
      })
    stubFetch((url) =>
      url.startsWith('/api/v1/my/claims?')
        ? json({ items: [confirmed(true)], total: 1, page: 1, pageSize: 20 })
        : undefined,
    )
    renderWishPage('/w/claims', '/w/claims', MyClaimsPage)
    expect(await screen.findByText('送达 14 天心愿人未确认，系统已确认收到，谢谢您！')).toBeTruthy()
    expect(screen.queryByText('心愿人已确认收到，谢谢您！')).toBeNull()
    vi.unstubAllGlobals()

    stubFetch((url) =>
      url.startsWith('/api/v1/my/claims?')
        ? json({ items: [confirmed(false)], total: 1, page: 1, pageSize: 20 })
        : undefined,
    )
    renderWishPage('/w/claims', '/w/claims', MyClaimsPage)
    expect(await screen.findByText('心愿人已确认收到，谢谢您！')).toBeTruthy()
  })
})
