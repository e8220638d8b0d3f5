/**
 * A form's unsent input kept for this tab only (sessionStorage), so a reload does not lose it:
 * WeChat often drops a page in the background while a worker looks at another app. Only what
 * the caller passes is kept; never put codes or passwords in a draft.
 */
export const sessionDraft = <T>(
  key: string,
  maxAgeMs: number,
  read: (raw: unknown) => T | null,
) => ({
  load: (): T | null => {
    try {
      const raw = sessionStorage.getItem(key)
      if (!raw) return null
      const stored = JSON.parse(raw) as { savedAt?: unknown; value?: unknown }
      if (typeof stored.savedAt !== 'number' || Date.now() - stored.savedAt > maxAgeMs) return null
      return read(stored.value)
    } catch {
      // Storage refused (private mode) or a broken entry: start empty.
      return null
    }
  },
  save: (value: T) => {
    try {
      sessionStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), value }))
    } catch {
      // Private mode: the form still works, it just does not survive a reload.
    }
  },
  clear: () => {
    try {
      sessionStorage.removeItem(key)
    } catch {
      // nothing kept
    }
  },
})
