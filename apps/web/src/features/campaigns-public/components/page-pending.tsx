import { useTranslation } from 'react-i18next'

/**
 * What a worker page shows while its code downloads. On a slow phone network that takes a second
 * or more, and a blank white screen there looks broken: say it is loading, as index.html does.
 */
export const PagePending = () => {
  const { t } = useTranslation()
  return (
    <div className="cp-root" aria-busy="true" style={{ minHeight: '100vh' }}>
      <p className="cp-spinner" role="status" style={{ padding: '1rem' }}>
        {t('common.loading')}
      </p>
    </div>
  )
}
