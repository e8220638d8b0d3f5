import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import {
  api,
  type Call,
  campaignIn,
  CATEGORY,
  fakeServer,
  GANSU,
  json,
  LANZHOU,
  nomination,
  page,
  WUWEI,
} from './nominations.test-fixtures'
import { NominationsTab } from './nominations-tab'

const campaign = campaignIn('nomination')
const routes = api(campaign.id)
const LETTER = '兹推荐张建国同志参评陇原工匠。该同志从事焊接工作十八年，技术精湛。'

afterEach(() => vi.unstubAllGlobals())

/** Renders the tab with a fake server whose nominate route answers `nominate`. */
const setup = (nominate: (c: Call) => Response) => {
  const server = fakeServer({
    [routes.list]: page([nomination()]),
    [routes.orgs]: {
      nominatorInScope: true,
      items: [
        { id: GANSU, name: '甘肃省总工会' },
        { id: LANZHOU, name: '兰州市总工会' },
      ],
    },
    [routes.employers]: [
      { id: WUWEI, name: '武威市总工会', kind: 'city_federation', parentName: '甘肃省总工会' },
    ],
    [routes.nominate]: nominate,
  })
  vi.stubGlobal('fetch', server.fetchMock)
  renderWithProviders(
    <NominationsTab campaign={campaign} />,
    makeSession(['campaign:review', 'campaign:manage']),
  )
  return server
}

const openForm = async () => {
  fireEvent.click(
    await screen.findByRole('button', { name: /以组织名义推荐/ }, { timeout: 15_000 }),
  )
  return screen.findByRole('form', { name: '以组织名义推荐' }, { timeout: 15_000 })
}

const type = (form: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(form).getByLabelText(label), { target: { value } })

/** Fills every field an org nomination needs, except (when asked) the letter. */
const fill = async (form: HTMLElement, { letter = true } = {}) => {
  type(form, '被推荐人姓名', '张建国')
  type(form, '被推荐人手机号', '13900001111')
  const employer = within(form).getByLabelText('工作单位')
  fireEvent.mouseDown(employer)
  fireEvent.change(employer, { target: { value: '武威' } })
  fireEvent.click(await screen.findByText('武威市总工会（甘肃省总工会）', {}, { timeout: 15_000 }))
  type(form, '工种/岗位', '焊工')
  type(form, '工作年限（年）', '18')
  fireEvent.click(within(form).getByRole('radio', { name: '是' }))
  type(form, '主要事迹', '攻克高铁转向架焊接难题，获全国技术能手称号。')
  type(form, '推荐理由', '技术过硬，爱岗敬业。')
  if (letter) type(form, '推荐信', LETTER)
}

const submit = (form: HTMLElement) =>
  fireEvent.click(within(form).getByRole('button', { name: /提交推荐/ }))

const created = (over: Record<string, unknown> = {}) =>
  nomination({
    nomineeName: '张建国',
    nomineeMobileMasked: '139****1111',
    status: 'awaiting_consent',
    consentedAt: null,
    merged: false,
    nominatingOrgNames: undefined,
    ...over,
  })

describe('OrgNominationForm', { timeout: 120_000 }, () => {
  it('refuses to submit without a letter and says it is needed', async () => {
    const server = setup(() => json(created(), 201))
    const form = await openForm()
    await fill(form, { letter: false })
    submit(form)

    expect(
      await within(form).findByText('组织推荐需要附推荐信', {}, { timeout: 15_000 }),
    ).toBeTruthy()
    // Whitespace is no letter either.
    type(form, '推荐信', '   ')
    submit(form)
    await new Promise((r) => setTimeout(r, 100))
    expect(within(form).getByText('组织推荐需要附推荐信')).toBeTruthy()
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('posts the org, the letter and the nominee, says it was created and refreshes the list', async () => {
    const server = setup(() => json(created(), 201))
    await screen.findByRole('button', { name: '李秀兰' }, { timeout: 15_000 })
    const listCalls = () =>
      server.calls.filter((c) => `${c.method} ${c.path}` === routes.list).length
    const before = listCalls()
    const form = await openForm()
    await fill(form)
    submit(form)

    await waitFor(() => expect(server.calls.some((c) => c.method === 'POST')).toBe(true), {
      timeout: 15_000,
    })
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({
      // The user's current org is the default nominating org.
      nominatingOrgId: GANSU,
      categoryId: CATEGORY,
      nomineeName: '张建国',
      nomineeMobile: '13900001111',
      employerOrgId: WUWEI,
      trade: '焊工',
      years: 18,
      isFrontLine: true,
      achievements: '攻克高铁转向架焊接难题，获全国技术能手称号。',
      photoUrls: [],
      reason: '技术过硬，爱岗敬业。',
      recommendationLetter: LETTER,
    })
    const status = await screen.findByRole('status', {}, { timeout: 15_000 })
    expect(status.textContent).toContain('已推荐 张建国')
    expect(status.textContent).toContain('已向 139****1111 发送确认短信')
    await waitFor(() => expect(listCalls()).toBeGreaterThan(before), { timeout: 15_000 })
  })

  it('says when the person had been nominated already and this joined it', async () => {
    setup(() => json(created({ merged: true, supporterCount: 3, status: 'submitted' }), 200))
    const form = await openForm()
    await fill(form)
    submit(form)

    const status = await screen.findByRole('status', {}, { timeout: 15_000 })
    expect(status.textContent).toContain('张建国 已有人推荐，本次推荐已并入原推荐')
    expect(status.textContent).toContain('现有 3 个推荐人')
  })

  it("shows the server's refusal on the field it concerns, or above the buttons", async () => {
    let answer = json(
      {
        error: {
          code: 'NOMINATION_EMPLOYER_OUT_OF_SCOPE',
          message: 'employer out of scope',
          details: { orgId: WUWEI },
        },
      },
      400,
    )
    setup(() => answer)
    const form = await openForm()
    await fill(form)
    submit(form)

    const employerError = await within(form).findByText(
      '被推荐人的工作单位须在本评选所属工会范围内',
      {},
      { timeout: 15_000 },
    )
    expect(employerError.closest('.ant-form-item')?.textContent).toContain('工作单位')

    answer = json(
      { error: { code: 'NOMINATION_ALREADY_SUPPORTED', message: 'already', details: {} } },
      409,
    )
    submit(form)
    const alert = await within(form).findByRole('alert', {}, { timeout: 15_000 })
    expect(alert.textContent).toContain('您已在本评选中推荐过此人')
  })
})
