import {
  CAMPAIGN_PHASES,
  type Campaign,
  SCHEDULED_PHASES,
  UpdateCampaignBodySchema,
  type UpdateCampaignBody,
} from '@unionhall/contracts'
import dayjs from 'dayjs'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { type FieldError, zodIssuesToFieldErrors } from '../../../../components/form/zod-form'
import {
  initialValues,
  percentIssue,
  rubricItemsOf,
  toCreateBody,
  weightField,
  type WizardValues,
} from '../wizard/wizard-model'

/**
 * Voting rules and quotas can change only on a top-level campaign before voting opens (the
 * server refuses them after, with CAMPAIGN_RULES_LOCKED).
 */
export const rulesEditable = (c: Campaign) =>
  c.rulesLockedAt === null && c.parentCampaignId === null

/** Why the jury rubric cannot change, or null when it can. */
export type RubricLock =
  | { reason: 'inherited' }
  | { reason: 'phase' }
  | { reason: 'scores'; count: number }
  | { reason: 'loading' }
  | { reason: 'unknown' }

/**
 * The server's rule (CAMPAIGN_RUBRIC_LOCKED): a top-level campaign's rubric may change until a
 * juror has scored and while the jury phase has not ended. `juryScoreCount` is the jurors'
 * scores so far: undefined while loading, null when they could not be read (then the rubric
 * stays locked: editing it blind could only end in a refusal).
 */
export const rubricLockOf = (
  c: Campaign,
  juryScoreCount: number | null | undefined,
): RubricLock | null => {
  if (c.parentCampaignId !== null) return { reason: 'inherited' }
  if (CAMPAIGN_PHASES.indexOf(c.phase) > CAMPAIGN_PHASES.indexOf('jury')) return { reason: 'phase' }
  if (juryScoreCount === undefined) return { reason: 'loading' }
  if (juryScoreCount === null) return { reason: 'unknown' }
  if (juryScoreCount > 0) return { reason: 'scores', count: juryScoreCount }
  return null
}

/** The edit form's values: the wizard's shape, filled from the saved campaign. */
export const editValuesOf = (c: Campaign): WizardValues => ({
  ...initialValues(c.orgId, c),
  parentCampaignId: undefined,
  name: c.name,
  honourTitle: c.honourTitle,
  year: c.year,
  description: c.description,
  coverImageUrl: c.coverImageUrl,
  phaseMode: c.phaseMode,
  // With their keys, so an edited rubric keeps naming the same scores.
  rubric: c.rubric.map((item) => ({ ...item })),
})

/** JSON with sorted keys, so equal values compare equal whatever their key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  )

/**
 * The schedule from the date pickers. A phase whose days were not touched keeps its saved
 * instants exactly (the pickers show days in the browser's zone; re-deriving the times would
 * shift them); a changed phase runs from the start of its first day to the end of its last.
 */
const scheduleOf = (values: WizardValues, c: Campaign): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const phase of SCHEDULED_PHASES) {
    const [start, end] = values.schedule?.[phase] ?? [null, null]
    const saved = c.schedule[phase]
    if (!start || !end) out[phase] = undefined
    else if (start.isSame(dayjs(saved.startsAt), 'day') && end.isSame(dayjs(saved.endsAt), 'day'))
      out[phase] = saved
    else
      out[phase] = {
        startsAt: start.startOf('day').toISOString(),
        endsAt: end.endOf('day').toISOString(),
      }
  }
  return out
}

/**
 * The PATCH body: only the fields that differ from the saved campaign, so the audit record
 * shows what changed and an untouched old cover link is not sent again. Rules (with the voting
 * hours) and quotas are left out when they cannot change, the rubric unless `rubricEditable`.
 */
export const toUpdateBody = (
  values: WizardValues,
  c: Campaign,
  rubricEditable = false,
): Record<string, unknown> => {
  const editable = rulesEditable(c)
  const full = toCreateBody(values, !editable)
  const candidate: Record<string, unknown> = {
    name: full.name,
    honourTitle: full.honourTitle,
    year: full.year,
    description: full.description,
    coverImageUrl: values.coverImageUrl || null,
    schedule: scheduleOf(values, c),
    phaseMode: full.phaseMode,
    ...(editable ? { rules: full.rules, quotas: full.quotas } : {}),
    ...(rubricEditable ? { rubric: rubricItemsOf(values.rubric ?? []) } : {}),
  }
  const saved = c as unknown as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(candidate).filter(([k, v]) => canonical(v) !== canonical(saved[k])),
  )
}

/** Body issues onto the form's field names (weights and shares are edited as percents). */
const fieldErrorsOf = (t: TFunction, issues: readonly z.core.$ZodIssue[]): FieldError[] => {
  const errors = zodIssuesToFieldErrors(t, issues.map(percentIssue)).map((e) => {
    const [head, second] = e.name
    if (head === 'rules' && second === 'weights')
      return { ...e, name: ['rules', weightField(e.name[2])] }
    if (head === 'rules' && second === 'limits') return e
    if (head === 'rules') return { ...e, name: ['rules', String(second)] }
    if (head === 'quotas' && second === 'minFrontLineShare')
      return { ...e, name: ['quotas', 'minFrontLinePct'] }
    if (head === 'schedule') return { ...e, name: ['schedule', String(second)] }
    // Keys are not shown; a duplicate or malformed key is the item's problem.
    if (head === 'rubric' && e.name[2] === 'key')
      return { ...e, name: ['rubric', second!, 'label'] }
    return e
  })
  // One message per field, the first.
  return [...new Map(errors.map((e) => [e.name.join('.'), e])).values()]
}

export type EditCheck = { ok: true; body: UpdateCampaignBody } | { ok: false; errors: FieldError[] }

/** Validates the edit with the contract the server applies (UpdateCampaignBodySchema). */
export const checkEdit = (
  t: TFunction,
  values: WizardValues,
  c: Campaign,
  rubricEditable = false,
): EditCheck => {
  const parsed = UpdateCampaignBodySchema.safeParse(toUpdateBody(values, c, rubricEditable))
  if (parsed.success) return { ok: true, body: parsed.data }
  return { ok: false, errors: fieldErrorsOf(t, parsed.error.issues) }
}
