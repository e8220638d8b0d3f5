import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { Station } from '@unionhall/contracts'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { Component as CreatePage } from '../routes/station-create-page'
import { Component as EditPage } from '../routes/station-edit-page'

const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'

const station: Station = {
  id: '01a2270b-9000-7000-8000-00000000a001',
  orgId: ORG,
  orgName: '甘肃省总工会',
  name: '城关环卫驿站',
  kind: 'sanitation',
  status: 'active',
  closedReason: null,
  address: '兰州市城关区庆阳路 1 号',
  lat: 36.06,
  lng: 103.83,
  schedule: {
    weekly: [
      { day: 1, start: '08:00', end: '12:00' },
      { day: 1, start: '11:00', end: '18:00' },
    ],
  },
  capacity: 12,
  amenities: ['microwave'],
  zones: [],
  contactName: '李站长',
  contactMobileMasked: '138****0009',
  dutyPhone: null,
  photos: [],
  services: [],
  description: '',
  openNow: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

type Call = { path: string; method: string; body: unknown }

/** A fake server: GETs answer the station, org lists and holiday calendar; writes answer `write(body)`. */
const serve = (write: (body: Record<string, unknown>) => Response) => {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      const path = new URL(url, 'http://localhost').pathname
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
      calls.push({ path, method, body })
      if (method !== 'GET') return write(body as Record<string, unknown>)
      if (path === '/api/v1/orgs') return json({ items: [], total: 0, page: 1, pageSize: 50 })
      // The schedule editor asks how far the holiday calendar reaches (far enough here).
      if (path === '/api/v1/stations/holiday-calendar')
        return json({ endsOn: '2099-12-31', missingYear: 2100, daysLeft: 365 })
      return json(station)
    }),
  )
  return calls
}

const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET')
const SLOW = { timeout: 15_000 }
const saveButton = () => document.querySelector<HTMLButtonElement>('button[type="submit"]')!
const session = makeSession(['station:read', 'station:manage'])

const renderCreate = () =>
  renderWithProviders(
    <MemoryRouter initialEntries={['/stations/new']}>
      <Routes>
        <Route path="/stations/new" element={<CreatePage />} />
        <Route path="/stations/:stationId" element={<p>详情页</p>} />
      </Routes>
    </MemoryRouter>,
    session,
  )

