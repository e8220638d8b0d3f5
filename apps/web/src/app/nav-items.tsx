import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  EnvironmentOutlined,
  GiftOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons'
import type { Permission } from '@unionhall/contracts'
import type { ReactNode } from 'react'

export type NavItem = {
  path: string
  /** i18n key of the menu label. */
  labelKey: string
  icon: ReactNode
  /** Hidden unless the current org's grants hold this permission. */
  permission?: Permission
}

/** The console's navigation. Modules add their pages here (and their routes in router.tsx). */
export const navItems: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined /> },
  { path: '/orgs', labelKey: 'nav.orgs', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/members', labelKey: 'nav.members', icon: <TeamOutlined />, permission: 'member:read' },
  {
    path: '/members/import',
    labelKey: 'nav.memberImport',
    icon: <CloudUploadOutlined />,
    permission: 'member:manage',
  },
  {
    path: '/role-grants',
    labelKey: 'nav.roleGrants',
    icon: <SafetyCertificateOutlined />,
    permission: 'role:manage',
  },
  {
    path: '/campaigns',
    labelKey: 'nav.campaigns',
    icon: <TrophyOutlined />,
    permission: 'campaign:read',
  },
  {
    path: '/stations',
    labelKey: 'nav.stations',
    icon: <EnvironmentOutlined />,
    permission: 'station:read',
  },
  { path: '/wishes', labelKey: 'nav.wishes', icon: <GiftOutlined />, permission: 'wish:read' },
  { path: '/my/shifts', labelKey: 'nav.myShifts', icon: <CalendarOutlined /> },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit:read' },
]

/** The nav item a pathname belongs to (longest matching prefix). */
export const activeNavPath = (pathname: string): string => {
  let best = '/'
  for (const item of navItems) {
    if (item.path === '/') continue
    if (
      (pathname === item.path || pathname.startsWith(`${item.path}/`)) &&
      item.path.length > best.length
    ) {
      best = item.path
    }
  }
  return best
}
