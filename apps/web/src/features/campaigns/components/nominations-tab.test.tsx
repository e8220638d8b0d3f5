import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Permission } from '@unionhall/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import {
  api,
  campaignIn,
  fakeServer,
  GANSU,
  json,
  LANZHOU,
  nomination,
  page,
} from './nominations.test-fixtures'
import { NominationsTab } from './nominations-tab'

const ACTION = /以组织名义推荐/
const ORGS = {
  nominatorInScope: true,
  items: [
    { id: GANSU, name: '甘肃省总工会' },
    { id: LANZHOU, name: '兰州市总工会' },
  ],
}

afterEach(() => vi.unstubAllGlobals())

const renderTab = (
  phase: Parameters<typeof campaignIn>[0],
  permissions: Permission[],
  orgs: unknown = ORGS,
) => {
  const campaign = campaignIn(phase)
  const routes = api(campaign.id)
  const server = fakeServer({
    [routes.list]: page([nomination()]),
    [routes.orgs]: orgs,
  })
  vi.stubGlobal('fetch', server.fetchMock)
  renderWithProviders(<NominationsTab campaign={campaign} />, makeSession(permissions))
  return { ...server, routes }
}

/** The tab has loaded its list (so any button it would show has had its chance). */
const listLoaded = () => screen.findByRole('button', { name: '李秀兰' }, { timeout: 15_000 })
const asked = (calls: { method: string; path: string }[], route: string) =>
  calls.some((c) => `${c.method} ${c.path}` === route)

describe('NominationsTab: nominating on behalf of an org', { timeout: 60_000 }, () => {
  it('offers the button while nomination is open to staff who manage campaigns', async () => {
    const { calls, routes } = renderTab('nomination', ['campaign:review', 'campaign:manage'])
    const button = await screen.findByRole('button', { name: ACTION }, { timeout: 15_000 })
    expect(button.hasAttribute('disabled')).toBe(false)
    expect(asked(calls, routes.orgs)).toBe(true)
  })

  it('hides it from reviewers without campaign:manage, without asking for orgs', async () => {
    const { calls, routes } = renderTab('nomination', ['campaign:review'])
    await listLoaded()
    expect(screen.queryByRole('button', { name: ACTION })).toBeNull()
    expect(asked(calls, routes.orgs)).toBe(false)
  })

  it('hides it outside the nomination phase', async () => {
    const { calls, routes } = renderTab('review', ['campaign:review', 'campaign:manage'])
    await listLoaded()
    expect(screen.queryByRole('button', { name: ACTION })).toBeNull()
    expect(asked(calls, routes.orgs)).toBe(false)
  })

  it('hides it when the grant covers no org of this campaign (the server answers 403)', async () => {
    const { calls, routes } = renderTab('nomination', ['campaign:review', 'campaign:manage'], () =>
      json({ error: { code: 'ACCESS_DENIED', message: 'denied' } }, 403),
    )
    await listLoaded()
    await waitFor(() => expect(asked(calls, routes.orgs)).toBe(true))
    // Give the refused answer time to arrive before checking nothing appeared.
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.queryByRole('button', { name: ACTION })).toBeNull()
  })

  it("disables it and says why when the user's own org is outside the campaign", async () => {
    renderTab('nomination', ['campaign:review', 'campaign:manage'], {
      ...ORGS,
      nominatorInScope: false,
    })
    const button = await screen.findByRole('button', { name: ACTION }, { timeout: 15_000 })
    expect(button.hasAttribute('disabled')).toBe(true)
    const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '')
    expect(reason?.textContent).toBe('您所在单位不在本评选范围内，不能在本评选中推荐。')
  })
})

