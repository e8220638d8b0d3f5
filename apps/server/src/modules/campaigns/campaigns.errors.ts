import { AppError } from '../../platform/errors/app-error'

/** Error codes of the campaigns module (CAMPAIGN_*, NOMINATION_*, BALLOT_*, …). */
export const campaignErrors = {
  notFound: (id: string) =>
    new AppError('CAMPAIGN_NOT_FOUND', 404, `Campaign ${id} not found`, { id }),
  wrongPhase: (phase: string, expected: readonly string[]) =>
    new AppError(
      'CAMPAIGN_WRONG_PHASE',
      409,
      `The campaign is in phase ${phase}; this needs ${expected.join(' or ')}`,
      { phase, expected },
    ),
  rulesLocked: () =>
    new AppError('CAMPAIGN_RULES_LOCKED', 409, 'Voting rules are fixed once voting opens'),
  /**
   * The rubric stays editable while no juror has scored (even during voting, since jurors use it
   * only in the jury phase); once a score exists, or the jury phase is over, it is fixed.
   */
  rubricLocked: (details: { scoreCount: number; phase: string }) =>
    new AppError(
      'CAMPAIGN_RUBRIC_LOCKED',
      409,
      'The jury rubric is fixed once a juror has scored or the jury phase has ended',
      details,
    ),
  rulesRequired: () =>
    new AppError(
      'CAMPAIGN_RULES_REQUIRED',
      400,
      'A top-level campaign needs voting rules, quotas and a jury rubric',
    ),
  parentOutOfScope: () =>
    new AppError(
      'CAMPAIGN_PARENT_OUT_OF_SCOPE',
      409,
      "A child campaign must be run by an org inside the parent campaign's org subtree",
    ),
  invalidTransition: (from: string, to: string) =>
    new AppError(
      'CAMPAIGN_PHASE_TRANSITION_INVALID',
      409,
      `Cannot go from ${from} to ${to}; phases advance one step at a time`,
      { from, to },
    ),
  categoryNotFound: (id: string) =>
    new AppError('CAMPAIGN_CATEGORY_NOT_FOUND', 404, `Category ${id} not found`, { id }),
  // ---- jury, results, put-forward ----
  notJuror: () =>
    new AppError('CAMPAIGN_NOT_JUROR', 403, 'Only jurors of this campaign may do this'),
  jurorExists: () =>
    new AppError('CAMPAIGN_JUROR_EXISTS', 409, 'The member is already a juror of this campaign'),
  jurorNotFound: () =>
    new AppError('CAMPAIGN_JUROR_NOT_FOUND', 404, 'The member is not a juror of this campaign'),
  jurorHasScores: (count: number) =>
    new AppError(
      'CAMPAIGN_JUROR_HAS_SCORES',
      409,
      'A juror who has already scored candidates cannot be removed',
      { count },
    ),
  juryScoreInvalid: (problems: { key: string; problem: string; maxScore?: number }[]) =>
    new AppError(
      'CAMPAIGN_JURY_SCORE_INVALID',
      400,
      'Every rubric item needs a score between 0 and its maximum, and nothing else',
      { problems },
    ),
  candidateNotFound: (id: string) =>
    new AppError('CAMPAIGN_CANDIDATE_NOT_FOUND', 404, `Candidate ${id} not found`, { id }),
  resultsNotAnnounced: () =>
    new AppError(
      'CAMPAIGN_RESULTS_NOT_ANNOUNCED',
      409,
      'Results are published from the result publicity phase on',
    ),
  objectionsOpen: (count: number) =>
    new AppError(
      'CAMPAIGN_OBJECTIONS_OPEN',
      409,
      `${count} objection(s) to candidates are not resolved yet`,
      { count },
    ),
  juryIncomplete: (missing: number, jurors: { name: string; missing: number }[]) =>
    new AppError(
      'CAMPAIGN_JURY_INCOMPLETE',
      409,
      jurors.length === 0
        ? 'The jury counts in the ranking but no juror is named'
        : `${missing} jury score(s) are missing: ${jurors.map((j) => `${j.name} ${j.missing}`).join(', ')}`,
      { missing, jurors },
    ),
  notChildCampaign: (id: string) =>
    new AppError('CAMPAIGN_NOT_CHILD', 409, `Campaign ${id} is not a child of this campaign`, {
      id,
    }),
  notWinner: (ids: string[]) =>
    new AppError(
      'CAMPAIGN_NOT_WINNER',
      409,
      'Only announced winners of the child campaign can be put forward',
      { candidateIds: ids },
    ),
  categoryMismatch: (name: string) =>
    new AppError(
      'CAMPAIGN_CATEGORY_MISMATCH',
      409,
      `The parent campaign has no category named ${name}`,
      { name },
    ),
  // ---- ballots (votes sub-feature) ----
  votingClosed: (phase: string) =>
    new AppError('BALLOT_VOTING_CLOSED', 409, 'Voting is not open for this campaign', { phase }),
  outsideHours: (hours: { start: string; end: string }) =>
    new AppError(
      'BALLOT_OUTSIDE_HOURS',
      409,
      `Voting is open from ${hours.start} to ${hours.end} (Beijing time)`,
      hours,
    ),
  notACandidate: (ids: string[]) =>
    new AppError('BALLOT_NOT_A_CANDIDATE', 400, 'A chosen id is not a candidate of this campaign', {
      ids,
    }),
  tooManyChoices: (max: number) =>
    new AppError('BALLOT_TOO_MANY_CHOICES', 400, `A ballot may choose at most ${max} candidates`, {
      max,
    }),
  duplicateChoice: () =>
    new AppError('BALLOT_DUPLICATE_CHOICE', 400, 'A ballot lists the same candidate twice'),
  dailyLimit: (max: number) =>
    new AppError('BALLOT_DAILY_LIMIT', 409, `You can cast ${max} votes a day; come back tomorrow`, {
      max,
    }),
  candidateLimit: (max: number, candidateId: string) =>
    new AppError(
      'BALLOT_CANDIDATE_LIMIT',
      409,
      `You can vote for the same candidate ${max} times a day`,
      { max, candidateId },
    ),
  rateLimited: (scope: string) =>
    new AppError('BALLOT_RATE_LIMITED', 429, 'Too many votes in a short time; wait a minute', {
      scope,
    }),
  keyReused: () =>
    new AppError(
      'BALLOT_KEY_REUSED',
      409,
      'This client key was already used for a different ballot',
    ),
  voterRequired: () =>
    new AppError('BALLOT_VOTER_REQUIRED', 401, 'Sign in or verify your mobile number to vote'),
  voterNotEligible: () =>
    new AppError('BALLOT_VOTER_NOT_ELIGIBLE', 403, 'You are not eligible to vote in this campaign'),
  smsNotEnabled: () =>
    new AppError(
      'BALLOT_SMS_NOT_ENABLED',
      409,
      'This campaign is open to members only; sign in to vote',
    ),
  notRecorded: () =>
    new AppError('BALLOT_NOT_RECORDED', 503, 'Your vote was not recorded; please try again'),
  receiptNotFound: () =>
    new AppError('BALLOT_RECEIPT_NOT_FOUND', 404, 'No ballot has this receipt'),
  ballotNotFound: (ids: string[]) =>
    new AppError('BALLOT_NOT_FOUND', 404, 'Some ballots are not in this campaign', { ids }),
  ballotStatusConflict: (ids: string[], expected: string) =>
    new AppError('BALLOT_STATUS_CONFLICT', 409, `Some ballots are not ${expected}`, {
      ids,
      expected,
    }),
  tallySealed: () =>
    new AppError('CAMPAIGN_TALLY_SEALED', 403, 'Tallies are sealed until voting closes'),
}
