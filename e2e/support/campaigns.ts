const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString()

/**
 * The phase dates every campaign spec creates its campaign with: ten days a phase from
 * 2027-01-01, all in the future, so only the specs' own (manual) phase steps move it.
 */
export const CAMPAIGN_SCHEDULE_2027 = {
  nomination: { startsAt: day(0), endsAt: day(10) },
  review: { startsAt: day(10), endsAt: day(20) },
  publicity: { startsAt: day(20), endsAt: day(30) },
  voting: { startsAt: day(30), endsAt: day(40) },
  jury: { startsAt: day(40), endsAt: day(50) },
  result_publicity: { startsAt: day(50), endsAt: day(60) },
}
