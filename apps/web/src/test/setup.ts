import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import en from '../locales/en.json'
import { setupI18n } from '../lib/i18n'

// jsdom lacks these; AntD's Grid and Table read them.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}
if (!('ResizeObserver' in window)) {
  class RO {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  ;(window as unknown as { ResizeObserver: typeof RO }).ResizeObserver = RO
}

// Both languages at once: tests switch to English without fetching its chunk.
setupI18n('zh-CN').addResourceBundle('en', 'translation', en)

afterEach(() => cleanup())
