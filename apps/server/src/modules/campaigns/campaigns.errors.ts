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
      'Results are published once the winners are announced',
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
}
