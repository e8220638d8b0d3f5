import type { Candidate, CandidateProfile } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { fromJson, toBool, toJson } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { writeXlsx } from '../../../platform/files/spreadsheet'
import type { Ctx } from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import { requireUploadsExist } from '../../../core/uploads'
import { campaignErrors } from '../campaigns.errors'
import type { CampaignCandidateTable } from '../campaigns.tables'
import {
  assertPhase,
  isPublished,
  loadCampaign,
  loadCampaignFor,
  phaseIndex,
  type LoadedCampaign,
} from '../shared/campaign-state'
import { nominationErrors } from './nominations.errors'
import * as repo from './nominations.repository'
import { onPhaseEntered } from '../setup/setup.service'
import { renderPoster } from './poster'

// ---- hooks for the ballot engine and results ----

/** Live vote counts per candidate id; the ballot engine installs one with setCandidateVoteReader. */
export type CandidateVoteReader = (
  campaignId: string,
  candidateIds: readonly string[],
) => Promise<ReadonlyMap<string, number>> | ReadonlyMap<string, number>
let voteReader: CandidateVoteReader | null = null
export const setCandidateVoteReader = (fn: CandidateVoteReader | null) => {
  voteReader = fn
}

/** Told (after commit) when a campaign's candidates were created or edited, e.g. to drop caches. */
const changeListeners: ((campaignId: string) => void)[] = []
export const onCandidatesChanged = (fn: (campaignId: string) => void) => {
  changeListeners.push(fn)
}
const notifyChanged = (campaignId: string) => changeListeners.forEach((fn) => fn(campaignId))

/** Candidate rows as the ballot engine and results need them (no votes). */
export type CandidateRecord = {
  id: string
  campaignId: string
  categoryId: string
  categoryName: string
  nominationId: string
  memberId: string | null
  number: number
  name: string
  employerName: string
  isFrontLine: boolean
  status: 'active' | 'withdrawn'
}
const toRecord = (r: repo.CandidateRowWithCategory): CandidateRecord => ({
  id: r.id,
  campaignId: r.campaign_id,
  categoryId: r.category_id,
  categoryName: r.category_name,
  nominationId: r.nomination_id,
  memberId: r.member_id,
  number: r.number,
  name: r.name,
  employerName: r.employer_name,
  isFrontLine: toBool(r.is_front_line),
  status: r.status,
})

/** The active (not withdrawn) candidates of a campaign, by ballot number. */
export const listActiveCandidates = async (db: Db, campaignId: string) =>
  (await repo.listAllCandidates(db, campaignId, 'active')).map(toRecord)

/** Candidates of a campaign by id (any status); ids of other campaigns are left out. */
export const getCandidatesByIds = async (db: Db, campaignId: string, ids: readonly string[]) =>
  (await repo.findCandidatesByIds(db, campaignId, ids)).map(toRecord)

// ---- phase hook: accepted nominations become candidates at publicity ----

/**
 * Runs inside the phase-change transaction when a campaign enters publicity: every accepted
 * (hence consented) nomination becomes a candidate, numbered per campaign in category order.
 */
export const createCandidatesOnPublicity = async (
  trx: Db,
  ctx: Ctx,
  c: LoadedCampaign,
  to: string,
) => {
  if (to !== 'publicity') return
  const accepted = await repo.listAcceptedWithoutCandidate(trx, c.row.id)
  if (accepted.length === 0) return
  let number = await repo.maxCandidateNumber(trx, c.row.id)
  const now = ctx.now.toISOString()
  const rows: CampaignCandidateTable[] = accepted.map((n) => ({
    id: uuidv7(),
    campaign_id: c.row.id,
    category_id: n.category_id,
    nomination_id: n.id,
    member_id: n.nominee_member_id,
    number: ++number,
    name: n.nominee_name,
    employer_name: n.employer_org_name,
    trade: n.trade,
    is_front_line: n.is_front_line,
    story: '',
    achievements: n.achievements,
    photo_urls: n.photo_urls,
    video_url: n.video_url,
    status: 'active',
    created_at: now,
  }))
  await repo.insertCandidates(trx, rows)
  await recordAudit(trx, ctx, {
    action: 'campaign.candidates.created',
    targetType: 'campaign',
    targetId: c.row.id,
    orgId: c.row.org_id,
    summary: { count: rows.length, numbers: [1 + number - rows.length, number] },
  })
}

