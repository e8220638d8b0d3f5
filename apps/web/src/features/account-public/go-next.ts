import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { stepsBackTo } from '../../lib/nav-trail'
import { isWorkerPath } from '../../lib/worker-paths'

/** The sign-in, registration and reset pages, which going back to `next` may pass over. */
const isAccountPath = (path: string) => /^\/m(\/|\?|$)/.test(path)

/**
 * Leaves the sign-in page for `next` (already made safe by safeNext). Worker pages are on this
 * bundle, so the router goes there without reloading: back to it when the page that asked is
 * just behind the sign-in pages (else Back showed it twice), otherwise in place of this entry.
 * The console needs a full load to boot its own bundle.
 */
export const useGoNext = () => {
  const navigate = useNavigate()
  return useCallback(
    (next: string) => {
      const pathname = new URL(next, 'http://x').pathname
      if (!isWorkerPath(pathname)) return window.location.replace(next)
      const back = stepsBackTo(next, isAccountPath)
      if (back !== null) void navigate(back)
      else void navigate(next, { replace: true })
    },
    [navigate],
  )
}

/** The sign-in and registration pages of the worker bundle, coming back to `next`. */
export const memberLoginPath = (next: string) => `/m/login?next=${encodeURIComponent(next)}`
export const memberRegisterPath = (next: string) => `/m/register?next=${encodeURIComponent(next)}`
export const memberResetPath = (next: string) => `/m/reset?next=${encodeURIComponent(next)}`
