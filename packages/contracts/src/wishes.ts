import { z } from 'zod'
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common'
import { MobileSchema, NameSchema } from './members'
import { ImageUrlSchema } from './uploads'

/**
 * Micro-wishes (微心愿): a worker asks for something small, staff verify and publish it on the
 * wish wall of their org or station, a volunteer, party member or partner company claims it,
 * delivers it (with a photo) and the worker confirms receipt.
 *
 * Status flow of a wish:
 *   pending_review → published | rejected        (staff verify)
 *   published → claimed → fulfilled → confirmed  (claim, fulfil, confirm)
 *   claimed | fulfilled → published              (reopen with a reason; ends the live claim)
 *   claimed → published                          (claim released, or expired past its due date)
 *   published → expired                          (the wish deadline passed before anyone claimed it)
 *   published → pending_review                   (the worker edited it: staff verify the new text)
 *   pending_review | published → withdrawn       (the worker took it back; staff lists and reports
 *                                                 keep it, the wall and public pages drop it)
 *
 * Only a wish awaiting review or on the wall (no claim yet) can be edited or withdrawn: once
 * someone has claimed it, the claimant is working from the text they saw.
 *
 * Personal data: the worker's name and mobile are encrypted at rest; every list shows a masked
 * name (张*明) and mobile (138****1234); the public wall shows the masked name only.
 * Dates (deadline, dueDate) are calendar days in China time (Asia/Shanghai); a wish or claim
 * is due at the end of that day.
 */

export const WISH_CATEGORIES = [
  'daily_necessities', // 生活用品
  'study', // 学习用品 / 子女教育
  'health', // 健康医疗
  'family', // 家庭帮扶
  'skills', // 技能培训
  'other',
] as const
export const WishCategorySchema = z.enum(WISH_CATEGORIES)
export type WishCategory = z.infer<typeof WishCategorySchema>

export const WISH_STATUSES = [
  'pending_review',
  'published',
  'rejected',
  'claimed',
  'fulfilled',
  'confirmed',
  'expired',
  'withdrawn',
] as const
export const WishStatusSchema = z.enum(WISH_STATUSES)
export type WishStatus = z.infer<typeof WishStatusSchema>

/** Where a wish can still be edited or withdrawn: nobody has claimed it, nothing has ended it. */
export const WISH_EDITABLE_STATUSES = [
  'pending_review',
  'published',
] as const satisfies readonly WishStatus[]
export const isWishEditable = (status: WishStatus): boolean =>
  (WISH_EDITABLE_STATUSES as readonly WishStatus[]).includes(status)

/**
 * Who claims, shown on the wish. volunteer is the claimant's word; party_member needs the
 * claimant's political status, kept by staff, to say 中共党员 or 中共预备党员 (ADR 0033);
 * partner_company must name a partner registered by staff that the claimant acts for (ADR 0030).
 */
export const CLAIMANT_KINDS = ['volunteer', 'party_member', 'partner_company'] as const
export const ClaimantKindSchema = z.enum(CLAIMANT_KINDS)
export type ClaimantKind = z.infer<typeof ClaimantKindSchema>

/**
 * A claim's life: active (the one live claim of its wish) → fulfilled → confirmed; or it ends
 * as released (the claimant gave it back), reopened (the worker or staff reopened the wish)
 * or expired (not fulfilled by its due date).
 */
export const CLAIM_STATUSES = [
  'active',
  'fulfilled',
  'confirmed',
  'released',
  'reopened',
  'expired',
] as const
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES)
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>

/** How the wish reached the system: posted by the worker from a phone, or entered by staff. */
export const WISH_SOURCES = ['worker', 'staff'] as const
export const WishSourceSchema = z.enum(WISH_SOURCES)
export type WishSource = z.infer<typeof WishSourceSchema>

