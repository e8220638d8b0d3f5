import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import { changeLanguage, type Language, initialLanguage } from './i18n'
import { STORAGE_KEYS, storage } from './storage'

type UiPrefs = {
  language: Language
  setLanguage: (lng: Language) => void
  /** Larger type for older workers; bumps the AntD fontSize token. */
  largeText: boolean
  setLargeText: (on: boolean) => void
}

const UiPrefsContext = createContext<UiPrefs | null>(null)

export const UiPrefsProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLang] = useState<Language>(initialLanguage)
  const [largeText, setLarge] = useState(() => storage.get(STORAGE_KEYS.largeText) === '1')

  // The switch shows once the language's texts are loaded (English is fetched on first use);
  // if they cannot be fetched, the page stays as it is.
  const setLanguage = useCallback((lng: Language) => {
    changeLanguage(lng).then(
      () => setLang(lng),
      () => undefined,
    )
  }, [])
  const setLargeText = useCallback((on: boolean) => {
    storage.set(STORAGE_KEYS.largeText, on ? '1' : '0')
    setLarge(on)
  }, [])

  const value = useMemo(
    () => ({ language, setLanguage, largeText, setLargeText }),
    [language, setLanguage, largeText, setLargeText],
  )
  return <UiPrefsContext.Provider value={value}>{children}</UiPrefsContext.Provider>
}

export const useUiPrefs = (): UiPrefs => {
  const ctx = useContext(UiPrefsContext)
  if (!ctx) throw new Error('useUiPrefs must be used inside UiPrefsProvider')
  return ctx
}
