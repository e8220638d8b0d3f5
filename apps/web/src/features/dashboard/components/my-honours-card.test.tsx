import { screen, within } from '@testing-library/react'
import type { MemberHonour } from '@unionhall/contracts'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { useMyHonours } from '../api/use-dashboard'
import { MyHonoursCard } from './my-honours-card'

const SESSION = makeSession([])
const CAMPAIGN = '01a2270b-7d6a-7c12-abf4-0000000000b1'
const OLDER = '01a2270b-7d6a-7c12-abf4-0000000000b2'

const honour = (over: Partial<MemberHonour>): MemberHonour => ({
  id: '01a2270b-7d6a-7c12-abf4-0000000000e1',
  memberId: SESSION.member.id,
  title: '陇原工匠',
  year: 2021,
  campaignId: CAMPAIGN,
  campaignName: '2021年陇原工匠评选',
  orgName: '甘肃省总工会',
  categoryName: '技能工匠',
  awardedAt: '2021-12-01T02:00:00.000Z',
  ...over,
})

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  })

const serve = (items: MemberHonour[]) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://localhost').pathname
      return json(path === '/api/v1/public/campaigns/honours/mine' ? items : [])
    }),
  )

/** Says when the honours have arrived, through the same query the card uses. */
const Loaded = () => {
  const q = useMyHonours(SESSION.member.id)
  return q.data ? <p>loaded {q.data.length}</p> : null
}

const renderCard = () =>
  renderWithProviders(
    <MemoryRouter>
      <section data-testid="card">
        <MyHonoursCard />
      </section>
      <Loaded />
    </MemoryRouter>,
    SESSION,
  )

describe('MyHonoursCard', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists my honours with year, campaign and category, linking to the results', async () => {
    serve([
      honour({}),
      honour({
        id: '01a2270b-7d6a-7c12-abf4-0000000000e2',
        title: '金城工匠',
        year: 2019,
        campaignId: OLDER,
        campaignName: '2019年金城工匠评选',
        categoryName: '创新工匠',
      }),
    ])
    renderCard()
    expect(
      await screen.findByRole('heading', { name: '我的荣誉' }, { timeout: 15_000 }),
    ).toBeTruthy()
    const items = screen.getAllByRole('listitem')
    expect(items).toHaveLength(2)
    const first = within(items[0]!)
    expect(first.getByText('陇原工匠')).toBeTruthy()
    expect(first.getByText('2021年')).toBeTruthy()
    expect(first.getByText(/类别：技能工匠/)).toBeTruthy()
    expect(first.getByRole('link', { name: '2021年陇原工匠评选' }).getAttribute('href')).toBe(
      `/c/${CAMPAIGN}/results`,
    )
    const second = within(items[1]!)
    expect(second.getByText('金城工匠')).toBeTruthy()
    expect(second.getByText('2019年')).toBeTruthy()
    expect(second.getByRole('link', { name: '2019年金城工匠评选' }).getAttribute('href')).toBe(
      `/c/${OLDER}/results`,
    )
  })

  it('is not shown to a member without honours', async () => {
    serve([])
    renderCard()
    expect(await screen.findByText('loaded 0', {}, { timeout: 15_000 })).toBeTruthy()
    expect(screen.getByTestId('card').textContent).toBe('')
  })
})
