import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { apiError, json, station, stubFetch } from '../../stations-public/test/render'
import { STATION_ID, WISH_ID, bodyOf, myWish, publicWish, renderWishPage } from '../test/render'
import { cascaded, sheet } from '../test/cascade'
import { Component as WallPage } from './wall-page'

const claimUrl = `/api/v1/wishes/${WISH_ID}/claims`
const page = (items = [publicWish()]) => ({ items, total: items.length, page: 1, pageSize: 10 })

const serve = (claim: () => Response) =>
  stubFetch((url, init) => {
    if (url === claimUrl && init?.method === 'POST') return claim()
    if (url.startsWith('/api/v1/public/wishes?')) return json(page())
    if (url.startsWith(`/api/v1/public/stations/${STATION_ID}`)) return json(station())
    return undefined
  })

const openClaim = async () => {
  const card = (await screen.findByRole('heading', { name: '想给孩子买一套学习用品' })).closest(
    'li',
  )!
  fireEvent.click(within(card).getByRole('button', { name: '我来认领' }))
  return card
}

describe('wish wall', () => {
  afterEach(() => vi.unstubAllGlobals())

  it("shows only the masked name and the station, and asks the station's wall", async () => {
    const f = serve(() => json({}, 500))
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    expect(await screen.findByText(/心愿人 张\*明/)).toBeTruthy()
    const wallCall = f.mock.calls.find(([u]) => u.startsWith('/api/v1/public/wishes?'))
    const q = new URL(wallCall![0], 'http://x').searchParams
    expect(q.get('stationId')).toBe(STATION_ID)
    expect(q.get('orgId')).toBeNull()
  })

  it('filters by category from the chips', async () => {
    const f = serve(() => json({}, 500))
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    await screen.findByText(/心愿人 张\*明/)
    fireEvent.click(screen.getByRole('button', { name: '健康医疗' }))
    await waitFor(() =>
      expect(
        f.mock.calls.some(
          ([u]) => u.startsWith('/api/v1/public/wishes?') && u.includes('category=health'),
        ),
      ).toBe(true),
    )
    expect(screen.getByRole('button', { name: '健康医疗' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
  })

  it("offers no claim on the worker's own wish, and says it is theirs", async () => {
    const other = publicWish({ id: '01a2270b-7dd3-7662-b520-0268f56c8102', title: '需要一件雨衣' })
    const f = stubFetch((url) => {
      if (url.startsWith('/api/v1/public/wishes?')) return json(page([publicWish(), other]))
      if (url.startsWith('/api/v1/my/wishes?'))
        return json({ items: [myWish({ status: 'published' })], total: 1, page: 1, pageSize: 200 })
      if (url.startsWith(`/api/v1/public/stations/${STATION_ID}`)) return json(station())
      return undefined
    })
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const own = (await screen.findByRole('heading', { name: '想给孩子买一套学习用品' })).closest(
      'li',
    )!
    expect(await within(own).findByText('这是您提的心愿，等待志愿者认领。')).toBeTruthy()
    expect(within(own).queryByRole('button', { name: '我来认领' })).toBeNull()
    const theirs = screen.getByRole('heading', { name: '需要一件雨衣' }).closest('li')!
    expect(within(theirs).getByRole('button', { name: '我来认领' })).toBeTruthy()
    const mineCall = f.mock.calls.find(([u]) => u.startsWith('/api/v1/my/wishes?'))
    expect(new URL(mineCall![0], 'http://x').searchParams.get('status')).toBe('published')
  })

  it('says plainly, above the reloaded wall, when someone else took the wish first', async () => {
    // The wall answers with the wish until the claim is refused, then without it (taken).
    let taken = false
    const f = stubFetch((url, init) => {
      if (url === claimUrl && init?.method === 'POST') {
        taken = true
        return apiError('WISH_ALREADY_CLAIMED', 409)
      }
      if (url.startsWith('/api/v1/public/wishes?')) return json(page(taken ? [] : [publicWish()]))
      if (url.startsWith(`/api/v1/public/stations/${STATION_ID}`)) return json(station())
      return undefined
    })
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    fireEvent.click(within(card).getByLabelText('党员'))
    fireEvent.click(within(card).getByRole('button', { name: '确认认领' }))
    // The wall was fetched again and the card is gone …
    expect(await screen.findByText('暂时没有待认领的心愿。')).toBeTruthy()
    expect(screen.queryByRole('heading', { name: '想给孩子买一套学习用品' })).toBeNull()
    expect(f.mock.calls.filter(([u]) => u.startsWith('/api/v1/public/wishes?')).length).toBe(2)
    // … and the reason stays, in a live region above the list.
    const status = screen.getByTestId('wall-notice')
    expect(status.getAttribute('role')).toBe('status')
    expect(status.textContent).toBe(
      '“想给孩子买一套学习用品”：这个心愿刚刚被别人认领了，看看其他心愿吧。',
    )
    expect(
      status.compareDocumentPosition(screen.getByRole('list', { name: '心愿列表' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
  })

  it('says a conflict once, above the wall, when the card stays', async () => {
    serve(() => apiError('WISH_CLAIM_DUPLICATE', 409))
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    fireEvent.click(within(card).getByRole('button', { name: '确认认领' }))
    await waitFor(() =>
      expect(screen.getByTestId('wall-notice').textContent).toContain('您已经认领过这个心愿了'),
    )
    expect(within(card).queryByRole('alert')).toBeNull()
  })

  it('keeps a refusal other than a conflict with the form', async () => {
    serve(() => apiError('WISH_CLAIM_DUE_INVALID', 400))
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    fireEvent.click(within(card).getByRole('button', { name: '确认认领' }))
    expect((await within(card).findByRole('alert')).textContent).toBe(
      '送达日期须在今天到心愿截止日之间。',
    )
    expect(screen.getByTestId('wall-notice').textContent).toBe('')
  })

  const PENGCHENG = '01a2270b-7dd3-7662-b520-0268f56c8301'
  const servePartners = (items: { id: string; name: string }[], partyMember = false) =>
    stubFetch((url, init) => {
      if (url === claimUrl && init?.method === 'POST')
        return json(
          {
            id: '01a2270b-7dd3-7662-b520-0268f56c8201',
            status: 'active',
            claimantKind: 'partner_company',
            claimantName: '鹏城建设',
            dueDate: '2099-12-31',
            photos: [],
            note: '',
            claimedAt: '2026-11-29T02:00:00.000Z',
            fulfilledAt: null,
            endedAt: null,
            endReason: null,
            wish: { ...publicWish({ status: 'claimed' }), thanks: null },
          },
          201,
        )
      if (url.startsWith('/api/v1/my/wish-partners?'))
        return json({
          items: items.map((p) => ({ ...p, orgId: STATION_ID, orgName: '龙岗区总工会' })),
          partyMember,
        })
      if (url.startsWith('/api/v1/public/wishes?')) return json(page())
      if (url.startsWith(`/api/v1/public/stations/${STATION_ID}`)) return json(station())
      return undefined
    })

  it('claims for a registered partner company chosen from mine, not a typed name', async () => {
    const f = servePartners([
      { id: PENGCHENG, name: '鹏城建设' },
      { id: '01a2270b-7dd3-7662-b520-0268f56c8302', name: '平安银行龙岗支行' },
    ])
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    fireEvent.click(within(card).getByLabelText('爱心企业'))
    const select = await within(card).findByLabelText('代表的爱心企业')
    expect(within(card).queryByRole('textbox', { name: /企业/ })).toBeNull()
    fireEvent.click(within(card).getByRole('button', { name: '确认认领' }))
    expect(within(card).getByRole('alert').textContent).toBe('请选择代表的爱心企业')
    fireEvent.change(select, { target: { value: PENGCHENG } })
    fireEvent.click(within(card).getByRole('button', { name: '确认认领' }))
    expect(await within(card).findByText(/认领成功/)).toBeTruthy()
    const call = f.mock.calls.find(([u, init]) => u === claimUrl && init?.method === 'POST')
    expect(bodyOf(call?.[1])).toEqual({ claimantKind: 'partner_company', partnerId: PENGCHENG })
    // Only the partners that may claim this wish are offered.
    const asked = f.mock.calls.find(([u]) => u.startsWith('/api/v1/my/wish-partners?'))
    expect(new URL(asked![0], 'http://x').searchParams.get('wishId')).toBe(WISH_ID)
  })

  it('says how to become a partner claimant when I claim for none, and sends nothing', async () => {
    const f = servePartners([])
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    fireEvent.click(within(card).getByLabelText('爱心企业'))
    expect(await within(card).findByText(/需要工会先登记这家企业/)).toBeTruthy()
    fireEvent.click(within(card).getByRole('button', { name: '确认认领' }))
    expect(within(card).getByRole('alert').textContent).toBe('请选择代表的爱心企业')
    expect(f.mock.calls.some(([u, init]) => u === claimUrl && init?.method === 'POST')).toBe(false)
  })

  it('offers 党员 to a member the union records as a party member, and claims as one', async () => {
    const f = servePartners([], true)
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    const party = within(card).getByLabelText<HTMLInputElement>('党员')
    await waitFor(() => expect(party.disabled).toBe(false))
    expect(within(card).queryByText(/需要工会在会员信息中登记/)).toBeNull()
    fireEvent.click(party)
    fireEvent.click(within(card).getByRole('button', { name: '确认认领' }))
    await waitFor(() =>
      expect(f.mock.calls.some(([u, init]) => u === claimUrl && init?.method === 'POST')).toBe(
        true,
      ),
    )
    const call = f.mock.calls.find(([u, init]) => u === claimUrl && init?.method === 'POST')
    expect(bodyOf(call?.[1])).toEqual({ claimantKind: 'party_member' })
  })

  it('lays the 我的身份 choices out with room: each radio apart from its words, the choices apart', async () => {
    servePartners([], true)
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    const sheets = [
      sheet('features/campaigns-public/components/public.css'),
      sheet('features/wishes-public/components/wishes-public.css'),
    ]
    const group = within(card).getByRole('group', { name: '我的身份' })
    expect(cascaded(group, 'border-top-width', sheets)).toBe('0px')
    for (const name of ['志愿者', '党员', '爱心企业']) {
      const label = within(card).getByLabelText(name).closest('label')!
      // A flex box with a gap between the radio and its text, in regular weight.
      expect(cascaded(label, 'display', sheets), name).toBe('flex')
      expect(cascaded(label, 'gap', sheets), name).toBe('0.5em')
      expect(cascaded(label, 'font-weight', sheets), name).toBe('normal')
      // The choices sit in a wrapping row with a gap between their boxes.
      const row = label.parentElement!
      expect(cascaded(row, 'display', sheets)).toBe('flex')
      expect(cascaded(row, 'gap', sheets)).toBe('0.5em')
    }
  })

  it('does not offer 党员 to others, and says why: the union keeps the record', async () => {
    servePartners([], false)
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    const hint = await within(card).findByText(/需要工会在会员信息中登记您的政治面貌/)
    const party = within(card).getByLabelText<HTMLInputElement>('党员')
    expect(party.disabled).toBe(true)
    expect(party.getAttribute('aria-describedby')).toBe(hint.id)
    // Volunteer and partner company stay on offer.
    expect(within(card).getByLabelText<HTMLInputElement>('志愿者').disabled).toBe(false)
    expect(within(card).getByLabelText<HTMLInputElement>('爱心企业').disabled).toBe(false)
  })

  it('says in the form why a claim as a party member was refused (the record changed meanwhile)', async () => {
    stubFetch((url, init) => {
      if (url === claimUrl && init?.method === 'POST')
        return apiError('WISH_CLAIMANT_NOT_PARTY_MEMBER', 403)
      if (url.startsWith('/api/v1/my/wish-partners?')) return json({ items: [], partyMember: true })
      if (url.startsWith('/api/v1/public/wishes?')) return json(page())
      if (url.startsWith(`/api/v1/public/stations/${STATION_ID}`)) return json(station())
      return undefined
    })
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage)
    const card = await openClaim()
    const party = within(card).getByLabelText<HTMLInputElement>('党员')
    await waitFor(() => expect(party.disabled).toBe(false))
    fireEvent.click(party)
    fireEvent.click(within(card).getByRole('button', { name: '确认认领' }))
    expect((await within(card).findByRole('alert')).textContent).toBe(
      '工会登记的政治面貌不是中共党员或预备党员，不能以党员身份认领。可以志愿者身份认领，或联系所在工会更正。',
    )
  })

  it('sends a visitor to sign in before claiming', async () => {
    serve(() => json({}, 500))
    renderWishPage(`/w/wall?stationId=${STATION_ID}`, '/w/wall', WallPage, null)
    expect(await screen.findByRole('link', { name: '登录后认领' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '我来认领' })).toBeNull()
  })
})
