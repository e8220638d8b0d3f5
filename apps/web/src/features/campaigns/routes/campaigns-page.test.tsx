import { screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { fakeServer, page } from '../components/nominations.test-fixtures'
import { Component as CampaignsPage } from './campaigns-page'

const COVER = '/api/v1/uploads/01a2270b-9000-7000-8000-0000000000e1'
const item = (n: number, over: Record<string, unknown> = {}) => ({
  id: `01a2270b-9000-7000-8000-00000000010${n}`,
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: `评选${n}`,
  honourTitle: '陇原工匠',
  year: 2027,
  description: '',
  coverImageUrl: null,
  phase: 'nomination',
  phaseMode: 'manual',
  rulesLockedAt: null,
  categories: [],
  createdAt: '2027-01-01T00:00:00.000Z',
  reviewOnly: false,
  ...over,
})

afterEach(() => vi.unstubAllGlobals())

describe('campaigns list', { timeout: 60_000 }, () => {
  it('shows a cover thumbnail, and marks a parent campaign the caller only reviews for', async () => {
    const server = fakeServer({
      'GET /api/v1/campaigns': page([
        item(1, { coverImageUrl: COVER }),
        item(2, { reviewOnly: true }),
      ]),
    })
    vi.stubGlobal('fetch', server.fetchMock)
    renderWithProviders(
      <MemoryRouter>
        <CampaignsPage />
      </MemoryRouter>,
      makeSession(['campaign:read', 'campaign:manage', 'campaign:review']),
    )

    await screen.findByRole('link', { name: '评选1' }, { timeout: 15_000 })
    const thumbs = screen.getAllByTestId('campaign-thumb')
    // The thumbnail asks for the smallest stored width, not the full upload (ADR 0032).
    expect(thumbs.map((img) => [img.getAttribute('src'), img.getAttribute('loading')])).toEqual([
      [`${COVER}?w=320`, 'lazy'],
    ])
    expect(screen.getByText('上级评选 · 审核本单位推荐')).toBeTruthy()
    // Only the campaign they run offers 编辑.
    expect(screen.getAllByRole('link', { name: /编辑/ })).toHaveLength(1)
  })
})
