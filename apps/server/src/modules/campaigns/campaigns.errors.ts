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
}
