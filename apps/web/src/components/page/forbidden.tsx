import { Result } from 'antd'
import { useTranslation } from 'react-i18next'

export const Forbidden = () => {
  const { t } = useTranslation()
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: '1.5em', margin: 0 }}>{t('common.forbidden.title')}</h1>}
      subTitle={t('common.forbidden.description')}
    />
  )
}
