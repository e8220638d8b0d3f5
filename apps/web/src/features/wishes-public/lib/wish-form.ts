import {
  type ClaimWishBody,
  type MyWish,
  type PostWishBody,
  type UpdateWishBody,
  WISH_CATEGORIES,
  WISH_MAX_DEADLINE_DAYS,
  type WishCategory,
} from '@unionhall/contracts'
import { beijingDay } from '../../campaigns-public/lib/time'

/** Limits of the post form, the same as the contract's (zod counts UTF-16 units: .length). */
export const TITLE_MAX = 60
export const DESCRIPTION_MAX = 500
export const REASON_MAX = 200
export const THANKS_MAX = 300

const DAY_MS = 86_400_000

/** Today in China (deadlines and due dates are China days), YYYY-MM-DD. */
export const chinaToday = (now: Date = new Date()): string => beijingDay(now)

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** The latest deadline a wish may have, counted from today. */
export const latestDeadline = (today: string) => addDays(today, WISH_MAX_DEADLINE_DAYS)

export type PostFormValues = {
  title: string
  description: string
  category: WishCategory | ''
  deadline: string
  stationId: string
}

export type PostFormErrors = Partial<Record<keyof PostFormValues, string>>

/** Error keys under wishesPublic.post.errors; the page turns them into words. */
export const validatePost = (
  v: PostFormValues,
  today: string,
): { errors: PostFormErrors; body: PostWishBody | null } => {
  const errors: PostFormErrors = {}
  const title = v.title.trim()
  const description = v.description.trim()
  if (!title) errors.title = 'titleRequired'
  else if (title.length > TITLE_MAX) errors.title = 'titleTooLong'
  if (description.length > DESCRIPTION_MAX) errors.description = 'descriptionTooLong'
  if (!v.category || !(WISH_CATEGORIES as readonly string[]).includes(v.category))
    errors.category = 'categoryRequired'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.deadline)) errors.deadline = 'deadlineRequired'
  else if (v.deadline < today) errors.deadline = 'deadlinePast'
  else if (v.deadline > latestDeadline(today)) errors.deadline = 'deadlineTooFar'
  if (Object.keys(errors).length > 0) return { errors, body: null }
  return {
    errors,
    body: {
      title,
      description,
      category: v.category as WishCategory,
      deadline: v.deadline,
      ...(v.stationId ? { stationId: v.stationId } : {}),
    },
  }
}

/** The edit form starts from the wish as it is. */
export const editValuesOf = (w: MyWish): PostFormValues => ({
  title: w.title,
  description: w.description,
  category: w.category,
  deadline: w.deadline,
  stationId: w.stationId ?? '',
})

/**
 * The edit form is checked exactly as the post form (same limits, deadline from today); its
 * body names every field, with stationId null once the worker removed the station. The
 * server leaves fields that did not change alone.
 */
export const validateEdit = (
  v: PostFormValues,
  today: string,
): { errors: PostFormErrors; body: UpdateWishBody | null } => {
  const { errors, body } = validatePost(v, today)
  if (!body) return { errors, body: null }
  return { errors, body: { ...body, stationId: body.stationId ?? null } }
}

export type ClaimFormValues = {
  claimantKind: ClaimWishBody['claimantKind']
  /** The registered partner claiming, for partner_company (ADR 0030); '' when none is chosen. */
  partnerId: string
  dueDate: string
}

/** The claim body, or the key of what is missing (the partner company, a due date out of range). */
export const validateClaim = (
  v: ClaimFormValues,
  today: string,
  deadline: string,
): { error: 'companyRequired' | 'dueInvalid' | null; body: ClaimWishBody | null } => {
  const partnerId = v.claimantKind === 'partner_company' ? v.partnerId : ''
  if (v.claimantKind === 'partner_company' && !partnerId)
    return { error: 'companyRequired', body: null }
  if (v.dueDate && (v.dueDate < today || v.dueDate > deadline))
    return { error: 'dueInvalid', body: null }
  return {
    error: null,
    body: {
      claimantKind: v.claimantKind,
      ...(partnerId ? { partnerId } : {}),
      ...(v.dueDate ? { dueDate: v.dueDate } : {}),
    },
  }
}

/** Text length as the counter shows it and the server counts it. */
export const charCount = (s: string) => s.trim().length