/** Notification kinds sent by wishes; the web renders `notifications.kinds.<kind>`. */
export const WISH_NOTIFICATION_KINDS = [
  'wish.submitted', // to staff of the org: a wish awaits review
  'wish.published', // to the worker
  'wish.rejected', // to the worker (params.reason)
  'wish.claimed', // to the worker (params.claimantName)
  'wish.claim_released', // to the worker
  'wish.fulfilled', // to the worker: please confirm receipt
  'wish.confirmed', // to the claimant (params.thanks may be set)
  'wish.reopened', // to the claimant whose claim ended, and the worker if staff reopened (params.reason)
  'wish.claim_expired', // to the claimant and the worker
  'wish.expired', // to the worker: the deadline passed unclaimed
  'wish.edited', // to staff of the org: the worker changed a wish, it awaits review (again)
  'wish.withdrawn', // to staff of the org: the worker took a wish back (params.reason may be set)
  'wish.edited_by_staff', // to the worker: staff corrected the text of their wish
  'wish.auto_confirmed', // to the worker and the claimant: confirmed after WISH_AUTO_CONFIRM_DAYS unconfirmed
] as const
export type WishNotificationKind = (typeof WISH_NOTIFICATION_KINDS)[number]

/** Web paths notifications link to (worker pages under /w, console under /wishes). */
export const wishLinks = {
  myWish: (wishId: string) => `/w/my/wishes/${wishId}`,
  myClaims: () => '/w/my/claims',
  staffWish: (wishId: string) => `/wishes/${wishId}`,
} as const

export const WishDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')

/** Longest a wish may stay open: its deadline is at most this many days ahead. */
export const WISH_MAX_DEADLINE_DAYS = 180
/**
 * Days a fulfilled wish waits for the worker's confirmation; then the system confirms it, so a
 * claimant's delivery is not left open forever when a worker never opens the page again. The
 * worker can still reopen it (with a reason) until it is confirmed.
 */
export const WISH_AUTO_CONFIRM_DAYS = 14
/** Photos a claimant attaches when marking a wish fulfilled. */
export const WISH_MAX_PHOTOS = 6

const ReasonSchema = z.string().trim().min(1).max(200)

const WishFieldsSchema = z.object({
  /** What the worker needs, short: 想给孩子买一套学习用品. */
  title: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).default(''),
  category: WishCategorySchema,
  /** Last day (China time) the wish is useful; today up to WISH_MAX_DEADLINE_DAYS ahead. */
  deadline: WishDateSchema,
  /** The station it is collected at; the wish then belongs to the station's org. */
  stationId: IdSchema.optional(),
})

/** A worker posts their own wish (member route); name and mobile come from their account. */
export const PostWishBodySchema = WishFieldsSchema.strict()
export type PostWishBody = z.input<typeof PostWishBodySchema>

/**
 * Edit a wish (the worker their own, or staff): the fields posting takes, each optional. A
 * missing key leaves the stored value alone; so none of them may carry a .default() (zod
 * would fill it in and the PATCH would overwrite the stored value). stationId null removes
 * the station. Checked as on posting (deadline from today to WISH_MAX_DEADLINE_DAYS ahead,
 * an open station).
 */
export const UpdateWishBodySchema = z
  .object({
    title: WishFieldsSchema.shape.title.optional(),
    description: z.string().trim().max(500).optional(),
    category: WishCategorySchema.optional(),
    deadline: WishDateSchema.optional(),
    stationId: IdSchema.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'give at least one field to change',
  })
export type UpdateWishBody = z.input<typeof UpdateWishBodySchema>

/** The worker takes their wish back, optionally saying why (staff see the reason). */
export const WithdrawWishBodySchema = z.object({ reason: ReasonSchema.optional() }).strict()
export type WithdrawWishBody = z.input<typeof WithdrawWishBodySchema>

/**
 * Staff enter a wish for a worker at a station (a walk-in without an account). orgId is
 * required without a station; with one it may be left out and must match when given.
 * publish=true (default) puts it on the wall at once: staff verified it face to face.
 */
export const CreateWishBodySchema = WishFieldsSchema.extend({
  orgId: IdSchema.optional(),
  workerName: NameSchema,
  workerMobile: MobileSchema,
  publish: z.boolean().default(true),
})
  .strict()
  .refine((b) => b.orgId !== undefined || b.stationId !== undefined, {
    message: 'orgId or stationId is required',
    path: ['orgId'],
  })
