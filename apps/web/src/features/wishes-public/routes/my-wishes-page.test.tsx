import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { json, stubFetch } from '../../stations-public/test/render'
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
      current = myWish({ status: 'published', claim: null, reopenReason: '没有收到' })
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
    expect(screen.getByText('认领人已送达，请确认收到')).toBeTruthy()
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
})
