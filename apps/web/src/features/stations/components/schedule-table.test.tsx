import { describe, expect, it } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { formatRange } from './schedule-table'

const t = i18n.getFixedT('zh-CN')

describe('formatRange', () => {
  it('shows a range marked overnight as ending the next day, and only such a range', () => {
    expect(formatRange(t, { start: '22:00', end: '06:00', overnight: true })).toBe(
      '22:00–次日 06:00',
    )
    expect(formatRange(t, { start: '08:00', end: '17:00' })).toBe('08:00–17:00')
    expect(formatRange(t, { start: '08:00', end: '24:00' })).toBe('08:00–24:00')
    expect(
      formatRange(i18n.getFixedT('en'), { start: '21:00', end: '07:00', overnight: true }),
    ).toBe('21:00–07:00 next day')
  })
})
