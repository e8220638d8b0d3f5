import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from '../locales/en.json'
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

export const setupI18n = (lng: Language = initialLanguage()) => {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
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

export const changeLanguage = (lng: Language) => {
  storage.set(STORAGE_KEYS.language, lng)
  void i18n.changeLanguage(lng)
}

export { i18n }