const renderEdit = () =>
  renderWithProviders(
    <MemoryRouter initialEntries={[`/stations/${station.id}/edit`]}>
      <Routes>
        <Route path="/stations/:stationId/edit" element={<EditPage />} />
        <Route path="/stations/:stationId" element={<p>详情页</p>} />
      </Routes>
    </MemoryRouter>,
    session,
  )

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('station form', { timeout: 120_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('creates a station with GCJ-02 coordinates by default and opens it', async () => {
    const calls = serve((body) => json({ ...station, ...body }, 201))
    renderCreate()
    fireEvent.change(await screen.findByLabelText('站点名称', {}, SLOW), {
      target: { value: '坂田环卫驿站' },
    })
    fireEvent.mouseDown(screen.getByLabelText('站点类型'))
    fireEvent.click(await screen.findByTitle('环卫休息点', {}, SLOW))
    type('地址', '深圳市龙岗区坂田街道 1 号')
    type('纬度', '22.6271')
    type('经度', '114.0655')
    type('负责人', '王师傅')
    type('负责人手机', '13800000009')
    fireEvent.click(saveButton())

    await screen.findByText('详情页', {}, SLOW)
    const [post] = writes(calls)
    expect(post!.path).toBe('/api/v1/stations')
    expect(post!.body).toMatchObject({
      orgId: ORG,
      name: '坂田环卫驿站',
      kind: 'sanitation',
      lat: 22.6271,
      lng: 114.0655,
      coordSystem: 'gcj02',
      capacity: 20,
      contactMobile: '13800000009',
    })
  })

  it('warns while the schedule has no opening period at all, and stops once one is added', async () => {
    serve((body) => json({ ...station, ...body }))
    renderEdit()
    const warning = '尚未设置任何开放时段'
    fireEvent.click(await screen.findByLabelText('删除第 2 行', {}, SLOW))
    expect(screen.queryByText(warning, { exact: false })).toBeNull()
    fireEvent.click(screen.getByLabelText('删除第 1 行'))
    expect(await screen.findByText(warning, { exact: false }, SLOW)).toBeTruthy()
    fireEvent.click(screen.getAllByRole('button', { name: /添加时段/ })[0]!)
    await waitFor(() => expect(screen.queryByText(warning, { exact: false })).toBeNull(), SLOW)
  })

  it('takes an error away as soon as its field is corrected, even while another blocks saving', async () => {
    const calls = serve((body) => json({ ...station, ...body }, 201))
    renderCreate()
    await screen.findByLabelText('站点名称', {}, SLOW)
    fireEvent.click(saveButton())
    await waitFor(() => expect(screen.getAllByText('此项为必填项').length).toBeGreaterThan(1), SLOW)
    const before = screen.getAllByText('此项为必填项').length
    const inError = () =>
      Array.from(document.querySelectorAll('.ant-form-item-has-error label')).map(
        (l) => l.textContent,
      )
    type('站点名称', '坂田环卫驿站')
    await waitFor(() => expect(screen.getAllByText('此项为必填项').length).toBe(before - 1), SLOW)
    type('负责人', '王师傅')
    await waitFor(() => expect(screen.getAllByText('此项为必填项').length).toBe(before - 2), SLOW)
    // The latitude's own range check stops the save: the fields already fixed stay clear.
    type('纬度', '95')
    fireEvent.click(saveButton())
    expect(await screen.findByText('纬度须在 -90 到 90 之间', {}, SLOW)).toBeTruthy()
    expect(inError()).not.toContain('站点名称')
    expect(inError()).not.toContain('负责人')
    expect(writes(calls)).toEqual([])
  })

  it('refuses a period whose end equals its start without sending', async () => {
    const calls = serve((body) => json({ ...station, ...body }))
    renderEdit()
    const end = await screen.findByLabelText('第 2 行的结束时间', {}, SLOW)
    fireEvent.change(end, { target: { value: '11:00' } })
    fireEvent.click(saveButton())
    expect(
      await screen.findByText('开始和结束时间不能相同；全天开放请填 00:00–24:00', {}, SLOW),
    ).toBeTruthy()
    expect(writes(calls)).toEqual([])
  })

  it('refuses an end before the start unless "ends next day" is ticked, then sends the flag', async () => {
    const calls = serve((body) => json({ ...station, ...body }))
    renderEdit()
    // Row 2 typed the wrong way round: 17:00–08:00 for 08:00–17:00.
    await screen.findByLabelText('第 2 行的开始时间', {}, SLOW)
    type('第 2 行的开始时间', '17:00')
    type('第 2 行的结束时间', '08:00')
    fireEvent.click(saveButton())
    const message = await screen.findByText(
      '结束时间早于开始时间；如果营业到第二天，请勾选“至次日”',
      {},
      SLOW,
    )
    const item = message.closest('.ant-form-item')!
    expect(item.querySelector('input')!.getAttribute('aria-label')).toBe('第 2 行的结束时间')
    expect(writes(calls)).toEqual([])

    // The box names its row for screen readers, and ticking it makes the period a night.
    const box = screen.getByRole('checkbox', { name: '第 2 行：至次日' })
    expect((box as HTMLInputElement).checked).toBe(false)
    fireEvent.click(box)
    fireEvent.click(saveButton())
    await waitFor(() => expect(writes(calls)).toHaveLength(1), SLOW)
    expect((writes(calls)[0]!.body as { schedule: unknown }).schedule).toMatchObject({
      weekly: [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '17:00', end: '08:00', overnight: true },
      ],
    })
  })

  it('refuses "ends next day" on a period that ends the same day', async () => {
    const calls = serve((body) => json({ ...station, ...body }))
    renderEdit()
    fireEvent.click(await screen.findByRole('checkbox', { name: '第 1 行：至次日' }, SLOW))
    fireEvent.click(saveButton())
    const message = await screen.findByText(
      '勾选“至次日”时，结束时间应早于开始时间（在第二天结束）',
      {},
      SLOW,
    )
    expect(
      message.closest('.ant-form-item')!.querySelector('input')!.getAttribute('aria-label'),
    ).toBe('第 1 行：至次日')
    expect(writes(calls)).toEqual([])
  })

  it('shows the server overlap problem on the period that overlaps', async () => {
    const calls = serve(() =>
      json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: '部分字段无效',
            details: [
              { path: 'schedule.weekly.1', code: 'PERIOD_OVERLAP', message: 'overlaps weekly.0' },
            ],
          },
        },
        400,
      ),
    )
    renderEdit()
    await screen.findByLabelText('第 2 行的结束时间', {}, SLOW)
    type('站点名称', '城关环卫驿站（新）')
    fireEvent.click(saveButton())

    const message = await screen.findByText('与第 1 行的时段重叠', {}, SLOW)
    // The message sits in the Form.Item of row 2's end time.
    const item = message.closest('.ant-form-item')!
    expect(item.querySelector('input')!.getAttribute('aria-label')).toBe('第 2 行的结束时间')
    expect(screen.getByRole('alert').textContent).toContain('部分字段无效')
    const [patch] = writes(calls)
    expect(patch!.method).toBe('PATCH')
    expect(patch!.body).toMatchObject({ name: '城关环卫驿站（新）' })
    expect(patch!.body).not.toHaveProperty('lat')
    expect(screen.queryByText('详情页')).toBeNull()
  })

  it('sends edited coordinates with the chosen coordinate system', async () => {
    const calls = serve((body) => json({ ...station, ...body }))
    renderEdit()
    await screen.findByLabelText('第 2 行的结束时间', {}, SLOW)
    fireEvent.mouseDown(screen.getByLabelText('坐标系'))
    fireEvent.click(await screen.findByTitle('BD-09（百度）', {}, SLOW))
    type('纬度', '36.0671')
    type('经度', '103.8343')
    fireEvent.click(saveButton())
    await waitFor(() => expect(writes(calls)).toHaveLength(1), SLOW)
    expect(writes(calls)[0]!.body).toMatchObject({
      lat: 36.0671,
      lng: 103.8343,
      coordSystem: 'bd09',
    })
  })

  it('asks for a public duty phone with a warning about personal mobiles, and sends it canonical', async () => {
    const calls = serve((body) => json({ ...station, ...body }, 201))
    renderCreate()
    fireEvent.change(await screen.findByLabelText('站点名称', {}, SLOW), {
      target: { value: '坂田环卫驿站' },
    })
    fireEvent.mouseDown(screen.getByLabelText('站点类型'))
    fireEvent.click(await screen.findByTitle('环卫休息点', {}, SLOW))
    type('地址', '深圳市龙岗区坂田街道 1 号')
    type('纬度', '22.6271')
    type('经度', '114.0655')
    type('负责人', '王师傅')
    type('负责人手机', '13800000009')
    expect(screen.getByText('公开显示给职工，可拨打；不要填写个人手机号除非本人同意')).toBeTruthy()
    // A number without its area code is refused on the field, and nothing is sent.
    type('值班电话', '8123456')
    fireEvent.click(saveButton())
    expect(await screen.findByText(/值班电话格式不正确/, {}, SLOW)).toBeTruthy()
    expect(writes(calls)).toHaveLength(0)
    type('值班电话', '0931 8123456 转 801')
    fireEvent.click(saveButton())
    await screen.findByText('详情页', {}, SLOW)
    expect(writes(calls)[0]!.body).toMatchObject({ dutyPhone: '0931-8123456-801' })
  })

  it('shows the stored duty phone when editing, and clearing it sends null', async () => {
    const calls = serve((body) => json({ ...station, ...body }))
    station.dutyPhone = '400-123-4567'
    try {
      renderEdit()
      await screen.findByLabelText('第 2 行的结束时间', {}, SLOW)
      const field = screen.getByLabelText<HTMLInputElement>('值班电话')
      expect(field.value).toBe('400-123-4567')
      type('值班电话', '')
      fireEvent.click(saveButton())
      await waitFor(() => expect(writes(calls)).toHaveLength(1), SLOW)
      expect(writes(calls)[0]!.body).toMatchObject({ dutyPhone: null })
    } finally {
      station.dutyPhone = null
    }
  })
})
