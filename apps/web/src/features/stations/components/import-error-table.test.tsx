import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { makeSession, renderWithProviders } from '../../../test/render'
import { StationImportErrorTable } from './import-error-table'

const errors = [
  {
    row: 3,
    path: 'lat',
    column: '纬度*',
    code: 'LAT_RANGE',
    params: { value: '91' },
    message: '纬度 91 不在 -90 到 90 之间：请填写十进制度数（如 36.061089），并检查是否与经度填反',
  },
  {
    row: 4,
    path: 'contactMobile',
    column: '联系电话',
    code: 'MOBILE_MASKED',
    message: '负责人手机号是隐藏后的号码，请填写完整的 11 位手机号',
  },
]

const cellsOf = (row: number) =>
  within(screen.getByText(String(row)).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent)

afterEach(async () => {
  await i18n.changeLanguage('zh-CN')
})

describe('StationImportErrorTable', { timeout: 60_000 }, () => {
  it('names a column by the sheet’s header, with the field’s English name in the English UI', async () => {
    await i18n.changeLanguage('en')
    renderWithProviders(<StationImportErrorTable errors={errors} />, makeSession([]))
    expect(cellsOf(3).slice(0, 2)).toEqual(['3', '纬度* (Latitude)'])
    expect(cellsOf(3)[2]).toMatch(/^Latitude 91 is not between -90 and 90/)
    expect(cellsOf(4).slice(0, 2)).toEqual(['4', '联系电话 (Mobile of the person in charge)'])
  })

  it('shows the sheet’s header alone in the Chinese UI, and an HSDS place as it is', async () => {
    const { unmount } = renderWithProviders(
      <StationImportErrorTable errors={errors} />,
      makeSession([]),
    )
    expect(cellsOf(3)[1]).toBe('纬度*')
    expect(cellsOf(4)[1]).toBe('联系电话')
    unmount()
    await i18n.changeLanguage('en')
    const place = 'locations[0].latitude（城关区驿站）'
    renderWithProviders(
      <StationImportErrorTable errors={[{ ...errors[0]!, row: 1, column: place }]} hsds />,
      makeSession([]),
    )
    expect(cellsOf(1)[1]).toBe(place)
  })
})
