import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { InAppNotification } from '@unionhall/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { json, stubFetch } from '../../stations-public/test/render'
import { WISH_ID, renderWishPage } from '../test/render'
import { Component as NotificationsPage } from './notifications-page'

const N1 = '01a2270b-7dd3-7662-b520-0268f56c8401'
const note = (over: Partial<InAppNotification> = {}): InAppNotification => ({
  id: N1,
  kind: 'wish.fulfilled',
  params: { wishId: WISH_ID, title: '一双劳保鞋' },
  link: `/w/my/wishes/${WISH_ID}`,
  createdAt: '2026-11-29T02:00:00.000Z',
  readAt: null,
  ...over,
})

describe('notifications page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('renders each kind in words, quotes thanks, and marks one read', async () => {
    let read = false
    const f = stubFetch((url, init) => {
      if (url === `/api/v1/notifications/${N1}/read` && init?.method === 'POST') {
        read = true
        return json(note({ readAt: '2026-11-29T03:00:00.000Z' }))
      }
      if (url.startsWith('/api/v1/notifications?'))
        return json({
          items: [
            note({ readAt: read ? '2026-11-29T03:00:00.000Z' : null }),
            note({
              id: '01a2270b-7dd3-7662-b520-0268f56c8402',
              kind: 'wish.confirmed',
              params: { wishId: WISH_ID, title: '一双劳保鞋', thanks: '谢谢师傅' },
              link: '/w/my/claims',
              readAt: '2026-11-29T03:00:00.000Z',
            }),
            note({ id: '01a2270b-7dd3-7662-b520-0268f56c8403', kind: 'future.kind', link: null }),
          ],
          total: 3,
          page: 1,
          pageSize: 20,
          unread: read ? 1 : 2,
        })
      return undefined
    })
    renderWishPage('/w/notifications', '/w/notifications', NotificationsPage)
    expect(await screen.findByText(/心愿“一双劳保鞋”已送达，请确认收到/)).toBeTruthy()
    expect(screen.getByText(/心愿“一双劳保鞋”的心愿人已确认收到/)).toBeTruthy()
    expect(screen.getByText('“谢谢师傅”')).toBeTruthy()
    expect(screen.getByText(/您有一条新消息/)).toBeTruthy()
    expect(screen.getByText('2 条未读', { selector: 'span:not(.wp-badge)' })).toBeTruthy()

    fireEvent.click(screen.getAllByRole('button', { name: '标为已读' })[0]!)
    await waitFor(() =>
      expect(
        f.mock.calls.some(
          ([u, init]) => u === `/api/v1/notifications/${N1}/read` && init?.method === 'POST',
        ),
      ).toBe(true),
    )
    expect(await screen.findByText('1 条未读', { selector: 'span:not(.wp-badge)' })).toBeTruthy()
  })
})
