import type { Role, Session } from '@unionhall/contracts'
import { useCallback } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { stepsBackTo } from '../../lib/nav-trail'
import { isWorkerPath } from '../../lib/worker-paths'
import { safeNext } from '../auth/lib-next'

/** The sign-in, registration and reset pages, which going back to `next` may pass over. */
const isAccountPath = (path: string) => /^\/m(\/|\?|$)/.test(path)

/** Roles whose holders work in the staff console; members and volunteers live on worker pages. */
const CONSOLE_ROLES: ReadonlySet<Role> = new Set([
  'platform_admin',
  'org_admin',
  'staff',
  'counsellor',
])

/** A worker's own page (their wishes and claims), where signing in with no destination ends. */
export const WORKER_HOME = '/w/mine'

/**
 * Where signing in on a worker page goes when nothing asked for a page: staff to the console,
 * workers to their own page. Before, every such sign-in went to the console's "/", where a
 * worker found a staff screen they could do nothing with.
 */
export const homeAfterSignIn = (session: Session) =>
  session.grants.some((g) => CONSOLE_ROLES.has(g.role)) ? '/' : WORKER_HOME

/** The page that sent the member here (made safe), or null when they came on their own. */
export const useNextParam = (): string | null => {
  const [params] = useSearchParams()
  const raw = params.get('next')
  return raw === null ? null : safeNext(raw)
}

/**
 * Leaves the sign-in page for `next`, or for the member's home when nothing asked (already made safe by safeNext). Worker pages are on this
 * bundle, so the router goes there without reloading: back to it when the page that asked is
 * just behind the sign-in pages (else Back showed it twice), otherwise in place of this entry.
 * The console needs a full load to boot its own bundle.
 */
export const useGoNext = () => {
  const navigate = useNavigate()
  return useCallback(
    (asked: string | null, session: Session) => {
      const next = asked ?? homeAfterSignIn(session)
      const pathname = new URL(next, 'http://x').pathname
      if (!isWorkerPath(pathname)) return window.location.replace(next)
      const back = stepsBackTo(next, isAccountPath)
      if (back !== null) void navigate(back)
      else void navigate(next, { replace: true })
    },
    [navigate],
  )
}

/** The sign-in and registration pages of the worker bundle, coming back to `next` if any. */
const withNext = (path: string, next: string | null) =>
  next === null ? path : `${path}?next=${encodeURIComponent(next)}`
export const memberLoginPath = (next: string | null) => withNext('/m/login', next)
export const memberRegisterPath = (next: string | null) => withNext('/m/register', next)
export const memberResetPath = (next: string | null) => withNext('/m/reset', next)
