import { fireEvent, screen, within } from '@testing-library/react'
import type { MyJuryAssignment } from '@unionhall/contracts'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { useMyJuryAssignments } from '../api/use-dashboard'
import { MyJuryCard } from './my-jury-card'

const OPEN = '01a2270b-7d6a-7c12-abf4-0000000000a1'
const SOON = '01a2270b-7d6a-7c12-abf4-0000000000a2'
const PAST = '01a2270b-7d6a-7c12-abf4-0000000000a3'

const assignment = (over: Partial<MyJuryAssignment>): MyJuryAssignment => ({
  campaignId: OPEN,
  name: '2026年陇原工匠评选',
  year: 2026,
  honourTitle: '陇原工匠',
  orgName: '甘肃省总工会',
  phase: 'jury',
  phaseEndsAt: '2026-12-10T16:00:00.000Z',
  candidateCount: 10,
  scoredCount: 3,
  scoringOpen: true,
  ...over,
})

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  })

/** Answers the jury list with `items`; anything else is an empty list. */
const serve = (items: MyJuryAssignment[]) => {
  const asked: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://localhost').pathname
      asked.push(path)
      return json(path === '/api/v1/campaigns/jury/mine' ? items : [])
    }),
  )
  return asked
}

/** Says when the jury list has arrived, through the same query the card uses. */
const Loaded = () => {
  const q = useMyJuryAssignments(makeSession([]).member.id)
  return q.data ? <p>loaded {q.data.length}</p> : null
}

const renderCard = () =>
  renderWithProviders(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="/" element={<MyJuryCard />} />
        <Route path="/campaigns/:campaignId/jury" element={<p>scoring page</p>} />
      </Routes>
    </MemoryRouter>,
    makeSession([]),
  )

describe('MyJuryCard', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists my campaigns with phase and progress, and opens the scoring page', async () => {
    serve([
      assignment({}),
      assignment({
        campaignId: SOON,
        name: '2027年陇原工匠评选',
        phase: 'voting',
        scoringOpen: false,
        scoredCount: 0,
      }),
      assignment({
        campaignId: PAST,
        name: '2025年陇原工匠评选',
        phase: 'announced',
        phaseEndsAt: null,
        scoringOpen: false,
        scoredCount: 10,
      }),
    ])
    renderCard()
    expect(
      await screen.findByRole('heading', { name: '我的评审任务' }, { timeout: 15_000 }),
    ).toBeTruthy()
    const items = screen.getAllByRole('listitem')
    expect(items).toHaveLength(3)

    const open = within(items[0]!)
    expect(open.getByText('2026年陇原工匠评选')).toBeTruthy()
    expect(open.getByText('专家评审')).toBeTruthy()
    expect(open.getByText('已评 3/10')).toBeTruthy()
    expect(open.getByText(/甘肃省总工会主办 · 2026年陇原工匠/)).toBeTruthy()
    const link = open.getByRole('link', { name: '去评分' })
    expect(link.getAttribute('href')).toBe(`/campaigns/${OPEN}/jury`)

    // Not open: the button is disabled and says why, before and after the jury phase.
    const soon = within(items[1]!)
    expect(soon.getByText('投票')).toBeTruthy()
    expect(soon.queryByRole('link')).toBeNull()
    const soonButton = soon.getByRole<HTMLButtonElement>('button', { name: '去评分' })
    expect(soonButton.disabled).toBe(true)
    expect(soonButton.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(soonButton.getAttribute('aria-describedby')!)?.textContent).toBe(
      '专家评审阶段开始后才能评分，届时请回来这里。',
    )
    const past = within(items[2]!)
    expect(past.getByText('已评 10/10')).toBeTruthy()
    expect(past.getByText('已全部评完')).toBeTruthy()
    expect(past.getByRole<HTMLButtonElement>('button', { name: '去评分' }).disabled).toBe(true)
    expect(past.getByText('专家评审阶段已结束，不能再评分。')).toBeTruthy()

    fireEvent.click(link)
    expect(await screen.findByText('scoring page', {}, { timeout: 15_000 })).toBeTruthy()
  })

  it('is not shown to a member who is no juror', async () => {
    serve([])
    renderWithProviders(
      <MemoryRouter>
        <section data-testid="card">
          <MyJuryCard />
        </section>
        <Loaded />
      </MemoryRouter>,
      makeSession([]),
    )
    // The probe shares the card's query: once it has the answer, so has the card.
    expect(await screen.findByText('loaded 0', {}, { timeout: 15_000 })).toBeTruthy()
    expect(screen.getByTestId('card').textContent).toBe('')
  })
})
