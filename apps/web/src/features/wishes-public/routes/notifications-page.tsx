import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../lib/error-message'
import { LoadError, Loading, Notice } from '../../campaigns-public/components/shell'
import { formatWhen } from '../../campaigns-public/lib/time'
import { notificationQuote, notificationText } from '../../notifications/notification-text'
import { useMarkRead, useNotifications } from '../../notifications/use-notifications'
import { Pager } from '../components/pager'
import { RequireMember, WishShell } from '../components/wish-shell'

const k = 'wishesPublic.notifications'

/** /w/notifications — my in-app notifications; opening one marks it read. */
export const Component = () => {
  const { t } = useTranslation()
  return (
    <WishShell title={t(`${k}.title`)}>
      <RequireMember hint={t(`${k}.signInHint`)}>
        <List />
      </RequireMember>
    </WishShell>
  )
}

const List = () => {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const list = useNotifications(page)
  const { one, all } = useMarkRead()
  const failed = one.error ?? all.error
  return (
    <>
      {list.data && list.data.unread > 0 ? (
        <div className="cp-row" style={{ justifyContent: 'space-between' }}>
          <span>{t(`${k}.unread`, { count: list.data.unread })}</span>
          <button
            type="button"
            className="cp-btn"
            disabled={all.isPending}
            onClick={() => all.mutate()}
          >
            {t(`${k}.markAll`)}
          </button>
        </div>
      ) : null}
      {failed ? (
        <Notice kind="error" role="alert">
          {errorMessage(t, failed)}
        </Notice>
      ) : null}
      {list.isLoading ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <p>{t(`${k}.empty`)}</p> : null}
      <ul className="cp-list">
        {list.data?.items.map((n) => {
          const unread = n.readAt === null
          const text = notificationText(t, n)
          const quote = notificationQuote(n)
          const markRead = () => {
            if (unread) one.mutate(n.id)
          }
          return (
            <li key={n.id} className={unread ? 'cp-card wp-unread' : 'cp-card'}>
              <p>
                {unread ? <span className="cp-tag cp-tag-warn">{t(`${k}.new`)}</span> : null} {text}
              </p>
              {quote ? <p className="cp-pre cp-small">“{quote}”</p> : null}
              <p className="cp-small cp-muted">{formatWhen(t, n.createdAt)}</p>
              <div className="cp-row">
                {n.link?.startsWith('/w/') ? (
                  <Link className="cp-btn" to={n.link} onClick={markRead}>
                    {t(`${k}.open`)}
                  </Link>
                ) : n.link ? (
                  <a className="cp-btn" href={n.link} onClick={markRead}>
                    {t(`${k}.open`)}
                  </a>
                ) : null}
                {unread ? (
                  <button
                    type="button"
                    className="cp-btn"
                    disabled={one.isPending}
                    onClick={() => one.mutate(n.id)}
                  >
                    {t(`${k}.markRead`)}
                  </button>
                ) : null}
              </div>
            </li>
          )
        })}
      </ul>
      {list.data ? (
        <Pager page={page} pageSize={20} total={list.data.total} onPage={setPage} />
      ) : null}
    </>
  )
}
