import { sessionDraft } from '../../lib/session-draft'

/**
 * The SMS way of signing in after a code was sent: the number and when the code went, never
 * the code. A worker leaves the page to read the message, and WeChat often drops it meanwhile;
 * the reloaded page comes back to the code form with the resend countdown where it was.
 */
export type LoginDraft = { mobile: string; sent: { to: string; at: number } }

/** Kept ten minutes: longer than the SMS code lives. */
const draft = sessionDraft<LoginDraft>('uh.loginDraft', 10 * 60_000, (raw) => {
  if (typeof raw !== 'object' || raw === null) return null
  const d = raw as { mobile?: unknown; sent?: { to?: unknown; at?: unknown } | null }
  if (typeof d.mobile !== 'string') return null
  const sent = d.sent
  if (!sent || typeof sent.to !== 'string' || typeof sent.at !== 'number') return null
  return { mobile: d.mobile, sent: { to: sent.to, at: sent.at } }
})

export const readLoginDraft = draft.load
export const saveLoginDraft = draft.save
export const clearLoginDraft = draft.clear
