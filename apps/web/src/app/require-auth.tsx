import type { Permission } from '@unionhall/contracts'
import { Flex, Spin } from 'antd'
import type { ComponentType, ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { Forbidden } from '../components/page/forbidden'
import { useSession } from '../lib/session'

export const FullPageSpin = () => (
  <Flex justify="center" align="center" style={{ minHeight: '50vh' }}>
    <Spin size="large" />
  </Flex>
)

export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const { session, isLoading } = useSession()
  const location = useLocation()
  if (isLoading) return <FullPageSpin />
  if (!session) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />
  }
  return <>{children}</>
}

export const RequirePermission = ({
  permission,
  children,
}: {
  permission: Permission
  children: ReactNode
}) => {
  const { can } = useSession()
  return can(permission) ? <>{children}</> : <Forbidden />
}

/** A lazy route whose page is shown only to holders of a permission. */
export const guardedPage =
  (permission: Permission | undefined, load: () => Promise<{ Component: ComponentType }>) =>
  async () => {
    const { Component } = await load()
    if (!permission) return { Component }
    const Guarded = () => (
      <RequirePermission permission={permission}>
        <Component />
      </RequirePermission>
    )
    return { Component: Guarded }
  }
