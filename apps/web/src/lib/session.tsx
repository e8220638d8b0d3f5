import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type Permission, type Session, SessionSchema } from '@unionhall/contracts'
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react'
import { apiClientConfig, apiRequest } from './api-client'
import { isApiError, SIGNED_OUT_CODES } from './api-error'
import { grantOrgs, permissionsAt } from './permissions'
import { STORAGE_KEYS, storage } from './storage'

export const sessionKeys = { all: ['auth', 'session'] as const }

/** The server's readable marker beside the session cookie (SIGNED_IN_COOKIE on the server). */
const SIGNED_IN_MARKER = 'uh_signed_in=1'

export const hasSignedInMarker = () =>
  document.cookie.split(';').some((c) => c.trim() === SIGNED_IN_MARKER)

/**
 * My session, or null when signed out. With `onlyWithMarker` (every page now) a browser without
 * the signed-in marker is taken as signed out without asking: an anonymous visitor on a slow
 * phone sees the page a round trip sooner, and the browser logs no 401. The marker is set with
 * the session cookie and expires with it, and GET /auth/session sets it again if it is missing,
 * so a live session always carries it; one that somehow lost it just signs in again.
 */
export const fetchSession = async (onlyWithMarker = false): Promise<Session | null> => {
  if (onlyWithMarker && !hasSignedInMarker()) return null
  try {
    return await apiRequest('/auth/session', { schema: SessionSchema })
  } catch (e) {
    if (isApiError(e) && SIGNED_OUT_CODES.has(e.code)) return null
    throw e
  }
}

type SessionContextValue = {
  session: Session | null
  isLoading: boolean
  setSession: (session: Session | null) => void
  /** The org the pages are scoped to by default: one of the orgs where I hold a role. */
  currentOrgId: string | null
  currentOrgName: string | null
  setCurrentOrgId: (orgId: string) => void
  permissions: Set<Permission>
  can: (permission: Permission) => boolean
}

const SessionContext = createContext<SessionContextValue | null>(null)

export const SessionProvider = ({
  children,
  onlyWithMarker = false,
}: {
  children: ReactNode
  /** Worker pages: no session request without the signed-in marker (see fetchSession). */
  onlyWithMarker?: boolean
}) => {
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: sessionKeys.all,
    queryFn: () => fetchSession(onlyWithMarker),
    staleTime: Infinity,
    retry: false,
  })
  const session = query.data ?? null
  const [preferredOrgId, setPreferredOrgId] = useState<string | null>(() =>
    storage.get(STORAGE_KEYS.currentOrg),
  )

  const setSession = useCallback(
    (next: Session | null) => {
      apiClientConfig.setCsrfToken(next?.csrfToken ?? null)
      if (next === null) queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' })
      queryClient.setQueryData(sessionKeys.all, next)
    },
    [queryClient],
  )

  useEffect(() => {
    apiClientConfig.setCsrfToken(session?.csrfToken ?? null)
  }, [session])

  useEffect(() => {
    apiClientConfig.setOnSignedOut(() => {
      apiClientConfig.setCsrfToken(null)
      queryClient.setQueryData(sessionKeys.all, null)
    })
    return () => apiClientConfig.setOnSignedOut(null)
  }, [queryClient])

  const orgs = useMemo(() => grantOrgs(session), [session])
  const current = orgs.find((o) => o.id === preferredOrgId) ?? orgs[0] ?? null
  const currentOrgId = current?.id ?? null

  const setCurrentOrgId = useCallback((orgId: string) => {
    storage.set(STORAGE_KEYS.currentOrg, orgId)
    setPreferredOrgId(orgId)
  }, [])

  const permissions = useMemo(() => permissionsAt(session, currentOrgId), [session, currentOrgId])
  const can = useCallback((p: Permission) => permissions.has(p), [permissions])

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      isLoading: query.isLoading,
      setSession,
      currentOrgId,
      currentOrgName: current?.name ?? null,
      setCurrentOrgId,
      permissions,
      can,
    }),
    [
      session,
      query.isLoading,
      setSession,
      currentOrgId,
      current,
      setCurrentOrgId,
      permissions,
      can,
    ],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export const useSession = (): SessionContextValue => {
  const ctx = useContext(SessionContext)
  if (!ctx) throw new Error('useSession must be used inside SessionProvider')
  return ctx
}

/** For tests and stories: a fixed session without any fetching. */
export const StaticSessionProvider = ({
  session,
  children,
}: {
  session: Session | null
  children: ReactNode
}) => {
  const orgs = grantOrgs(session)
  const currentOrgId = orgs[0]?.id ?? null
  const permissions = permissionsAt(session, currentOrgId)
  const value: SessionContextValue = {
    session,
    isLoading: false,
    setSession: () => undefined,
    currentOrgId,
    currentOrgName: orgs[0]?.name ?? null,
    setCurrentOrgId: () => undefined,
    permissions,
    can: (p) => permissions.has(p),
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}
