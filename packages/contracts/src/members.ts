import { z } from 'zod'
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common'

/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

/**
 * A mobile number as people type or paste it, made plain: full-width digits (a Chinese keyboard),
 * spaces, dashes and brackets ("136 2076 0099", "136-2076-0099") and a +86 / 0086 country code
 * are dropped. Check MOBILE_PATTERN on the result.
 */
export const normaliseMobileInput = (text: string) =>
  text
    // Invisible format characters: a number copied from a phone's contacts often arrives
    // wrapped in U+202D…U+202C, and the server refuses those in any text.
    .replace(/\p{Cf}/gu, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-－—()（）]/g, '')
    .replace(/^(?:\+|＋|00)?86(?=1\d{10}$)/, '')

export const MobileSchema = z
  .string()
  .trim()
  .regex(MOBILE_PATTERN, { message: 'MEMBER_MOBILE_INVALID' })

const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CARD_CHECK_CHARS = '10X98765432'

/**
 * Checks a resident ID-card number against GB 11643-1999: 17 digits, a valid birth date
 * and the ISO 7064 MOD 11-2 check character.
 */
export const isValidIdCardNumber = (value: string): boolean => {
  const id = value.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, day))
  if (
    year < 1900 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day
  ) {
    return false
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_CARD_WEIGHTS[i]!
  return ID_CARD_CHECK_CHARS[sum % 11] === id[17]
}

export const IdCardNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidIdCardNumber, { message: 'MEMBER_ID_CARD_INVALID' })

export const PasswordSchema = z.string().min(8).max(128)

export const MEMBER_STATUSES = ['active', 'suspended', 'left'] as const
export const MemberStatusSchema = z.enum(MEMBER_STATUSES)
export type MemberStatus = z.infer<typeof MemberStatusSchema>

export const NameSchema = z.string().trim().min(1).max(50)

/**
 * 政治面貌 as union member registers keep it: 中共党员, 中共预备党员, 共青团员, 群众, 其他,
 * 未填写. Staff keep it (ADR 0033); a member's own word never sets it. Sensitive: it appears in
 * staff answers only, never in public or worker ones.
 */
export const POLITICAL_STATUSES = [
  'cpc_member',
  'cpc_probationary_member',
  'cyl_member',
  'masses',
  'other',
  'unknown',
] as const
export const PoliticalStatusSchema = z.enum(POLITICAL_STATUSES)
export type PoliticalStatus = z.infer<typeof PoliticalStatusSchema>

/** The statuses that make a member a party member (党员): full and probationary members. */
export const PARTY_MEMBER_STATUSES: readonly PoliticalStatus[] = [
  'cpc_member',
  'cpc_probationary_member',
]
export const isPartyMemberStatus = (s: PoliticalStatus) => PARTY_MEMBER_STATUSES.includes(s)

/** A member as lists show it: personal data is masked (138****1234). */
export const MemberSchema = z.object({
  id: IdSchema,
  name: z.string(),
  mobileMasked: z.string(),
  idCardMasked: z.string().nullable(),
  orgId: IdSchema,
  orgName: z.string(),
  status: MemberStatusSchema,
  /** Kept by staff; 'unknown' (未填写) until they set it. */
  politicalStatus: PoliticalStatusSchema,
  createdAt: TimestampSchema,
})
export type Member = z.infer<typeof MemberSchema>

/** totalCapped: the count stopped at 1,000 ("1,000+"); paging still works. */
export const MemberPageSchema = pageOf(MemberSchema).extend({ totalCapped: z.boolean() })

/** Members in an org's subtree, split by its child orgs (dashboard chart). */
export const MemberStatsSchema = z.object({
  orgId: IdSchema,
  total: z.number().int(),
  /** Members attached to the org itself rather than to a child. */
  direct: z.number().int(),
  children: z.array(z.object({ orgId: IdSchema, orgName: z.string(), members: z.number().int() })),
})
export type MemberStats = z.infer<typeof MemberStatsSchema>

export const MemberListQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional(),
  status: MemberStatusSchema.optional(),
  politicalStatus: PoliticalStatusSchema.optional(),
}).strict()
export type MemberListQuery = z.infer<typeof MemberListQuerySchema>

export const CreateMemberBodySchema = z
  .object({
    name: NameSchema,
    mobile: MobileSchema,
    idCardNumber: IdCardNumberSchema.optional(),
    orgId: IdSchema,
    password: PasswordSchema.optional(),
    /** Default 'unknown' (未填写). */
    politicalStatus: PoliticalStatusSchema.optional(),
  })
  .strict()
export type CreateMemberBody = z.infer<typeof CreateMemberBodySchema>

export const UpdateMemberBodySchema = z
  .object({
    name: NameSchema.optional(),
    orgId: IdSchema.optional(),
    status: MemberStatusSchema.optional(),
    politicalStatus: PoliticalStatusSchema.optional(),
  })
  .strict()
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>

/** Self-registration: the worker picks the employer org and proves the mobile with an SMS code. */
export const RegisterBodySchema = z
  .object({
    name: NameSchema,
    mobile: MobileSchema,
    password: PasswordSchema,
    orgId: IdSchema,
    otpCode: z.string().regex(/^\d{6}$/),
  })
  .strict()
export type RegisterBody = z.infer<typeof RegisterBodySchema>

/** The unmasked personal data of one member; every read is audited. */
export const MemberPersonalDataSchema = z.object({
  id: IdSchema,
  mobile: z.string(),
  idCardNumber: z.string().nullable(),
})

export const IMPORT_MODES = ['all-or-nothing', 'valid-only'] as const
export const ImportModeSchema = z.enum(IMPORT_MODES)
export type ImportMode = z.infer<typeof ImportModeSchema>

export const ImportRowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
})
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>

export const ImportReportSchema = z.object({
  mode: ImportModeSchema,
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  importedRows: z.number().int(),
  errors: z.array(ImportRowErrorSchema),
})
export type ImportReport = z.infer<typeof ImportReportSchema>