export type CreateWishBody = z.input<typeof CreateWishBodySchema>

export const RejectWishBodySchema = z.object({ reason: ReasonSchema }).strict()
export const ReopenWishBodySchema = z.object({ reason: ReasonSchema }).strict()
export const ConfirmWishBodySchema = z
  .object({
    /** Optional thanks from the worker, shown to the claimant. */
    thanks: z.string().trim().max(300).optional(),
  })
  .strict()
export type ConfirmWishBody = z.input<typeof ConfirmWishBodySchema>

export const ClaimWishBodySchema = z
  .object({
    claimantKind: ClaimantKindSchema,
    /**
     * For partner_company (required): the registered partner claiming, one the caller acts for
     * (GET /api/v1/my/wish-partners). Its name is what the worker is told.
     */
    partnerId: IdSchema.optional(),
    /** When the claimant will deliver; default and latest the wish deadline, earliest today. */
    dueDate: WishDateSchema.optional(),
  })
  .strict()
  .refine((b) => (b.claimantKind === 'partner_company') === (b.partnerId !== undefined), {
    message: 'partnerId is required for partner_company, and only for it',
    path: ['partnerId'],
  })
export type ClaimWishBody = z.input<typeof ClaimWishBodySchema>

export const FulfilClaimBodySchema = z
  .object({
    /** Upload paths (/api/v1/uploads/<id>) of photos of the delivery; at least one. */
    photos: z.array(ImageUrlSchema).min(1).max(WISH_MAX_PHOTOS),
    note: z.string().trim().max(300).default(''),
  })
  .strict()
export type FulfilClaimBody = z.input<typeof FulfilClaimBodySchema>

export const ReleaseClaimBodySchema = z.object({ reason: ReasonSchema.optional() }).strict()

export const WishIdParamsSchema = z.object({ wishId: IdSchema }).strict()
export const ClaimIdParamsSchema = z.object({ claimId: IdSchema }).strict()

// ---- answers ----

/** A claim as staff see it (claimant's display name in full). */
export const WishClaimSchema = z.object({
  id: IdSchema,
  wishId: IdSchema,
  claimantMemberId: IdSchema,
  claimantName: z.string(),
  claimantKind: ClaimantKindSchema,
  status: ClaimStatusSchema,
  dueDate: z.string(),
  photos: z.array(z.string()),
  note: z.string(),
  claimedAt: TimestampSchema,
  fulfilledAt: TimestampSchema.nullable(),
  /** When it stopped being live (released, reopened, expired) or was confirmed. */
  endedAt: TimestampSchema.nullable(),
  endReason: z.string().nullable(),
})
export type WishClaim = z.infer<typeof WishClaimSchema>

/** Staff list row and detail (worker name and mobile masked). */
export const WishSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  stationId: IdSchema.nullable(),
  stationName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  category: WishCategorySchema,
  deadline: z.string(),
  status: WishStatusSchema,
  source: WishSourceSchema,
  workerNameMasked: z.string(),
  workerMobileMasked: z.string(),
  rejectedReason: z.string().nullable(),
  /** The last reopen's reason; reopenCount counts them. */
  reopenReason: z.string().nullable(),
  reopenCount: z.number().int(),
  thanks: z.string().nullable(),
  /** The worker's reason for withdrawing it, when they gave one. */
  withdrawnReason: z.string().nullable(),
  withdrawnAt: TimestampSchema.nullable(),
  /** When its text, category, deadline or station last changed after posting. */
  editedAt: TimestampSchema.nullable(),
  /** The live claim, or the confirmed one; null on the wall. */
  claim: WishClaimSchema.nullable(),
  createdAt: TimestampSchema,
  publishedAt: TimestampSchema.nullable(),
  confirmedAt: TimestampSchema.nullable(),
  /** Confirmed by the system after WISH_AUTO_CONFIRM_DAYS without the worker's confirmation. */
  confirmedAutomatically: z.boolean(),
  updatedAt: TimestampSchema,
})
export type Wish = z.infer<typeof WishSchema>
export const WishPageSchema = pageOf(WishSchema)
export type WishPage = z.infer<typeof WishPageSchema>

