import { describe, expect, it } from 'vitest'
import { CampaignScheduleSchema, SCHEDULED_PHASES, canonicalSchedule } from './campaigns'

/** Six back-to-back ten-day periods from 1 January 2027, written as toISOString writes them. */
const schedule = () =>
  Object.fromEntries(
    SCHEDULED_PHASES.map((p, i) => [
      p,
      {
        startsAt: new Date(Date.UTC(2027, 0, 1 + 10 * i)).toISOString(),
        endsAt: new Date(Date.UTC(2027, 0, 11 + 10 * i)).toISOString(),
      },
    ]),
  ) as Record<(typeof SCHEDULED_PHASES)[number], { startsAt: string; endsAt: string }>

const messages = (value: unknown) =>
  (CampaignScheduleSchema.safeParse(value).error?.issues ?? []).map((i) => i.message)

describe('campaign schedules', () => {
  it('compares instants, not strings, whatever their precision', () => {
    expect(messages(schedule())).toEqual([])
    // Ends 0.9 s before it starts: as strings "…00Z" > "…00.900Z" ('Z' > '.').
    const inverted = schedule()
    inverted.nomination = { startsAt: '2027-01-01T00:00:00.900Z', endsAt: '2027-01-01T00:00:00Z' }
    expect(messages(inverted)).toContain('CAMPAIGN_PERIOD_INVALID')
    // Review starts half a second before nomination ends.
    const overlapping = schedule()
    overlapping.nomination.endsAt = '2027-01-11T00:00:00.500Z'
    overlapping.review.startsAt = '2027-01-11T00:00:00Z'
    expect(messages(overlapping)).toContain('CAMPAIGN_SCHEDULE_OVERLAP')
    // The same instant written two ways is no overlap.
    const touching = schedule()
    touching.nomination.endsAt = '2027-01-11T00:00:00Z'
    touching.review.startsAt = '2027-01-11T00:00:00.000Z'
    expect(messages(touching)).toEqual([])
  })

  it('refuses a year no campaign is run in (a slip of the keyboard: 0202, 9999)', () => {
    const farFuture = schedule()
    farFuture.result_publicity.endsAt = '9999-12-31T00:00:00Z'
    expect(messages(farFuture)).toEqual(['DATE_OUT_OF_RANGE'])
    const yearZero = schedule()
    yearZero.nomination.startsAt = '0000-01-01T00:00:00Z'
    expect(messages(yearZero)).toEqual(['DATE_OUT_OF_RANGE'])
    const last = schedule()
    last.result_publicity.endsAt = '2099-12-31T23:59:59Z'
    expect(messages(last)).toEqual([])
  })

  it('is stored with every instant written the same way', () => {
    const s = schedule()
    s.voting.startsAt = '2027-01-31T00:00:00Z'
    s.voting.endsAt = '2027-02-10T00:00:00.5Z'
    const c = canonicalSchedule(s)
    expect(c.voting).toEqual({
      startsAt: '2027-01-31T00:00:00.000Z',
      endsAt: '2027-02-10T00:00:00.500Z',
    })
    expect(c.nomination).toEqual(s.nomination)
  })
})
