import { AppError } from '../../../platform/errors/app-error'

const invalid = (code: string, path: string, message: string, extra: object = {}) =>
  new AppError(code, 400, message, [{ path, message, ...extra }])

/** Error codes of the duty roster (SHIFT_*). */
export const rosterErrors = {
  notFound: (id: string) => new AppError('SHIFT_NOT_FOUND', 404, `Shift ${id} not found`, { id }),
  endsBeforeStart: () => invalid('SHIFT_ENDS_BEFORE_START', 'endsAt', 'must be after startsAt'),
  tooLong: (maxHours: number) =>
    invalid('SHIFT_TOO_LONG', 'endsAt', `a shift lasts at most ${maxHours} hours`, { maxHours }),
  inPast: () => invalid('SHIFT_IN_PAST', 'startsAt', 'must not be more than a day in the past'),
  /** Shifts that began more than a day ago are the record of who was on duty. */
  pastLocked: (id: string) =>
    new AppError('SHIFT_PAST_LOCKED', 409, 'A shift that began over a day ago cannot change', {
      id,
    }),
  windowInvalid: (maxDays: number) =>
    invalid('SHIFT_WINDOW_INVALID', 'to', `must be after from, at most ${maxDays} days later`, {
      maxDays,
    }),
  /** Unknown, inactive and out-of-subtree members get the same answer: nothing leaks. */
  memberNotEligible: () =>
    invalid(
      'SHIFT_MEMBER_NOT_ELIGIBLE',
      'memberId',
      "must be an active member of the station's org or an org below it",
    ),
  /** A party-member volunteer shift for someone staff have not recorded as a party member. */
  memberNotPartyMember: () =>
    invalid(
      'SHIFT_MEMBER_NOT_PARTY_MEMBER',
      'memberId',
      "a party-member volunteer shift needs a member whose political status says 中共党员 or 中共预备党员; set it on the member's record or choose the staff role",
    ),
  overlap: (other: { startsAt: string; endsAt: string }) =>
    new AppError('SHIFT_OVERLAP', 409, 'This person already has a shift at that time', other),
  feedNotFound: () => new AppError('SHIFT_FEED_NOT_FOUND', 404, 'No such calendar feed'),
}