/** Staff detail: the wish and every claim it has had, newest first. */
export const WishDetailSchema = WishSchema.extend({ claims: z.array(WishClaimSchema) })
export type WishDetail = z.infer<typeof WishDetailSchema>

/** Unmasked worker contact for staff arranging a delivery (an audited read). */
export const WishWorkerContactSchema = z.object({
  workerName: z.string(),
  workerMobile: z.string(),
})

/**
 * Orders of the staff list (and its export): newest posted first (the default), oldest first,
 * or the nearest deadline first. Ties fall back to newest first, then the id, so a page never
 * repeats or skips a wish.
 */
export const WISH_LIST_SORTS = ['newest', 'oldest', 'deadline'] as const
export const WishListSortSchema = z.enum(WISH_LIST_SORTS)
export type WishListSort = z.infer<typeof WishListSortSchema>

const WishFilterShape = {
  orgId: IdSchema.optional(),
  stationId: IdSchema.optional(),
  status: WishStatusSchema.optional(),
  category: WishCategorySchema.optional(),
  sort: WishListSortSchema.optional(),
}

/** Staff list: org subtree, station, status, category; q matches the title. */
export const WishListQuerySchema = PageQuerySchema.extend(WishFilterShape).strict()
export type WishListQuery = z.input<typeof WishListQuerySchema>

/** The staff list as .xlsx: the list's filters, every matching row (no paging). */
export const WishExportQuerySchema = PageQuerySchema.pick({ q: true })
  .extend(WishFilterShape)
  .strict()
export type WishExportQuery = z.input<typeof WishExportQuerySchema>

/** The claim as its worker sees it: an individual claimant's name masked, companies in full. */
export const MyWishClaimSchema = z.object({
  id: IdSchema,
  claimantName: z.string(),
  claimantKind: ClaimantKindSchema,
  status: ClaimStatusSchema,
  dueDate: z.string(),
  photos: z.array(z.string()),
  note: z.string(),
  claimedAt: TimestampSchema,
  fulfilledAt: TimestampSchema.nullable(),
})

/**
 * A claim of my wish that ended without completing it (I reopened it, the claimant gave it up,
 * or it ran past its date): the wish went back on the wall. Kept so my timeline shows it.
 */
export const MyPastClaimSchema = z.object({
  id: IdSchema,
  claimantName: z.string(),
  claimantKind: ClaimantKindSchema,
  status: z.enum(['reopened', 'released', 'expired']),
  claimedAt: TimestampSchema,
  fulfilledAt: TimestampSchema.nullable(),
  endedAt: TimestampSchema,
  /** My own reason when I reopened it; null otherwise (a claimant's reason is theirs). */
  reopenReason: z.string().nullable(),
})
export type MyPastClaim = z.infer<typeof MyPastClaimSchema>

/** A worker's own wish. */
export const MyWishSchema = z.object({
  id: IdSchema,
  orgName: z.string(),
  stationId: IdSchema.nullable(),
  stationName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  category: WishCategorySchema,
  deadline: z.string(),
  status: WishStatusSchema,
  rejectedReason: z.string().nullable(),
  reopenReason: z.string().nullable(),
  thanks: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  withdrawnAt: TimestampSchema.nullable(),
  editedAt: TimestampSchema.nullable(),
  claim: MyWishClaimSchema.nullable(),
  /** Earlier claims that ended and put the wish back on the wall, oldest first. */
  pastClaims: z.array(MyPastClaimSchema),
  createdAt: TimestampSchema,
  publishedAt: TimestampSchema.nullable(),
  confirmedAt: TimestampSchema.nullable(),
  /** Confirmed by the system after WISH_AUTO_CONFIRM_DAYS without the worker's confirmation. */
  confirmedAutomatically: z.boolean(),
})
export type MyWish = z.infer<typeof MyWishSchema>
export const MyWishPageSchema = pageOf(MyWishSchema)

export const MyWishListQuerySchema = PageQuerySchema.omit({ q: true })
  .extend({ status: WishStatusSchema.optional() })
  .strict()
