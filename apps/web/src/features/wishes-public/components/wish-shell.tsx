import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useSession } from '../../../lib/session'
import { useLoginPath, useRegisterPath } from '../../campaigns-public/components/hooks'
import { Loading, Notice, PublicShell } from '../../campaigns-public/components/shell'
import { useUnreadCount } from '../../notifications/use-notifications'
import './wishes-public.css'

const TABS = [
  ['/w/mine', 'mine'],
  ['/w/claims', 'claims'],
  ['/w/notifications', 'notifications'],
] as const

/**
 * The frame of the wish pages: the public shell plus a row of links to my wishes, my claims
 * and my notifications (with the unread count) once signed in.
 */
export const WishShell = ({
  title,
  home,
  children,
}: {
  title: string
  home?: { to: string; label: string }
  children: ReactNode
}) => {
  const { t } = useTranslation()
  const { session } = useSession()
  const { pathname } = useLocation()
  const unread = useUnreadCount(session !== null)
  return (
    <PublicShell title={title} home={home ?? { to: '/s', label: t('wishesPublic.common.home') }}>
      {session ? (
        <nav className="wp-tabs" aria-label={t('wishesPublic.nav.label')}>
          {TABS.map(([to, key]) => (
            <Link key={to} to={to} aria-current={pathname === to ? 'page' : undefined}>
              {t(`wishesPublic.nav.${key}`)}
              {key === 'notifications' && unread.data ? (
                <span className="wp-badge">
                  {t('wishesPublic.nav.unread', { count: unread.data })}
                </span>
              ) : null}
            </Link>
          ))}
        </nav>
      ) : null}
      {children}
    </PublicShell>
  )
}

/**
 * Pages that act for the signed-in member: a sign-in prompt (back here afterwards) until a
 * session exists, on the worker bundle's own sign-in page (/m/login): mobile and password.
 */
export const RequireMember = ({ hint, children }: { hint: string; children: ReactNode }) => {
  const { t } = useTranslation()
  const loginPath = useLoginPath()
  const registerPath = useRegisterPath()
  const { session, isLoading } = useSession()
  if (isLoading) return <Loading />
  if (!session)
    return (
      <>
        <Notice>
          <p>{hint}</p>
          <Link className="cp-btn cp-btn-primary" to={loginPath}>
            {t('wishesPublic.common.signIn')}
          </Link>
        </Notice>
        <p>
          {t('wishesPublic.common.noAccount')}{' '}
          <Link className="cp-link-tap" to={registerPath}>
            {t('wishesPublic.common.register')}
          </Link>
        </p>
      </>
    )
  return <>{children}</>
}

const TAG: Record<string, string> = {
  pending_review: 'cp-tag cp-tag-warn',
  published: 'cp-tag',
  rejected: 'cp-tag cp-tag-bad',
  claimed: 'cp-tag cp-tag-warn',
  fulfilled: 'cp-tag cp-tag-warn',
  confirmed: 'cp-tag cp-tag-ok',
  expired: 'cp-tag cp-tag-bad',
  withdrawn: 'cp-tag',
  active: 'cp-tag cp-tag-warn',
  released: 'cp-tag',
  reopened: 'cp-tag cp-tag-bad',
}

/** A wish's or a claim's status as a coloured tag. */
export const StatusTag = ({ kind, status }: { kind: 'wish' | 'claim'; status: string }) => {
  const { t } = useTranslation()
  return (
    <span className={TAG[status] ?? 'cp-tag'}>{t(`wishesPublic.${kind}Status.${status}`)}</span>
  )
}