// ---- public views ----

const showVotes = (c: LoadedCampaign) =>
  !c.dto.rules.sealed && phaseIndex(c.row.phase) >= phaseIndex('voting') && voteReader !== null

const toCandidateDto = (r: repo.CandidateRowWithCategory, votes: number | null): Candidate => ({
  id: r.id,
  campaignId: r.campaign_id,
  categoryId: r.category_id,
  number: r.number,
  name: r.name,
  employerName: r.employer_name,
  trade: r.trade,
  isFrontLine: toBool(r.is_front_line),
  story: r.story,
  achievements: r.achievements,
  photoUrls: fromJson<string[]>(r.photo_urls) ?? [],
  videoUrl: r.video_url,
  status: r.status,
  votes,
})

const withVotes = async (c: LoadedCampaign, rows: repo.CandidateRowWithCategory[]) => {
  const counts = showVotes(c)
    ? await voteReader!(
        c.row.id,
        rows.map((r) => r.id),
      )
    : null
  return rows.map((r) => toCandidateDto(r, counts ? (counts.get(r.id) ?? 0) : null))
}

const loadPublished = async (db: Db, campaignId: string) => {
  const c = await loadCampaign(db, campaignId)
  if (c.row.phase === 'draft') throw campaignErrors.notFound(campaignId)
  if (!isPublished(c.row.phase))
    throw campaignErrors.wrongPhase(c.row.phase, [
      'publicity',
      'voting',
      'jury',
      'result_publicity',
      'announced',
    ])
  return c
}

type ListQuery = { page: number; pageSize: number; q?: string; categoryId?: string }

/** The published candidate list (from publicity on; active candidates only). */
export const listPublicCandidates = async (db: Db, campaignId: string, query: ListQuery) => {
  const c = await loadPublished(db, campaignId)
  const { rows, total } = await repo.listCandidates(
    db,
    { campaignId, status: 'active', categoryId: query.categoryId, nameLike: query.q },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  return { items: await withVotes(c, rows), total, page: query.page, pageSize: query.pageSize }
}

export const shareUrlOf = (campaignId: string, candidateId: string) =>
  `/c/${campaignId}/candidates/${candidateId}`

const loadPublicCandidate = async (db: Db, campaignId: string, candidateId: string) => {
  const c = await loadPublished(db, campaignId)
  const r = await repo.findCandidate(db, campaignId, candidateId)
  if (!r || r.status !== 'active') throw nominationErrors.candidateNotFound(candidateId)
  return { c, r }
}

/** A candidate's public profile page. */
export const getPublicCandidate = async (
  db: Db,
  campaignId: string,
  candidateId: string,
): Promise<CandidateProfile> => {
  const { c, r } = await loadPublicCandidate(db, campaignId, candidateId)
  const [dto] = await withVotes(c, [r])
  return {
    ...dto!,
    categoryName: r.category_name,
    campaignName: c.row.name,
    honourTitle: c.row.honour_title,
    shareUrl: shareUrlOf(campaignId, candidateId),
    posterUrl: `/api/v1/public/campaigns/${campaignId}/candidates/${candidateId}/poster.svg`,
  }
}

/** The printable poster with a QR code of the share link under `origin`. */
export const candidatePoster = async (
  db: Db,
  campaignId: string,
  candidateId: string,
  origin: string,
) => {
  const { c, r } = await loadPublicCandidate(db, campaignId, candidateId)
  return renderPoster({
    campaignName: c.row.name,
    honourTitle: c.row.honour_title,
    categoryName: r.category_name,
    number: r.number,
    name: r.name,
    employerName: r.employer_name,
    trade: r.trade,
    achievements: r.achievements,
    url: `${origin}${shareUrlOf(campaignId, candidateId)}`,
  })
}

// ---- staff ----

/** Every candidate, withdrawn ones included (campaign:review). */
export const listStaffCandidates = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  query: ListQuery & { status?: 'active' | 'withdrawn' },
) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:review')
  const { rows, total } = await repo.listCandidates(
    db,
    { campaignId, status: query.status, categoryId: query.categoryId, nameLike: query.q },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  return { items: await withVotes(c, rows), total, page: query.page, pageSize: query.pageSize }
}