export const MyClaimListQuerySchema = PageQuerySchema.omit({ q: true })
  .extend({ status: ClaimStatusSchema.optional() })
  .strict()

/**
 * A wish as the wall shows it: no mobile, no full name, no reasons. Picked from the staff
 * shape, so a field added for staff never reaches the wall by accident.
 */
export const PublicWishSchema = WishSchema.pick({
  id: true,
  orgId: true,
  orgName: true,
  stationId: true,
  stationName: true,
  title: true,
  description: true,
  category: true,
  deadline: true,
  status: true,
  workerNameMasked: true,
  publishedAt: true,
})
export type PublicWish = z.infer<typeof PublicWishSchema>
export const PublicWishPageSchema = pageOf(PublicWishSchema)

/**
 * The wall of an org (its subtree) or of a station: exactly one of orgId and stationId.
 * Only published wishes, newest first.
 */
export const PublicWishListQuerySchema = PageQuerySchema.omit({ q: true })
  .extend({
    orgId: IdSchema.optional(),
    stationId: IdSchema.optional(),
    category: WishCategorySchema.optional(),
  })
  .strict()
  .refine((q) => (q.orgId === undefined) !== (q.stationId === undefined), {
    message: 'give exactly one of orgId and stationId',
    path: ['orgId'],
  })
export type PublicWishListQuery = z.input<typeof PublicWishListQuerySchema>

/** A claim as its claimant sees it, with the wish it is for. */
export const MyClaimSchema = z.object({
  id: IdSchema,
  status: ClaimStatusSchema,
  claimantKind: ClaimantKindSchema,
  claimantName: z.string(),
  dueDate: z.string(),
  photos: z.array(z.string()),
  note: z.string(),
  claimedAt: TimestampSchema,
  fulfilledAt: TimestampSchema.nullable(),
  endedAt: TimestampSchema.nullable(),
  endReason: z.string().nullable(),
  /** The wish; `confirmedAutomatically` only for this claim's own confirmation. */
  wish: PublicWishSchema.extend({
    thanks: z.string().nullable(),
    confirmedAutomatically: z.boolean(),
  }),
})
export type MyClaim = z.infer<typeof MyClaimSchema>
export const MyClaimPageSchema = pageOf(MyClaimSchema)

// ---- reports ----

/** Wishes created from..to (China days, inclusive) in an org's subtree (default: the actor's). */
export const WishReportQuerySchema = z
  .object({
    orgId: IdSchema.optional(),
    from: WishDateSchema.optional(),
    to: WishDateSchema.optional(),
  })
  .strict()
export type WishReportQuery = z.input<typeof WishReportQuerySchema>

const DurationStatsSchema = z.object({
  /** How many intervals were measured. */
  count: z.number().int(),
  avgHours: z.number().nullable(),
  medianHours: z.number().nullable(),
})

export const WishReportSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  total: z.number().int(),
  /** Every status, zeros included, in WISH_STATUSES order. */
  byStatus: z.array(z.object({ status: WishStatusSchema, count: z.number().int() })),
  /** Every category, zeros included, in WISH_CATEGORIES order. */
  byCategory: z.array(z.object({ category: WishCategorySchema, count: z.number().int() })),
  /** Stations with wishes (stationId null: wishes without a station), most wishes first. */
  byStation: z.array(
    z.object({
      stationId: IdSchema.nullable(),
      stationName: z.string().nullable(),
      total: z.number().int(),
      confirmed: z.number().int(),
    }),
  ),
  /** The org itself (its own wishes) and each direct child (its subtree). */
  byOrg: z.array(
    z.object({
      orgId: IdSchema,
      orgName: z.string(),
      /** True for the row of the org's own wishes (not in any child). */
      own: z.boolean(),
      total: z.number().int(),
      published: z.number().int(),
      claimed: z.number().int(),
      fulfilled: z.number().int(),
      confirmed: z.number().int(),
    }),
  ),
  /** From the wish reaching the wall to each claim. */
  timeToClaim: DurationStatsSchema,
  /** From each claim to its fulfilment. */
  timeToFulfil: DurationStatsSchema,
  /**
   * Claimants with a delivered claim, at most 10, ranked by completed claims: a claim counts as
   * completed once the worker confirmed receipt or it was confirmed automatically, the same
   * rule as the wish status 'confirmed' (已完成) the summary counts. Deliveries still waiting
   * for the worker are a separate number and never count as completed.
   */
  topClaimants: z.array(
    z.object({
      claimantMemberId: IdSchema,
      displayName: z.string(),
      claimantKind: ClaimantKindSchema,
      /** Claims confirmed by the worker or automatically (已完成). */
      confirmed: z.number().int(),
      /** Claims delivered and still waiting for the worker's confirmation (已送达待确认). */
      awaitingConfirmation: z.number().int(),
    }),
  ),
})
export type WishReport = z.infer<typeof WishReportSchema>

