import type { Campaign } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { phaseSummary, votingClosedText, votingFromText } from './phase'
import { formatWhen } from './time'

const t = i18n.getFixedT('zh-CN')

/** A campaign in its voting phase, 8:00–22:00 Beijing time, voting planned for 1–20 May 2026. */
const voting = (over: Partial<Campaign> = {}): Campaign =>
  ({
    phase: 'voting',
    phaseMode: 'auto',
    schedule: {
      voting: { startsAt: '2026-04-30T16:00:00.000Z', endsAt: '2026-05-20T14:00:00.000Z' },
    },
    rules: { hours: { start: '08:00', end: '22:00' } },
    ...over,
  }) as unknown as Campaign

/** 10:00 and 04:30 on 10 May 2026, Beijing time. */
const morning = new Date('2026-05-10T02:00:00Z')
const night = new Date('2026-05-09T20:30:00Z')

describe('the campaign home banner', () => {
  it('gives the deadline while votes are taken', () => {
    expect(phaseSummary(t, voting(), morning)).toBe('投票进行中，截止 5 月 20 日 22:00')
    expect(votingClosedText(t, voting(), morning)).toBeNull()
  })

  it('says voting is paused outside the daily hours, and when it resumes', () => {
    expect(phaseSummary(t, voting(), night)).toBe('投票进行中')
    expect(votingClosedText(t, voting(), night)).toContain('8:00')
  })

  it('does not give a past end as a deadline when staff keep the phase open by hand', () => {
    const late = new Date('2026-06-01T02:00:00Z')
    expect(phaseSummary(t, voting({ phaseMode: 'manual' }), late)).toBe('投票进行中')
    expect(phaseSummary(t, voting(), late)).toBe('投票已结束，等待公布评审结果')
  })

  it('says voting is coming before its first day', () => {
    expect(phaseSummary(t, voting(), new Date('2026-04-20T02:00:00Z'))).toBe('投票即将开始')
  })
})

describe('before the voting phase', () => {
  const publicity = (phaseMode: 'auto' | 'manual') => voting({ phase: 'publicity', phaseMode })

  it('gives the planned start while it is ahead', () => {
    const before = new Date('2026-04-20T02:00:00Z')
    expect(votingFromText(t, publicity('auto'), before)).toBe('投票将于 5 月 1 日 00:00 开始')
    expect(votingClosedText(t, publicity('auto'), before)).toBe(
      '投票还没开始，5 月 1 日 00:00 开始',
    )
  })

  it('gives no date once the planned start has passed (staff advance phases by hand)', () => {
    const late = new Date('2026-05-03T02:00:00Z')
    expect(votingFromText(t, publicity('manual'), late)).toBe('投票尚未开始，开始时间以通知为准')
    expect(votingClosedText(t, publicity('manual'), late)).toBe('投票尚未开始，开始时间以通知为准')
    expect(votingFromText(i18n.getFixedT('en'), publicity('manual'), late)).toBe(
      'Voting has not opened yet; the organisers will announce when it starts',
    )
  })
})

describe('dates', () => {
  it('say the year only when the date is more than half a year away', () => {
    expect(formatWhen(t, '2026-05-20T14:00:00.000Z', morning)).toBe('5 月 20 日 22:00')
    expect(formatWhen(t, '2021-04-25T00:00:00.000Z', morning)).toBe('2021 年 4 月 25 日 08:00')
    expect(formatWhen(t, '2027-03-01T00:00:00.000Z', morning)).toBe('2027 年 3 月 1 日 08:00')
    // Next January, seen in November: the nearest 11 January, no year needed.
    expect(formatWhen(t, '2027-01-11T00:00:00.000Z', new Date('2026-11-30T00:00:00Z'))).toBe(
      '1 月 11 日 08:00',
    )
    expect(
      i18n.getFixedT('en')('campaignsPublic.time.dateYear', {
        monthName: 'Apr',
        day: 25,
        year: 2021,
      }),
    ).toBe('Apr 25, 2021')
  })
})
