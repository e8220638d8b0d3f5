import { ORG_KINDS, type OrgKind } from '@unionhall/contracts'
import type { TFunction } from 'i18next'

export const orgKindLabel = (t: TFunction, kind: OrgKind) => t(`orgs.kinds.${kind}`)

export const orgKindOptions = (t: TFunction) =>
  ORG_KINDS.map((kind) => ({ value: kind, label: orgKindLabel(t, kind) }))