// ---- partner companies (ADR 0030) ----

export const WISH_PARTNER_STATUSES = ['active', 'archived'] as const
export const WishPartnerStatusSchema = z.enum(WISH_PARTNER_STATUSES)
export type WishPartnerStatus = z.infer<typeof WishPartnerStatusSchema>

/** A company's name as workers will read it ("建设银行龙岗支行"). */
export const WishPartnerNameSchema = z.string().trim().min(2).max(60)

export const WishPartnerMemberSchema = z.object({
  memberId: IdSchema,
  name: z.string(),
  mobileMasked: z.string(),
  addedAt: TimestampSchema,
})
export type WishPartnerMember = z.infer<typeof WishPartnerMemberSchema>

/** A partner company registered by an org's staff, with the members who claim for it. */
export const WishPartnerSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  name: z.string(),
  status: WishPartnerStatusSchema,
  members: z.array(WishPartnerMemberSchema),
  /** Claims made for it, and how many of those were fulfilled or confirmed. */
  claims: z.number().int(),
  delivered: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
})
export type WishPartner = z.infer<typeof WishPartnerSchema>
export const WishPartnerPageSchema = pageOf(WishPartnerSchema)

/** q matches part of the name. */
export const WishPartnerListQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional(),
  status: WishPartnerStatusSchema.optional(),
}).strict()

/** The .xlsx export takes the list's filters without its paging. */
export const WishPartnerExportQuerySchema = WishPartnerListQuerySchema.omit({
  page: true,
  pageSize: true,
}).strict()
export type WishPartnerExportQuery = z.input<typeof WishPartnerExportQuerySchema>

export const CreateWishPartnerBodySchema = z
  .object({ orgId: IdSchema, name: WishPartnerNameSchema })
  .strict()
export type CreateWishPartnerBody = z.infer<typeof CreateWishPartnerBodySchema>

export const UpdateWishPartnerBodySchema = z
  .object({ name: WishPartnerNameSchema.optional(), status: WishPartnerStatusSchema.optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.status !== undefined, {
    message: 'Give a name or a status',
  })
export type UpdateWishPartnerBody = z.infer<typeof UpdateWishPartnerBodySchema>

/** A member who will claim for the partner, found by the mobile they signed up with. */
export const AddWishPartnerMemberBodySchema = z.object({ mobile: MobileSchema }).strict()

export const WishPartnerIdParamsSchema = z.object({ partnerId: IdSchema })
export const WishPartnerMemberParamsSchema = z.object({ partnerId: IdSchema, memberId: IdSchema })

/** A partner I act for, offered on the claim form when the wish is within its org's subtree. */
export const MyWishPartnerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
})
export type MyWishPartner = z.infer<typeof MyWishPartnerSchema>
/**
 * The claim form's options: the partners I act for, and whether I may claim as a party member
 * (my political status, kept by staff, says 中共党员 or 中共预备党员; ADR 0033). Only this
 * yes/no reaches the page, never the status itself.
 */
export const MyWishPartnersSchema = z.object({
  items: z.array(MyWishPartnerSchema),
  partyMember: z.boolean(),
})
/** wishId: only the partners that may claim this wish (its org is in their org's subtree). */
export const MyWishPartnersQuerySchema = z.object({ wishId: IdSchema.optional() }).strict()
