import type { ClaimantKind, WishCategory, WishSource, WishStatus } from '@unionhall/contracts'

// Exports are zh-CN documents, like the other exports (campaign results, members, stations).
// They use the console's words (wishes.status in the web's zh-CN.json): staff compare a sheet
// with the page they exported it from.

/** The final status reads 已完成 as on the report page and the list, not 已确认. */
export const STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  published: '待认领',
  rejected: '未通过',
  claimed: '已认领',
  fulfilled: '已送达',
  confirmed: '已完成',
  expired: '已过期',
  withdrawn: '已撤回',
}

export const CATEGORY_LABELS: Record<WishCategory, string> = {
  daily_necessities: '生活用品',
  study: '学习用品',
  health: '健康医疗',
  family: '家庭帮扶',
  skills: '技能培训',
  other: '其他',
}

export const KIND_LABELS: Record<ClaimantKind, string> = {
  volunteer: '志愿者',
  party_member: '党员',
  partner_company: '爱心企业',
}

export const SOURCE_LABELS: Record<WishSource, string> = {
  worker: '职工本人提交',
  staff: '工作人员代录',
}
