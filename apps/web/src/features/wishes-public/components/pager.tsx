import { useTranslation } from 'react-i18next'

/** Previous / next paging for phone lists (no page numbers to aim at). */
export const Pager = ({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
}) => {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <nav className="wp-pager" aria-label={t('wishesPublic.pager.label')}>
      <button
        type="button"
        className="cp-btn"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('wishesPublic.pager.prev')}
      </button>
      <span>{t('wishesPublic.pager.status', { page, pages })}</span>
      <button
        type="button"
        className="cp-btn"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('wishesPublic.pager.next')}
      </button>
    </nav>
  )
}
