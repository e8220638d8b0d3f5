import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './format'

describe('console time formatting', () => {
  // Tests run with TZ=UTC: a browser-zone formatter would print 16:30 and the 1st.
  it('shows instants in Beijing time whatever the browser zone', () => {
    expect(formatDateTime('2026-12-01T16:30:00.000Z')).toBe('2026-12-02 00:30')
    expect(formatDate('2026-12-01T16:30:00.000Z')).toBe('2026-12-02')
  })

  it('keeps a plain date and empty values as they are', () => {
    expect(formatDate('2027-01-02')).toBe('2027-01-02')
    expect(formatDateTime(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
  })
})
