import type { PublicOrg } from '@unionhall/contracts'

/**
 * What a worker typed on the registration page, kept for this tab only (sessionStorage), never
 * the code or the password. A draft older than the SMS code's life is dropped.
 */
export type RegisterDraft = {
  name: string
  employer: PublicOrg | null
  mobile: string
  sent: { to: string; at: number } | null
}

const KEY = 'uh.registerDraft'
const MAX_AGE_MS = 10 * 60_000

export const readRegisterDraft = (): RegisterDraft | null => {
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const d = JSON.parse(raw) as RegisterDraft & { savedAt?: number }
    if (typeof d.savedAt !== 'number' || Date.now() - d.savedAt > MAX_AGE_MS) return null
    return {
      name: typeof d.name === 'string' ? d.name : '',
      employer: d.employer && typeof d.employer.id === 'string' ? d.employer : null,
      mobile: typeof d.mobile === 'string' ? d.mobile : '',
      sent:
        d.sent && typeof d.sent.to === 'string' && typeof d.sent.at === 'number' ? d.sent : null,
    }
  } catch {
    // Storage refused (private mode) or a broken entry: start empty.
    return null
  }
}

export const saveRegisterDraft = (draft: RegisterDraft) => {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ...draft, savedAt: Date.now() }))
  } catch {
    // Private mode: the form still works, it just does not survive a reload.
  }
}

export const clearRegisterDraft = () => {
  try {
    sessionStorage.removeItem(KEY)
  } catch {
    // nothing kept
  }
}
