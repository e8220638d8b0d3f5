import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { useUiPrefs } from '../../../lib/ui-prefs'
import './public.css'

type Props = {
  /** The page's one h1. */
  title: string
  /** Where the bar's title leads: the campaign home. */
  home?: { to: string; label: string }
  children: ReactNode
}

/** The frame of every worker campaign page: a slim bar with language and large-text switches. */
export const PublicShell = ({ title, home, children }: Props) => {
  const { t } = useTranslation()
  const { language, setLanguage, largeText, setLargeText } = useUiPrefs()
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [title, t])
  const other = language === 'zh-CN' ? 'en' : 'zh-CN'
  return (
    <div className={largeText ? 'cp-root cp-large' : 'cp-root'}>
      <header className="cp-bar">
        {home ? (
          <Link className="cp-bar-home" to={home.to}>
            <span className="cp-bar-title">{home.label}</span>
          </Link>
        ) : (
          <span className="cp-bar-home">
            <span className="cp-bar-title">{t('app.name')}</span>
          </span>
        )}
        <span className="cp-bar-tools">
          <button
            type="button"
            className="cp-bar-tool"
            aria-pressed={largeText}
            onClick={() => setLargeText(!largeText)}
          >
            {t('campaignsPublic.shell.largeText')}
          </button>
          <button
            type="button"
            className="cp-bar-tool"
            lang={other}
            aria-label={t('campaignsPublic.shell.switchLanguage')}
            onClick={() => setLanguage(other)}
          >
            {other === 'en' ? 'English' : '中文'}
          </button>
        </span>
      </header>
      <main className="cp-main" id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  )
}

export const Loading = () => {
  const { t } = useTranslation()
  return (
    <p className="cp-spinner" role="status">
      {t('common.loading')}
    </p>
  )
}

/** A failed load in words, with a retry button (slow or broken networks are common). */
/**
 * Why a page could not load. A refusal (4xx: not eligible, not found) is the answer, not a
 * fault: it is shown as a note with no "retry", which could never help. Faults, timeouts and
 * rate limits (5xx, network, 408, 429) are errors with a retry.
 */
export const LoadError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useTranslation()
  const refusal =
    isApiError(error) &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429
  return (
    <div
      className={refusal ? 'cp-notice' : 'cp-notice cp-notice-error'}
      role={refusal ? 'status' : 'alert'}
    >
      <p>{errorMessage(t, error)}</p>
      {onRetry && !refusal ? (
        <button type="button" className="cp-btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  )
}

export const Notice = ({
  kind = 'info',
  children,
  role,
}: {
  kind?: 'info' | 'warn' | 'error' | 'ok'
  children: ReactNode
  role?: 'alert' | 'status'
}) => (
  <div className={kind === 'info' ? 'cp-notice' : `cp-notice cp-notice-${kind}`} role={role}>
    {children}
  </div>
)
