import type { Permission } from '@unionhall/contracts'
import type { ReactNode } from 'react'
import { useSession } from '../../lib/session'

/** Renders its children only when the current org's grants hold the permission. */
export const Can = ({ permission, children }: { permission: Permission; children: ReactNode }) => {
  const { can } = useSession()
  return can(permission) ? <>{children}</> : null
}