/**
 * Staff edit a candidate's profile or withdraw/restore them; allowed during publicity, voting
 * and result publicity (an upheld objection to a proposed winner withdraws them before the
 * announcement). @throws CAMPAIGN_WRONG_PHASE, CAMPAIGN_CANDIDATE_NOT_FOUND
 */
export const updateCandidate = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  candidateId: string,
  body: {
    story?: string
    photoUrls?: string[]
    videoUrl?: string | null
    status?: 'active' | 'withdrawn'
  },
) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:manage')
  const r = await repo.findCandidate(db, campaignId, candidateId)
  if (!r) throw nominationErrors.candidateNotFound(candidateId)
  assertPhase(c, 'publicity', 'voting', 'result_publicity')
  const fields: Partial<CampaignCandidateTable> = {}
  if (body.story !== undefined) fields.story = body.story
  if (body.photoUrls !== undefined) fields.photo_urls = toJson(body.photoUrls)
  if (body.videoUrl !== undefined) fields.video_url = body.videoUrl
  if (body.status !== undefined) fields.status = body.status
  const before = toCandidateDto(r, null)
  await withTransaction(db, async (trx) => {
    if (body.photoUrls) await requireUploadsExist(trx, body.photoUrls, ctx)
    if (Object.keys(fields).length > 0) await repo.updateCandidate(trx, candidateId, fields)
    await recordAudit(trx, ctx, {
      action:
        body.status && body.status !== r.status
          ? `campaign.candidate.${body.status === 'withdrawn' ? 'withdrawn' : 'restored'}`
          : 'campaign.candidate.updated',
      targetType: 'campaign_candidate',
      targetId: candidateId,
      orgId: c.row.org_id,
      summary: {
        before: Object.fromEntries(Object.keys(body).map((k) => [k, before[k as keyof Candidate]])),
        after: body,
      },
    })
  })
  notifyChanged(campaignId)
  const updated = (await repo.findCandidate(db, campaignId, candidateId))!
  return (await withVotes(c, [updated]))[0]!
}

/** The candidate list as .xlsx (names and employers only: no personal contact data). */
/** The candidate list as .xlsx, audited like every export (the file leaves the system). */
export const exportCandidates = async (db: Db, ctx: Ctx, campaignId: string) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:review')
  const rows = await repo.listAllCandidates(db, campaignId)
  const file = await writeXlsx(
    '候选人',
    ['编号', '姓名', '类别', '工作单位', '工种', '一线职工', '状态', '主要事迹'],
    rows.map((r) => [
      r.number,
      r.name,
      r.category_name,
      r.employer_name,
      r.trade,
      toBool(r.is_front_line) ? '是' : '否',
      r.status === 'active' ? '有效' : '已退出',
      r.achievements,
    ]),
  )
  await withTransaction(db, (trx) =>
    recordAudit(trx, ctx, {
      action: 'campaign.candidates-exported',
      targetType: 'campaign',
      targetId: campaignId,
      orgId: c.row.org_id,
      summary: { rows: rows.length },
    }),
  )
  return file
}

// Registered once, when the module loads: the phase machine calls it inside its transaction.
onPhaseEntered(createCandidatesOnPublicity)
