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

const chooseFile = () => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!
  const file = new File(['xlsx'], 'stations.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
  fireEvent.change(input, { target: { files: [file] } })
  return file
}

const SLOW = { timeout: 15_000 }
const startButton = () => screen.getByRole('button', { name: '开始导入' })

describe('station import', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists each row problem of a refused file', async () => {
    const posts = serve(() =>
      json({
        created: 0,
        updated: 0,
        errors: [
          { row: 3, path: 'lat', message: 'must be between -90 and 90' },
          { row: 5, path: 'schedule.weekly.0.end', message: 'must be HH:MM' },
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
    expect(screen.getByText('文件有 2 处问题，未导入任何站点')).toBeTruthy()
    const rows = [...table.querySelectorAll('tbody tr.ant-table-row')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent),
    )
    expect(rows).toEqual([
      ['3', '纬度（lat）', 'must be between -90 and 90'],
      ['5', '开放时间（schedule.weekly.0.end）', 'must be HH:MM'],
    ])
  })

  it('reads the row problems from a 400 answer too, and reports success', async () => {
    let answer = () =>
      json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: '导入文件有误',
            details: [{ row: 2, path: 'orgId', message: 'no such org' }],
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
    expect(table.textContent).toContain('所属工会（orgId）')
    expect(table.textContent).toContain('no such org')

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
})
