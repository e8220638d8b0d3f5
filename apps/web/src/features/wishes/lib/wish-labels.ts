import {
  CLAIMANT_KINDS,
  WISH_CATEGORIES,
  WISH_STATUSES,
  type WishStatus,
} from '@unionhall/contracts'
import type { TFunction } from 'i18next'

/** AntD tag colours of wish statuses: waiting on staff, on the wall, in hand, done, ended. */
export const statusColor: Record<WishStatus, string> = {
  pending_review: 'gold',
  published: 'blue',
  rejected: 'red',
  claimed: 'cyan',
  fulfilled: 'purple',
  confirmed: 'green',
  expired: 'default',
  withdrawn: 'default',
}

export const wishOptions = (t: TFunction) => ({
  statuses: WISH_STATUSES.map((value) => ({ value, label: t(`wishes.status.${value}`) })),
  categories: WISH_CATEGORIES.map((value) => ({ value, label: t(`wishes.category.${value}`) })),
  claimantKinds: CLAIMANT_KINDS.map((value) => ({
    value,
    label: t(`wishes.claimantKind.${value}`),
  })),
})
