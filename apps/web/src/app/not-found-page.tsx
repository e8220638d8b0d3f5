import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export const NotFoundPage = () => {
  const { t } = useTranslation()
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: '1.5em', margin: 0 }}>{t('notFound.title')}</h1>}
      subTitle={t('notFound.description')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.backHome')}</Button>
        </Link>
      }
    />
  )
}
