import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { json, station, stubFetch } from '../../stations-public/test/render'
import { addDays, chinaToday } from '../lib/wish-form'
import { STATION_ID, bodyOf, myWish, renderWishPage } from '../test/render'
import { Component as PostPage } from './post-page'

const posts = (f: ReturnType<typeof stubFetch>) =>
  f.mock.calls.filter(([u, init]) => u === '/api/v1/my/wishes' && init?.method === 'POST')

describe('post a wish page', () => {
  afterEach(() => {
    sessionStorage.clear()
    vi.unstubAllGlobals()
  })

  it('asks a visitor to sign in and come back', async () => {
    stubFetch(() => undefined)
    renderWishPage(`/w/new?stationId=${STATION_ID}`, '/w/new', PostPage, null)
    const link = await screen.findByRole('link', { name: '登录' })
    // The worker bundle's own sign-in page, back to this form (station included) afterwards.
    expect(link.getAttribute('href')).toBe(
      `/m/login?next=${encodeURIComponent(`/w/new?stationId=${STATION_ID}`)}`,
    )
    expect(screen.getByRole('link', { name: '注册' }).getAttribute('href')).toBe(
      `/m/register?next=${encodeURIComponent(`/w/new?stationId=${STATION_ID}`)}`,
    )
  })

  it('shows what is missing, then posts the wish at the station from the link', async () => {
    const f = stubFetch((url, init) => {
      if (url.startsWith(`/api/v1/public/stations/${STATION_ID}`)) return json(station())
      if (url === '/api/v1/my/wishes' && init?.method === 'POST')
        return json(myWish({ status: 'pending_review', claim: null }), 201)
      return undefined
    })
    renderWishPage(`/w/new?stationId=${STATION_ID}`, '/w/new', PostPage)
    expect(await screen.findByText('筑友驿站（龙岗一号工地）')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '提交心愿' }))
    expect(screen.getByText('请写下您的心愿')).toBeTruthy()
    expect(screen.getByText('请选择心愿类别')).toBeTruthy()
    expect(screen.getByText('请选择日期')).toBeTruthy()
    expect(posts(f)).toHaveLength(0)

    const title = screen.getByLabelText('心愿内容')
    fireEvent.change(title, { target: { value: '想给孩子买一套学习用品' } })
    expect(screen.getByText(/11\/60 字/)).toBeTruthy()
    expect(screen.queryByText('请写下您的心愿')).toBeNull()
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: 'study' } })
    const deadline = addDays(chinaToday(), 10)
    fireEvent.change(screen.getByLabelText('希望在哪天之前实现'), {
      target: { value: deadline },
    })
    fireEvent.click(screen.getByRole('button', { name: '提交心愿' }))

    expect(await screen.findByText('心愿已提交')).toBeTruthy()
    expect(bodyOf(posts(f)[0]?.[1])).toEqual({
      title: '想给孩子买一套学习用品',
      description: '',
      category: 'study',
      deadline,
      stationId: STATION_ID,
    })
  })

  it("shows the server's refusal and keeps the form", async () => {
    stubFetch((url, init) => {
      if (url === '/api/v1/my/wishes' && init?.method === 'POST')
        return json(
          { error: { code: 'WISH_STATION_CLOSED', message: '该站点已关闭，不再接收心愿' } },
          409,
        )
      return undefined
    })
    renderWishPage('/w/new', '/w/new', PostPage)
    fireEvent.change(await screen.findByLabelText('心愿内容'), { target: { value: '一双劳保鞋' } })
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: 'daily_necessities' } })
    fireEvent.change(screen.getByLabelText('希望在哪天之前实现'), {
      target: { value: addDays(chinaToday(), 3) },
    })
    fireEvent.click(screen.getByRole('button', { name: '提交心愿' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('站点已关闭'))
    expect(screen.getByLabelText<HTMLInputElement>('心愿内容').value).toBe('一双劳保鞋')
  })

  it('keeps a half-written wish across a reload, and forgets it once posted', async () => {
    stubFetch((url, init) => {
      if (url.startsWith(`/api/v1/public/stations/${STATION_ID}`)) return json(station())
      if (url === '/api/v1/my/wishes' && init?.method === 'POST')
        return json(myWish({ status: 'pending_review', claim: null }), 201)
      return undefined
    })
    const at = `/w/new?stationId=${STATION_ID}`
    const first = renderWishPage(at, '/w/new', PostPage)
    fireEvent.change(await screen.findByLabelText('心愿内容'), { target: { value: '一双劳保鞋' } })
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: 'daily_necessities' } })
    first.unmount()

    const second = renderWishPage(at, '/w/new', PostPage)
    expect((await screen.findByLabelText<HTMLInputElement>('心愿内容')).value).toBe('一双劳保鞋')
    expect(screen.getByLabelText<HTMLSelectElement>('类别').value).toBe('daily_necessities')
    fireEvent.change(screen.getByLabelText('希望在哪天之前实现'), {
      target: { value: addDays(chinaToday(), 5) },
    })
    fireEvent.click(screen.getByRole('button', { name: '提交心愿' }))
    expect(await screen.findByText('心愿已提交')).toBeTruthy()
    second.unmount()

    renderWishPage(at, '/w/new', PostPage)
    expect((await screen.findByLabelText<HTMLInputElement>('心愿内容')).value).toBe('')
  })
})
