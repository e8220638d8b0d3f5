import { AppError } from '../../../platform/errors/app-error'

/** Error codes of nominations, candidates and objections (NOMINATION_*, OBJECTION_*). */
export const nominationErrors = {
  notFound: (id: string) =>
    new AppError('NOMINATION_NOT_FOUND', 404, `Nomination ${id} not found`, { id }),
  nominatorOutOfScope: () =>
    new AppError(
      'NOMINATION_NOMINATOR_OUT_OF_SCOPE',
      403,
      "Only members of the campaign's org subtree may nominate",
    ),
  employerOutOfScope: (orgId: string) =>
    new AppError(
      'NOMINATION_EMPLOYER_OUT_OF_SCOPE',
      400,
      "The nominee's employer must be an org inside the campaign's org subtree",
      { orgId },
    ),
  letterRequired: () =>
    new AppError(
      'NOMINATION_LETTER_REQUIRED',
      400,
      'An org nomination needs a recommendation letter',
    ),
  nameMismatch: () =>
    new AppError(
      'NOMINATION_NAME_MISMATCH',
      409,
      'Someone with this mobile or ID number is already nominated under another name; check the name and number',
    ),
  alreadySupported: (id: string) =>
    new AppError(
      'NOMINATION_ALREADY_SUPPORTED',
      409,
      'You have already nominated this person in this campaign',
      { nominationId: id },
    ),
  consentInvalid: () =>
    new AppError('NOMINATION_CONSENT_INVALID', 404, 'This consent link is not valid'),
  consentDecided: () =>
    new AppError(
      'NOMINATION_CONSENT_DECIDED',
      409,
      'The nominee has already answered this consent request',
    ),
  notReviewable: (status: string) =>
    new AppError(
      'NOMINATION_NOT_REVIEWABLE',
      409,
      `A nomination in status ${status} cannot be reviewed`,
      { status },
    ),
  consentMissing: () =>
    new AppError(
      'NOMINATION_CONSENT_MISSING',
      409,
      'The nominee has not consented yet; it can only be rejected',
    ),
  reviewLevel: (decision: string, atTop: boolean) =>
    new AppError(
      'NOMINATION_REVIEW_LEVEL',
      409,
      atTop
        ? 'The top review level accepts or rejects; there is no level to forward to'
        : 'A lower review level forwards or rejects; only the top level accepts',
      { decision, atTop },
    ),
  notMergeable: (ids: string[]) =>
    new AppError(
      'NOMINATION_NOT_MERGEABLE',
      409,
      'Only nominations that are not merged or accepted can be merged into another live one',
      { ids },
    ),
  consentNotPending: (status: string) =>
    new AppError(
      'NOMINATION_CONSENT_NOT_PENDING',
      409,
      'The nominee is not awaiting a consent request (self-nominated, answered or closed)',
      { status },
    ),
  consentSmsTooSoon: (retryAfterSeconds: number) =>
    new AppError(
      'NOMINATION_CONSENT_SMS_TOO_SOON',
      429,
      `The consent SMS was sent less than a minute ago; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    ),
  consentSmsDailyLimit: (dailyMax: number, nextAllowedAt: string) =>
    new AppError(
      'NOMINATION_CONSENT_SMS_DAILY_LIMIT',
      429,
      `The consent SMS was already sent ${dailyMax} times today`,
      { dailyMax, nextAllowedAt },
    ),
  consentSmsFailed: () =>
    new AppError('NOMINATION_CONSENT_SMS_FAILED', 502, 'The SMS provider did not take the message'),
  concurrentChange: () =>
    new AppError(
      'NOMINATION_CONCURRENT_CHANGE',
      409,
      'The nomination changed while this request ran; please try again',
    ),
  candidateNotFound: (id: string) =>
    new AppError('CAMPAIGN_CANDIDATE_NOT_FOUND', 404, `Candidate ${id} not found`, { id }),
  objectionNotFound: (id: string) =>
    new AppError('OBJECTION_NOT_FOUND', 404, `Objection ${id} not found`, { id }),
  objectionResolved: () =>
    new AppError('OBJECTION_ALREADY_RESOLVED', 409, 'This objection has already been resolved'),
}
