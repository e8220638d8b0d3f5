import type { PublicOrg } from '@unionhall/contracts'
import { sessionDraft } from '../../lib/session-draft'

/** What a worker typed on the registration page; never the code or the password. */
export type RegisterDraft = {
  name: string
  employer: PublicOrg | null
  mobile: string
  sent: { to: string; at: number } | null
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** Kept ten minutes: longer than the SMS code lives. */
const draft = sessionDraft<RegisterDraft>('uh.registerDraft', 10 * 60_000, (raw) => {
  if (typeof raw !== 'object' || raw === null) return null
  const d = raw as Partial<Record<keyof RegisterDraft, unknown>>
  const employer = d.employer as PublicOrg | null | undefined
  const sent = d.sent as { to?: unknown; at?: unknown } | null | undefined
  return {
    name: text(d.name),
    employer: employer && typeof employer.id === 'string' ? employer : null,
    mobile: text(d.mobile),
    sent:
      sent && typeof sent.to === 'string' && typeof sent.at === 'number'
        ? { to: sent.to, at: sent.at }
        : null,
  }
})

export const readRegisterDraft = draft.load
export const saveRegisterDraft = draft.save
export const clearRegisterDraft = draft.clear
