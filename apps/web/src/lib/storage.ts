/** localStorage that never throws (private mode, WeChat in-app browser quirks). */
export const storage = {
  get: (key: string): string | null => {
    try {
      return window.localStorage.getItem(key)
    } catch {
      return null
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value === null) window.localStorage.removeItem(key)
      else window.localStorage.setItem(key, value)
    } catch {
      // ignore
    }
  },
}

export const STORAGE_KEYS = {
  language: 'uh.language',
  largeText: 'uh.largeText',
  currentOrg: 'uh.currentOrgId',
} as const
