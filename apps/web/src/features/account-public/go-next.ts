import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import { isWorkerPath } from '../../lib/worker-paths'

/**
 * Leaves the sign-in page for `next` (already made safe by safeNext). Worker pages are on this
 * bundle, so the router goes there without reloading; the console needs a full load to boot its
 * own bundle.
 */
export const useGoNext = () => {
  const navigate = useNavigate()
  return useCallback(
    (next: string) => {
      const pathname = new URL(next, 'http://x').pathname
      if (isWorkerPath(pathname)) void navigate(next, { replace: true })
      else window.location.replace(next)
    },
    [navigate],
  )
}

/** The sign-in and registration pages of the worker bundle, coming back to `next`. */
export const memberLoginPath = (next: string) => `/m/login?next=${encodeURIComponent(next)}`
export const memberRegisterPath = (next: string) => `/m/register?next=${encodeURIComponent(next)}`
export const memberResetPath = (next: string) => `/m/reset?next=${encodeURIComponent(next)}`
