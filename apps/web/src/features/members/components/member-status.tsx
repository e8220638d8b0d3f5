import { MEMBER_STATUSES, POLITICAL_STATUSES, type MemberStatus } from '@unionhall/contracts'
import { Badge } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

const BADGE: Record<MemberStatus, 'success' | 'warning' | 'default'> = {
  active: 'success',
  suspended: 'warning',
  left: 'default',
}

export const memberStatusOptions = (t: TFunction) =>
  MEMBER_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))

/** 政治面貌 in the order union registers list them, 未填写 last. */
export const politicalStatusOptions = (t: TFunction) =>
  POLITICAL_STATUSES.map((s) => ({ value: s, label: t(`members.politicalStatus.${s}`) }))

export const MemberStatusBadge = ({ status }: { status: MemberStatus }) => {
  const { t } = useTranslation()
  return <Badge status={BADGE[status]} text={t(`members.status.${status}`)} />
}
