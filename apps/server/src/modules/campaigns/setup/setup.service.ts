import {
  CAMPAIGN_PHASES,
  SCHEDULED_PHASES,
  canonicalSchedule,
  type Campaign,
  type CampaignPhase,
  type CampaignSchedule,
  type CreateCampaignBody,
  type Permission,
  type StaffCampaign,
  type UpdateCampaignBody,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { fromJson, toJson } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { commonErrors, isAppError } from '../../../platform/errors/app-error'
import {
  canAt,
  requireActor,
  requireAt,
  scopePaths,
  systemCtx,
  type Ctx,
} from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import { loadOrg } from '../../../core/orgs'
import { requireUploadsExist } from '../../../core/uploads'
import { campaignErrors } from '../campaigns.errors'
import type { CampaignTable } from '../campaigns.tables'
import {
  campaignSubtrees,
  loadCampaign,
  loadCampaignFor,
  phaseIndex,
  type LoadedCampaign,
} from '../shared/campaign-state'
import * as repo from '../shared/campaigns.repository'

/**
 * Work that must happen when a campaign enters a phase (e.g. accepted nominations become
 * candidates at publicity; the ballot engine reloads its rules at voting). Runs inside the
 * transaction of the phase change, so a failing hook leaves the campaign where it was.
 */
export type PhaseHook = (
  trx: Db,
  ctx: Ctx,
  campaign: LoadedCampaign,
  to: CampaignPhase,
  step: PhaseStep,
) => Promise<void>
/** How a phase step was taken, and what staff said when they took it by hand. */
export type PhaseStep = { how: 'manual' | 'schedule'; juryIncompleteReason?: string }
const phaseHooks: PhaseHook[] = []
export const onPhaseEntered = (hook: PhaseHook) => {
  phaseHooks.push(hook)
}
/** Listeners told after a campaign changed (committed), e.g. to drop caches. */
const changeListeners: ((campaignId: string) => void)[] = []
export const onCampaignChanged = (fn: (campaignId: string) => void) => {
  changeListeners.push(fn)
}
const notifyChanged = (id: string) => changeListeners.forEach((fn) => fn(id))

/**
 * Creates a campaign in draft. A child campaign (parentCampaignId) must be run by an org in the
 * parent's org subtree and inherits the parent's voting rules, quotas and jury rubric.
 * @throws CAMPAIGN_RULES_REQUIRED, CAMPAIGN_PARENT_OUT_OF_SCOPE, ACCESS_DENIED
 */
export const createCampaign = async (
  db: Db,
  ctx: Ctx,
  body: CreateCampaignBody,
): Promise<Campaign> => {
  const org = await loadOrg(db, body.orgId)
  requireAt(ctx, 'campaign:manage', org.path)
  let rules = body.rules
  let quotas = body.quotas
  let rubric = body.rubric
  if (body.parentCampaignId) {
    const parent = await loadCampaign(db, body.parentCampaignId)
    if (!org.path.startsWith(parent.orgPath) || org.id === parent.row.org_id)
      throw campaignErrors.parentOutOfScope()
    rules = parent.dto.rules
    quotas = parent.dto.quotas
    rubric = parent.dto.rubric
  }
  if (!rules || !rubric) throw campaignErrors.rulesRequired()
  const now = ctx.now.toISOString()
  const id = uuidv7()
  const row: CampaignTable = {
    id,
    org_id: org.id,
    parent_campaign_id: body.parentCampaignId ?? null,
    name: body.name,
    honour_title: body.honourTitle,
    year: body.year,
    description: body.description,
    cover_image_url: body.coverImageUrl ?? null,
    phase: 'draft',
    phase_mode: body.phaseMode,
    schedule: toJson(canonicalSchedule(body.schedule)),
    rules: toJson(rules),
    rules_locked_at: null,
    quotas: toJson(quotas ?? { minFrontLineShare: 0 }),
    rubric: toJson(rubric),
    announced_at: null,
    created_at: now,
    updated_at: now,
  }
  const categories = body.categories.map((c, i) => ({
    id: uuidv7(),
    campaign_id: id,
    name: c.name,
    honour_count: c.honourCount,
    sort: i,
  }))
  await withTransaction(db, async (trx) => {
    // In the transaction: the upload is marked referenced together with the save (ADR 0027).
    if (body.coverImageUrl) await requireUploadsExist(trx, [body.coverImageUrl], ctx)
    await repo.insertCampaign(trx, row, categories)
    await recordAudit(trx, ctx, {
      action: 'campaign.created',
      targetType: 'campaign',
      targetId: id,
      orgId: org.id,
      summary: {
        after: {
          name: row.name,
          year: row.year,
          parentCampaignId: row.parent_campaign_id,
          categories: body.categories,
        },
      },
    })
  })
  return (await loadCampaign(db, id)).dto
}

/** The campaign permissions the console asks about, checked over one campaign's org. */
const VIEWER_PERMISSIONS = [
  'campaign:read',
  'campaign:manage',
  'campaign:review',
  'campaign:fraud-review',
] as const satisfies readonly Permission[]

/**
 * One campaign with everything the console shows, and what the caller may do with it. Staff
 * with campaign:review only in a sub-org of its subtree (a campaign run above them) see it too
 * once it is past draft: review goes level by level and their own nominees' level is theirs.
 * They get what the public page shows plus `viewer.reviewOnly`; tallies, jury, children and the
 * rest stay behind campaign:read over the campaign's org.
 * @throws CAMPAIGN_NOT_FOUND, ACCESS_DENIED
 */
export const getCampaign = async (db: Db, ctx: Ctx, campaignId: string): Promise<StaffCampaign> => {
  const actor = requireActor(ctx)
  const c = await loadCampaign(db, campaignId)
  const reads = canAt(actor, 'campaign:read', c.orgPath)
  const reviewsNominations = campaignSubtrees(ctx, c, 'campaign:review').length > 0
  if (!reads && !(reviewsNominations && c.row.phase !== 'draft')) throw commonErrors.forbidden()
  return {
    ...c.dto,
    viewer: {
      permissions: VIEWER_PERMISSIONS.filter((p) => canAt(actor, p, c.orgPath)),
      reviewsNominations,
      reviewOnly: !reads,
    },
  }
}

/** Every org path on the way from the root down to `path` ('/a/b/' → '/a/', '/a/b/'). */
const pathsDownTo = (path: string): string[] => {
  const ids = path.split('/').filter(Boolean)
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`)
}

/**
 * Campaigns in the actor's subtrees, newest year first, and (past draft) the campaigns run above
 * their org in which they review their own subtree's nominations (`reviewOnly`). With an org
 * filter, those above the org's part of their review grants.
 */
export const listCampaigns = async (
  db: Db,
  ctx: Ctx,
  query: {
    page: number
    pageSize: number
    q?: string
    orgId?: string
    phase?: CampaignPhase
    year?: number
  },
) => {
  const paths = scopePaths(ctx, 'campaign:read')
  let orgPath: string | undefined
  if (query.orgId) {
    orgPath = (await loadOrg(db, query.orgId)).path
    requireAt(ctx, 'campaign:read', orgPath)
  }
  const actor = requireActor(ctx)
  // Where the actor reviews, narrowed to the org filter; a campaign run at or above one of
  // these holds nominations they review (the same subtrees the nominations routes use).
  const reviewPaths = scopePaths(ctx, 'campaign:review').flatMap((p) =>
    orgPath === undefined
      ? [p]
      : orgPath.startsWith(p)
        ? [orgPath]
        : p.startsWith(orgPath)
          ? [p]
          : [],
  )
  const reviewedAbove = [...new Set(reviewPaths.flatMap(pathsDownTo))].filter(
    (p) => !paths.some((r) => p.startsWith(r)),
  )
  const { rows, total } = await repo.listCampaigns(
    db,
    {
      paths,
      orgPath,
      reviewedAbove,
      phase: query.phase,
      year: query.year,
      nameLike: query.q,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  const items = await Promise.all(
    rows.map(async (r) => {
      const cats = (await repo.findCategories(db, r.id)).map((c) => ({
        id: c.id,
        name: c.name,
        honourCount: c.honour_count,
        sort: c.sort,
      }))
      return {
        id: r.id,
        orgId: r.org_id,
        orgName: r.org_name,
        parentCampaignId: r.parent_campaign_id,
        name: r.name,
        honourTitle: r.honour_title,
        year: r.year,
        description: r.description,
        coverImageUrl: r.cover_image_url,
        phase: r.phase,
        phaseMode: r.phase_mode,
        rulesLockedAt: r.rules_locked_at,
        categories: cats,
        createdAt: r.created_at,
        reviewOnly: !canAt(actor, 'campaign:read', r.org_path),
      }
    }),
  )
  return { items, total, page: query.page, pageSize: query.pageSize }
}

/** The last phase in which the jury rubric may change (jurors score during it). */
const RUBRIC_EDITABLE_UNTIL = phaseIndex('jury')

/**
 * The rubric may change only while no juror has scored: a score is the sum of the items, so
 * changing them under existing scores (removing a scored key, lowering a maximum) would make
 * those scores meaningless. After the jury phase nobody can score any more, so it is fixed too.
 */
const assertRubricEditable = async (db: Db, c: LoadedCampaign) => {
  const scoreCount = await repo.countJuryScores(db, c.row.id)
  if (scoreCount > 0 || phaseIndex(c.row.phase) > RUBRIC_EDITABLE_UNTIL)
    throw campaignErrors.rubricLocked({ scoreCount, phase: c.row.phase })
}

/**
 * Edits a campaign. Voting rules (hours, weights, limits…), quotas and the voting period's dates
 * are frozen once voting opens, and the phase mode while voting runs; the jury rubric until the
 * first jury score (see assertRubricEditable). A child campaign inherits rules, quotas and
 * rubric and cannot change them.
 * @throws CAMPAIGN_RULES_LOCKED, CAMPAIGN_RUBRIC_LOCKED
 */
export const updateCampaign = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  body: UpdateCampaignBody,
): Promise<Campaign> => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:manage')
  const touchesRules = body.rules !== undefined || body.quotas !== undefined
  const touchesRubric = body.rubric !== undefined
  if ((touchesRules || touchesRubric) && c.row.parent_campaign_id)
    throw campaignErrors.rulesLocked()
  if (touchesRules && c.row.rules_locked_at) throw campaignErrors.rulesLocked()
  // The voting period is a rule too: once voting opened, moving its dates (or, during voting,
  // switching to manual phases, where the engine ignores the dates) would reopen or stretch it.
  if (c.row.rules_locked_at && body.schedule !== undefined) {
    const current = fromJson<CampaignSchedule>(c.row.schedule)
    const same = (a: string | undefined, b: string) =>
      a !== undefined && Date.parse(a) === Date.parse(b)
    const { startsAt, endsAt } = body.schedule.voting
    if (!same(current?.voting.startsAt, startsAt) || !same(current?.voting.endsAt, endsAt))
      throw campaignErrors.rulesLocked()
  }
  if (
    c.row.phase === 'voting' &&
    body.phaseMode !== undefined &&
    body.phaseMode !== c.row.phase_mode
  )
    throw campaignErrors.rulesLocked()
  if (touchesRubric) await assertRubricEditable(db, c)
  const fields: Partial<CampaignTable> = { updated_at: ctx.now.toISOString() }
  if (body.name !== undefined) fields.name = body.name
  if (body.honourTitle !== undefined) fields.honour_title = body.honourTitle
  if (body.year !== undefined) fields.year = body.year
  if (body.description !== undefined) fields.description = body.description
  if (body.coverImageUrl !== undefined) fields.cover_image_url = body.coverImageUrl
  if (body.schedule !== undefined) fields.schedule = toJson(canonicalSchedule(body.schedule))
  if (body.rules !== undefined) fields.rules = toJson(body.rules)
  if (body.quotas !== undefined) fields.quotas = toJson(body.quotas)
  if (body.rubric !== undefined) fields.rubric = toJson(body.rubric)
  if (body.phaseMode !== undefined) fields.phase_mode = body.phaseMode
  let changedChildren: string[] = []
  await withTransaction(db, async (trx) => {
    if (touchesRubric) {
      // Again under the campaign row lock that submitScore also takes: a score committed since
      // the check above refuses the edit instead of being left against a changed rubric.
      await repo.lockCampaignRubric(trx, campaignId)
      await assertRubricEditable(trx, c)
    }
    // In the transaction: the upload is marked referenced together with the save (ADR 0027).
    if (body.coverImageUrl) await requireUploadsExist(trx, [body.coverImageUrl], ctx)
    await repo.updateCampaignFields(trx, campaignId, fields)
    await recordAudit(trx, ctx, {
      action: 'campaign.updated',
      targetType: 'campaign',
      targetId: campaignId,
      orgId: c.row.org_id,
      summary: { before: pick(c.dto, Object.keys(body)), after: body },
    })
    if (touchesRules || touchesRubric) changedChildren = await passDownRules(trx, ctx, c, body)
  })
  notifyChanged(campaignId)
  for (const id of changedChildren) notifyChanged(id)
  return (await loadCampaign(db, campaignId)).dto
}

/**
 * Child campaigns inherit their parent's rules, quotas and rubric and cannot change them
 * (updateCampaign refuses), so a change to the parent goes down the tree in the same
 * transaction: to every descendant whose rules are not yet frozen (voting not opened) and whose
 * rubric can still change (no jury score, jury not over). A descendant that froze keeps what it
 * voted under; both lists are in the audit. @returns the ids of the descendants changed
 */
const passDownRules = async (
  trx: Db,
  ctx: Ctx,
  parent: LoadedCampaign,
  body: UpdateCampaignBody,
): Promise<string[]> => {
  const changed: string[] = []
  const kept: { campaignId: string; what: string[] }[] = []
  const queue = [parent.row.id]
  while (queue.length > 0) {
    for (const child of await repo.listChildCampaigns(trx, queue.shift()!)) {
      queue.push(child.id)
      const c = await loadCampaign(trx, child.id)
      const fields: Partial<CampaignTable> = {}
      const refused: string[] = []
      if (body.rules !== undefined || body.quotas !== undefined) {
        if (c.row.rules_locked_at) refused.push('rules')
        else {
          if (body.rules !== undefined) fields.rules = toJson(body.rules)
          if (body.quotas !== undefined) fields.quotas = toJson(body.quotas)
        }
      }
      if (body.rubric !== undefined) {
        const scores = await repo.countJuryScores(trx, c.row.id)
        if (scores > 0 || phaseIndex(c.row.phase) > RUBRIC_EDITABLE_UNTIL) refused.push('rubric')
        else fields.rubric = toJson(body.rubric)
      }
      if (refused.length > 0) kept.push({ campaignId: c.row.id, what: refused })
      if (Object.keys(fields).length === 0) continue
      await repo.updateCampaignFields(trx, c.row.id, {
        ...fields,
        updated_at: ctx.now.toISOString(),
      })
      const keys = Object.keys(fields)
      await recordAudit(trx, ctx, {
        action: 'campaign.rules-inherited',
        targetType: 'campaign',
        targetId: c.row.id,
        orgId: c.row.org_id,
        summary: {
          fromCampaignId: parent.row.id,
          before: pick(c.dto, keys),
          after: pick(body, keys),
        },
      })
      changed.push(c.row.id)
    }
  }
  if (changed.length > 0 || kept.length > 0)
    await recordAudit(trx, ctx, {
      action: 'campaign.rules-passed-down',
      targetType: 'campaign',
      targetId: parent.row.id,
      orgId: parent.row.org_id,
      summary: { changed, kept },
    })
  return changed
}

const pick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]]))

const nextPhase = (phase: CampaignPhase): CampaignPhase | null =>
  CAMPAIGN_PHASES[phaseIndex(phase) + 1] ?? null

/** Moves a campaign one phase on, runs the phase hooks, and locks the rules when voting opens. */
const transition = async (
  db: Db,
  ctx: Ctx,
  c: LoadedCampaign,
  to: CampaignPhase,
  step: PhaseStep,
) => {
  if (nextPhase(c.row.phase) !== to) throw campaignErrors.invalidTransition(c.row.phase, to)
  const { how } = step
  await withTransaction(db, async (trx) => {
    const fields: Partial<CampaignTable> = { phase: to, updated_at: ctx.now.toISOString() }
    if (to === 'voting' && !c.row.rules_locked_at) fields.rules_locked_at = ctx.now.toISOString()
    if (to === 'announced') fields.announced_at = ctx.now.toISOString()
    await repo.updateCampaignFields(trx, c.row.id, fields)
    for (const hook of phaseHooks) await hook(trx, ctx, c, to, step)
    await recordAudit(trx, ctx, {
      action: 'campaign.phase-changed',
      targetType: 'campaign',
      targetId: c.row.id,
      orgId: c.row.org_id,
      summary: { before: { phase: c.row.phase }, after: { phase: to }, how },
    })
  })
  notifyChanged(c.row.id)
}

/** Staff advance a campaign to the next phase by hand. @throws CAMPAIGN_PHASE_TRANSITION_INVALID */
export const advancePhase = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  to: CampaignPhase,
  juryIncompleteReason?: string,
) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:manage')
  await transition(db, ctx, c, to, { how: 'manual', juryIncompleteReason })
  return (await loadCampaign(db, campaignId)).dto
}

/** The phase the schedule says a campaign should be in at `now` (never draft, never announced). */
export const scheduledPhaseAt = (schedule: CampaignSchedule, now: Date): CampaignPhase | null => {
  const iso = now.toISOString()
  let due: CampaignPhase | null = null
  for (const p of SCHEDULED_PHASES) if (schedule[p].startsAt <= iso) due = p
  return due
}

/**
 * Advances every auto-mode campaign whose next phase has started, one step at a time (so each
 * phase's hooks run). Called by the scheduler every minute. Returns how many steps were taken
 * and the campaigns whose step failed: one campaign's failure (a hook's error, a staff member
 * advancing it by hand at the same moment) must not hold up every campaign after it in the
 * list; the failed one stays where it was (its step is one transaction) and is tried again at
 * the next run. A step refused by a phase rule (409) is reported apart, as held: that is the
 * rule working, not a fault.
 */
export const advanceDuePhases = async (db: Db, now = new Date()) => {
  const ctx = systemCtx(now)
  let steps = 0
  const failed: { campaignId: string; error: unknown }[] = []
  // A step a phase rule refuses (an AppError, e.g. CAMPAIGN_JURY_INCOMPLETE) is not a fault:
  // the campaign waits in its phase until staff act, and the overview says so.
  const held: { campaignId: string; phase: CampaignPhase; code: string }[] = []
  for (const r of await repo.listAutoCampaignsInProgress(db)) {
    const schedule = fromJson<CampaignSchedule>(r.schedule)
    const due = schedule ? scheduledPhaseAt(schedule, now) : null
    if (!due) continue
    let phase = r.phase
    try {
      let c = await loadCampaign(db, r.id)
      while (phaseIndex(c.row.phase) < phaseIndex(due)) {
        await transition(db, ctx, c, nextPhase(c.row.phase)!, { how: 'schedule' })
        c = await loadCampaign(db, r.id)
        phase = c.row.phase
        steps++
      }
    } catch (error) {
      if (isAppError(error) && error.statusCode === 409)
        held.push({ campaignId: r.id, phase, code: error.code })
      else failed.push({ campaignId: r.id, error })
    }
  }
  return { steps, failed, held }
}

/** Child campaigns run by sub-orgs under this one. */
export const listChildCampaigns = async (db: Db, ctx: Ctx, campaignId: string) => {
  await loadCampaignFor(db, ctx, campaignId, 'campaign:read')
  return (await repo.listChildCampaigns(db, campaignId)).map((r) => ({
    id: r.id,
    name: r.name,
    phase: r.phase,
    orgId: r.org_id,
    orgName: r.org_name,
  }))
}

/** The public view of a campaign (worker pages): only once it is past draft. */
export const getPublicCampaign = async (db: Db, campaignId: string) => {
  const c = await loadCampaign(db, campaignId)
  if (c.row.phase === 'draft') throw campaignErrors.notFound(campaignId)
  return c.dto
}
