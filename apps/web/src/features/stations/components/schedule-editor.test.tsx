import type { HolidayCalendarReach } from '@unionhall/contracts'
import { screen, waitFor } from '@testing-library/react'
import { Form } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { defaultValues } from '../lib/station-form-model'
import { ScheduleEditor } from './schedule-editor'

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/**
 * A fake server answering only where the holiday calendar ends. `settled` resolves once it has
 * been asked and its answer has reached the page, so a test can check that nothing appeared.
 */
const serve = (reach: HolidayCalendarReach | null) => {
  const answers: Promise<Response>[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const path = new URL(url, 'http://localhost').pathname
      const answer = Promise.resolve(
        path === '/api/v1/stations/holiday-calendar' && reach
          ? json(reach)
          : json({ error: { code: 'INTERNAL', message: 'down' } }, 500),
      )
      answers.push(answer)
      return answer
    }),
  )
  return {
    settled: async () => {
      await waitFor(() => expect(answers.length).toBeGreaterThan(0))
      await Promise.all(answers)
      await new Promise((r) => setTimeout(r, 100))
    },
  }
}

const renderEditor = (alwaysOpen = false) => {
  const values = defaultValues(undefined)
  return renderWithProviders(
    <Form initialValues={{ ...values, schedule: { ...values.schedule, alwaysOpen } }}>
      <ScheduleEditor />
    </Form>,
    makeSession(['station:read', 'station:manage']),
  )
}

afterEach(() => vi.unstubAllGlobals())

describe('ScheduleEditor and the end of the holiday calendar', { timeout: 60_000 }, () => {
  it('notes a calendar that ends within 30 days, and whom to ask for the next year', async () => {
    serve({ endsOn: '2026-12-31', missingYear: 2027, daysLeft: 30 })
    renderEditor()
    const alert = await screen.findByTestId('holiday-calendar-alert')
    expect(alert.textContent).toContain('节假日安排只到 2026-12-31：之后的节假日和调休按普通日计算')
    expect(alert.textContent).toContain('请平台管理员补充 2027 年节假日安排。')
  })

  it('says the calendar has ended once its last day has passed', async () => {
    serve({ endsOn: '2026-12-31', missingYear: 2027, daysLeft: -3 })
    renderEditor()
    expect((await screen.findByTestId('holiday-calendar-alert')).textContent).toContain(
      '节假日安排已于 2026-12-31 结束',
    )
  })

  it('stays quiet more than 30 days ahead, for a 24-hour station, and when the server fails', async () => {
    const far = serve({ endsOn: '2027-12-31', missingYear: 2028, daysLeft: 31 })
    const { unmount } = renderEditor()
    await far.settled()
    expect(screen.queryByTestId('holiday-calendar-alert')).toBeNull()
    unmount()

    const always = serve({ endsOn: '2026-12-31', missingYear: 2027, daysLeft: 3 })
    const alwaysOpen = renderEditor(true)
    await always.settled()
    expect(screen.getByText('24 小时开放')).toBeTruthy()
    expect(screen.queryByTestId('holiday-calendar-alert')).toBeNull()
    alwaysOpen.unmount()

    const failed = serve(null)
    renderEditor()
    await failed.settled()
    expect(screen.getByRole('group', { name: '每周开放时段' })).toBeTruthy()
    expect(screen.queryByTestId('holiday-calendar-alert')).toBeNull()
  })
})
