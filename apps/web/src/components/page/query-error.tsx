import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../lib/error-message'

/** An error state for a failed query, with a retry button. */
export const QueryError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useTranslation()
  return (
    <Alert
      type="error"
      showIcon
      message={t('common.loadFailed')}
      description={errorMessage(t, error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    />
  )
}