describe('NominationsTab: where a nomination came from', { timeout: 60_000 }, () => {
  it('names the nominating org in the list and shows its letter in the detail', async () => {
    const campaign = campaignIn('review')
    const routes = api(campaign.id)
    const letter = '兹推荐李秀兰同志参评陇原工匠。\n该同志扎根一线三十年。'
    vi.stubGlobal(
      'fetch',
      fakeServer({
        [routes.list]: page([
          nomination({ nominatingOrgNames: ['甘肃省总工会'] }),
          nomination({
            id: '01a2270b-9000-7000-8000-0000000000d2',
            nomineeName: '张建国',
            nominatingOrgNames: [],
          }),
        ]),
        [routes.detail]: {
          ...nomination({ nominatingOrgNames: undefined }),
          categoryName: '技能类',
          reviewLevelOrgName: '甘肃省总工会',
          reviewLevels: [{ orgId: GANSU, orgName: '甘肃省总工会' }],
          consentUrl: null,
          consentSms: {
            sentAt: null,
            sentTo: null,
            sentToday: 0,
            dailyMax: 5,
            nextAllowedAt: null,
          },
          supporters: [
            {
              nominatorName: null,
              nominatingOrgName: '甘肃省总工会',
              reason: '技术过硬，堪称表率。',
              recommendationLetter: letter,
              createdAt: '2027-01-02T01:00:00.000Z',
            },
          ],
        },
      }).fetchMock,
    )
    renderWithProviders(
      <NominationsTab campaign={campaign} />,
      makeSession(['campaign:review', 'campaign:manage']),
    )

    const table = await screen.findByTestId('nominations-table', {}, { timeout: 15_000 })
    const row = (name: string) =>
      within(table).getByRole('button', { name }).closest('tr') as HTMLElement
    await within(table).findByRole('button', { name: '张建国' }, { timeout: 15_000 })
    expect(within(row('李秀兰')).getByText('甘肃省总工会')).toBeTruthy()
    expect(within(row('张建国')).queryByText('甘肃省总工会')).toBeNull()

    fireEvent.click(within(table).getByRole('button', { name: '李秀兰' }))
    const letterSection = await screen.findByRole('region', { name: '推荐信' }, { timeout: 15_000 })
    expect(letterSection.textContent).toContain('兹推荐李秀兰同志参评陇原工匠。')
    const drawer = letterSection.closest('.ant-drawer') as HTMLElement
    expect(within(drawer).getByText('单位推荐')).toBeTruthy()
    expect(within(drawer).getAllByText('甘肃省总工会').length).toBeGreaterThan(0)
  })
})

describe('NominationsTab: merging duplicates', { timeout: 60_000 }, () => {
  it('tells the two apart in the merge dialog: mobile, Beijing time, supporters, consent', async () => {
    const campaign = campaignIn('review')
    const routes = api(campaign.id)
    vi.stubGlobal(
      'fetch',
      fakeServer({
        [routes.list]: page([
          nomination({ nomineeName: '李师傅', employerOrgName: '兰州市总工会' }),
          nomination({
            id: '01a2270b-9000-7000-8000-0000000000d2',
            nomineeName: '李师傅',
            employerOrgName: '兰州市总工会',
            nomineeMobileMasked: '138****0002',
            status: 'awaiting_consent',
            consentedAt: null,
            supporterCount: 3,
            createdAt: '2027-01-03T16:30:00.000Z',
          }),
        ]),
      }).fetchMock,
    )
    renderWithProviders(<NominationsTab campaign={campaign} />, makeSession(['campaign:review']))

    const boxes = await screen.findAllByRole(
      'checkbox',
      { name: '选择 李师傅' },
      { timeout: 15_000 },
    )
    for (const box of boxes) fireEvent.click(box)
    fireEvent.click(screen.getByRole('button', { name: /合并所选/ }))

    const dialog = await screen.findByRole('dialog')
    const options = within(dialog)
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent)
    expect(options).toEqual([
      '李师傅 · 兰州市总工会 · 待审核139****0001 · 2027-01-02 09:00（北京时间）提交 · 推荐人 1 人 · 本人已确认',
      '李师傅 · 兰州市总工会 · 待本人确认138****0002 · 2027-01-04 00:30（北京时间）提交 · 推荐人 3 人 · 等待本人确认',
    ])
  })
})
