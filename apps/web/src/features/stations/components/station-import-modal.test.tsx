import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { StationImportModal } from './station-import-modal'

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const serve = (answer: () => Response) => {
  const posts: { path: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      posts.push({ path: new URL(url, 'http://localhost').pathname, body: init?.body })
      return answer()
    }),
  )
  return posts
}

const chooseFile = (name = 'stations.xlsx') => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!
  const file = new File(['xlsx'], name, {
    type: name.endsWith('.json')
      ? 'application/json'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
  fireEvent.change(input, { target: { files: [file] } })
  return file
}

const SLOW = { timeout: 15_000 }
const startButton = () => screen.getByRole('button', { name: '开始导入' })

describe('station import', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists each row problem of a refused file, worded from its code, under the sheet’s column', async () => {
    const overlap = {
      row: 5,
      path: 'schedule.weekly.1',
      column: '开放时间*',
      code: 'PERIOD_OVERLAP',
      params: { period: '周一 11:00-14:00', other: '周一 08:00-12:00' },
      message: 'server words',
    }
    const posts = serve(() =>
      json({
        created: 0,
        updated: 0,
        errors: [
          {
            row: 3,
            path: 'lat',
            column: '纬度*',
            code: 'LAT_RANGE',
            params: { value: 91 },
            message: 'server words',
          },
          overlap,
          // A code this console does not know yet: the server's own sentence.
          { row: 6, path: 'name', column: '驿站名称*', code: 'SOMETHING_NEW', message: '名称有误' },
        ],
      }),
    )
    renderWithProviders(
      <StationImportModal open onClose={() => undefined} />,
      makeSession(['station:manage']),
    )
    const file = chooseFile()
    await waitFor(() => expect((startButton() as HTMLButtonElement).disabled).toBe(false), SLOW)
    fireEvent.click(startButton())

    const table = await screen.findByTestId('station-import-errors', {}, SLOW)
    expect(posts[0]!.path).toBe('/api/v1/stations/import')
    expect((posts[0]!.body as FormData).get('file')).toEqual(file)
    expect(screen.getByText('文件有 3 处问题，未导入任何站点')).toBeTruthy()
    const cells = [...table.querySelectorAll('tbody tr.ant-table-row')].map((r) => [
      ...r.querySelectorAll('td'),
    ])
    expect(cells.map((r) => r.map((td) => td.textContent))).toEqual([
      [
        '3',
        '纬度*',
        '纬度 91 不在 -90 到 90 之间：请填写十进制度数（如 36.061089），并检查是否与经度填反',
      ],
      ['5', '开放时间*', '周一 11:00-14:00 与 周一 08:00-12:00 的时间重叠，请合并成一段或改正时间'],
      ['6', '驿站名称*', '名称有误'],
    ])
    // Long sentences wrap in full: no ellipsis, no single line cut off by the modal.
    const message = cells[0]![2]!
    expect(message.className).not.toContain('ellipsis')
    expect(message.style.whiteSpace).toBe('normal')
    expect(table.querySelector('.ant-table-cell-ellipsis, .ant-typography-ellipsis')).toBeNull()
  })

  it('pages a file with many problems', async () => {
    serve(() =>
      json({
        created: 0,
        updated: 0,
        errors: Array.from({ length: 77 }, (_, i) => ({
          row: i + 2,
          path: 'contactMobile',
          column: '负责人手机号*',
          code: 'MOBILE_MASKED',
          message: '负责人手机号是隐藏后的号码，请填写完整的 11 位手机号',
        })),
      }),
    )
    renderWithProviders(
      <StationImportModal open onClose={() => undefined} />,
      makeSession(['station:manage']),
    )
    chooseFile()
    await waitFor(() => expect((startButton() as HTMLButtonElement).disabled).toBe(false), SLOW)
    fireEvent.click(startButton())
    const table = await screen.findByTestId('station-import-errors', {}, SLOW)
    expect(screen.getByText('文件有 77 处问题，未导入任何站点')).toBeTruthy()
    expect(table.querySelectorAll('tbody tr.ant-table-row')).toHaveLength(20)
    expect(document.querySelectorAll('.ant-pagination-item')).toHaveLength(4)
    expect(table.textContent).toContain('负责人手机号是隐藏后的号码，请填写完整的 11 位手机号')
  })

  it('reads the row problems from a 400 answer too, and reports success', async () => {
    let answer = () =>
      json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: '导入文件有误',
            details: [
              {
                row: 2,
                path: 'orgId',
                code: 'ORG_NOT_FOUND',
                params: { value: '某工会' },
                message: '找不到工会“某工会”',
              },
            ],
          },
        },
        400,
      )
    serve(() => answer())
    renderWithProviders(
      <StationImportModal open onClose={() => undefined} />,
      makeSession(['station:manage']),
    )
    chooseFile()
    await waitFor(() => expect((startButton() as HTMLButtonElement).disabled).toBe(false), SLOW)
    fireEvent.click(startButton())
    const table = await screen.findByTestId('station-import-errors', {}, SLOW)
    // No column (an HSDS file): the field, with its path.
    expect(table.textContent).toContain('所属工会（orgId）')
    expect(table.textContent).toContain('找不到工会“某工会”，或它不在您管理的范围内')

    answer = () => json({ created: 12, updated: 3, errors: [] })
    fireEvent.click(startButton())
    expect(await screen.findByText('已导入 12 个站点', {}, SLOW)).toBeTruthy()
    expect(screen.getByText(/另有 3 个站点与已有站点/)).toBeTruthy()

    answer = () => json({ created: 0, updated: 4, errors: [] })
    chooseFile()
    await waitFor(() => expect((startButton() as HTMLButtonElement).disabled).toBe(false), SLOW)
    fireEvent.click(startButton())
    expect(await screen.findByText(/已按文件更新 4 个已有站点/, {}, SLOW)).toBeTruthy()
    expect(screen.queryByTestId('station-import-errors')).toBeNull()
  })

  it('sends an HSDS .json file to the HSDS import and lists its problems by location and place', async () => {
    const posts = serve(() =>
      json(
        {
          error: {
            code: 'STATION_HSDS_INVALID',
            message: '文件不符合 HSDS 3 数据规范，详见错误列表',
            details: [
              {
                row: 4,
                path: 'locations[3].latitude',
                column: 'locations[3].latitude（城关区爱心驿站）',
                code: 'HSDS_WRONG_TYPE',
                params: { expected: 'number', expectedZh: '数字', value: '"north"' },
                message: 'server words',
              },
              {
                row: 0,
                path: 'organizations[0].name',
                column: 'organizations[0].name',
                code: 'HSDS_FIELD_REQUIRED',
                params: { field: 'name' },
                message: 'server words',
              },
            ],
          },
        },
        400,
      ),
    )
    renderWithProviders(
      <StationImportModal open onClose={() => undefined} />,
      makeSession(['station:manage']),
    )
    const file = chooseFile('stations-hsds.json')
    await waitFor(() => expect((startButton() as HTMLButtonElement).disabled).toBe(false), SLOW)
    fireEvent.click(startButton())

    const table = await screen.findByTestId('station-import-errors', {}, SLOW)
    expect(posts[0]!.path).toBe('/api/v1/stations/import/hsds')
    expect((posts[0]!.body as FormData).get('file')).toEqual(file)
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      '地点',
      '所在位置',
      '问题',
    ])
    const rows = [...table.querySelectorAll('tbody tr.ant-table-row')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent),
    )
    expect(rows).toEqual([
      ['4', 'locations[3].latitude（城关区爱心驿站）', '应为数字，不能是 "north"'],
      ['—', 'organizations[0].name', '缺少必填字段 name，请补上'],
    ])
  })
})
