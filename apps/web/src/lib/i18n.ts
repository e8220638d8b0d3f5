import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import zhCN from '../locales/zh-CN.json'
import { apiClientConfig } from './api-client'
import { STORAGE_KEYS, storage } from './storage'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const isLanguage = (v: unknown): v is Language =>
  typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v)

export const initialLanguage = (): Language => {
  const saved = storage.get(STORAGE_KEYS.language)
  return isLanguage(saved) ? saved : 'zh-CN'
}

const applyLanguage = (lng: string) => {
  apiClientConfig.setLanguage(lng)
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}

/**
 * Chinese is in the first download; English is a chunk of its own, fetched when a page starts in
 * English or someone switches to it. Most users read Chinese, often on a slow phone network, and
 * each locale file is about 100 kB (20 kB compressed) of the worker pages' first load.
 */
const bundles: Record<Language, () => Promise<Record<string, unknown>>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: async () => (await import('../locales/en.json')).default,
}

/** Makes `lng`'s texts available (a no-op once loaded). */
export const loadLanguage = async (lng: Language) => {
  if (i18n.hasResourceBundle(lng, 'translation')) return
  i18n.addResourceBundle(lng, 'translation', await bundles[lng]())
}

export const setupI18n = (lng: Language = initialLanguage()) => {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN } },
      lng,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
      showSupportNotice: false,
    })
    i18n.on('languageChanged', applyLanguage)
  }
  applyLanguage(i18n.language || lng)
  return i18n
}

/**
 * Resolves when the starting language's texts are loaded, so the first paint is in it. When
 * English cannot be fetched (the network dropped), the page starts in Chinese rather than not
 * at all.
 */
export const languageReady = async (): Promise<void> => {
  const lng = isLanguage(i18n.language) ? i18n.language : 'zh-CN'
  try {
    await loadLanguage(lng)
  } catch {
    await i18n.changeLanguage('zh-CN')
  }
}

/** Switches the UI language once its texts are loaded; remembered for the next visit. */
export const changeLanguage = async (lng: Language) => {
  await loadLanguage(lng)
  storage.set(STORAGE_KEYS.language, lng)
  await i18n.changeLanguage(lng)
}

export { i18n }
