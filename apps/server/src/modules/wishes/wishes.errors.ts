import { AppError } from '../../platform/errors/app-error'

/** Error codes of the wishes module (WISH_*). */
export const wishErrors = {
  notFound: (id: string) => new AppError('WISH_NOT_FOUND', 404, `Wish ${id} not found`, { id }),
  claimNotFound: (id: string) =>
    new AppError('WISH_CLAIM_NOT_FOUND', 404, `Claim ${id} not found`, { id }),
  /** 400 when a body names it, 404 when it is the page asked for (the public wall). */
  stationNotFound: (id: string, status: 400 | 404 = 400) =>
    new AppError('WISH_STATION_NOT_FOUND', status, `Station ${id} not found`, { id }),
  stationClosed: (id: string) =>
    new AppError('WISH_STATION_CLOSED', 409, 'The station is closed and takes no wishes', { id }),
  stationOrgMismatch: (stationOrgId: string) =>
    new AppError(
      'WISH_STATION_ORG_MISMATCH',
      400,
      "The station belongs to another org; leave orgId out or give the station's org",
      { stationOrgId },
    ),
  deadlineInvalid: (earliest: string, latest: string) =>
    new AppError(
      'WISH_DEADLINE_INVALID',
      400,
      `The deadline must be a date from ${earliest} to ${latest}`,
      { earliest, latest },
    ),
  dueDateInvalid: (earliest: string, latest: string) =>
    new AppError(
      'WISH_CLAIM_DUE_INVALID',
      400,
      `The claim's due date must be from ${earliest} to the wish deadline ${latest}`,
      { earliest, latest },
    ),
  statusConflict: (status: string, expected: readonly string[]) =>
    new AppError(
      'WISH_STATUS_CONFLICT',
      409,
      `The wish is ${status}; this needs ${expected.join(' or ')}`,
      { status, expected },
    ),
  alreadyClaimed: () =>
    new AppError('WISH_ALREADY_CLAIMED', 409, 'Someone else has already claimed this wish'),
  claimDuplicate: (claimId: string) =>
    new AppError('WISH_CLAIM_DUPLICATE', 409, 'You have already claimed this wish', { claimId }),
  notClaimable: (status: string) =>
    new AppError('WISH_NOT_CLAIMABLE', 409, `The wish is ${status}, not on the wall`, { status }),
  partnerNotFound: (id: string, status: 400 | 404 = 404) =>
    new AppError('WISH_PARTNER_NOT_FOUND', status, `Partner ${id} not found`, { id }),
  partnerNameTaken: (name: string) =>
    new AppError('WISH_PARTNER_NAME_TAKEN', 409, `The org already has a partner named ${name}`, {
      name,
    }),
  partnerMemberNotFound: () =>
    new AppError(
      'WISH_PARTNER_MEMBER_NOT_FOUND',
      404,
      'No active member signed up with this mobile: they register first, then staff add them',
    ),
  partnerMemberExists: () =>
    new AppError('WISH_PARTNER_MEMBER_EXISTS', 409, 'This member already claims for the partner'),
  partnerMemberNotListed: () =>
    new AppError(
      'WISH_PARTNER_MEMBER_NOT_LISTED',
      404,
      'This member does not claim for the partner',
    ),
  /** A claim for a partner the claimant does not act for (or that does not exist). */
  partnerNotYours: () =>
    new AppError(
      'WISH_PARTNER_NOT_YOURS',
      403,
      'You can claim only for a partner whose union has listed you as one of its members',
    ),
  partnerArchived: () =>
    new AppError('WISH_PARTNER_ARCHIVED', 409, 'The partner is archived and makes no new claims'),
  partnerOutOfScope: (partnerOrg: string) =>
    new AppError(
      'WISH_PARTNER_OUT_OF_SCOPE',
      403,
      `The partner is registered with ${partnerOrg}; it claims only wishes within that union`,
      { partnerOrg },
    ),
  /** A claim as a party member by a member whose political status (kept by staff) is not one. */
  claimantNotPartyMember: () =>
    new AppError(
      'WISH_CLAIMANT_NOT_PARTY_MEMBER',
      403,
      'Your union has not recorded you as a party member; claim as a volunteer, or ask the union to update your record',
    ),
  claimOwnWish: () => new AppError('WISH_CLAIM_OWN', 403, 'You cannot claim your own wish'),
  notPoster: () =>
    new AppError(
      'WISH_NOT_POSTER',
      403,
      'Only the worker who posted the wish may confirm or reopen it here',
    ),
  notClaimant: () =>
    new AppError('WISH_NOT_CLAIMANT', 403, 'Only the claimant may fulfil or release this claim'),
  claimStatusConflict: (status: string, expected: readonly string[]) =>
    new AppError(
      'WISH_CLAIM_STATUS_CONFLICT',
      409,
      `The claim is ${status}; this needs ${expected.join(' or ')}`,
      { status, expected },
    ),
  /** Edits stop once someone claimed the wish or it ended (rejected, expired, withdrawn...). */
  notEditable: (status: string) =>
    new AppError(
      'WISH_NOT_EDITABLE',
      409,
      `The wish is ${status}; only a wish awaiting review or on the wall (unclaimed) can be edited`,
      { status },
    ),
  notWithdrawable: (status: string) =>
    new AppError(
      'WISH_NOT_WITHDRAWABLE',
      409,
      `The wish is ${status}; only a wish awaiting review or on the wall (unclaimed) can be withdrawn`,
      { status },
    ),
  exportTooLarge: (rows: number, max: number) =>
    new AppError(
      'WISH_EXPORT_TOO_LARGE',
      400,
      `${rows} wishes match; at most ${max} can be exported at once: narrow the filters`,
      { rows, max },
    ),
  confirmByWorker: () =>
    new AppError(
      'WISH_CONFIRM_BY_WORKER',
      403,
      'The worker posted this wish from their account and confirms it there',
    ),
}
