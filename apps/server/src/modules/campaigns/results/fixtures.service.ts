import { uuidv7 } from 'uuidv7'
import { maskMobile, type FieldCrypto } from '../../../platform/crypto/field-crypto'
import { fromBool, toJson } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { mobileHashOf } from '../../../core/members'
import type { CampaignTables } from '../campaigns.tables'
import * as repo from './results.repository'

/**
 * Loaders for demo data and tests. The nominations and ballot sub-features are built in
 * parallel; until their services can produce candidates and ballots, the demo and the tests
 * insert them here, in the shape those services write. Not used by any route.
 */

export type CandidateSpec = {
  categoryId: string
  name: string
  mobile: string
  employerOrgId: string
  employerName: string
  trade: string
  isFrontLine: boolean
  memberId?: string | null
  story?: string
  /** When the nomination was made; defaults to now, in the order given. */
  nominatedAt?: string
}

/** Accepted nominations and their candidates (numbered after the campaign's last). */
export const loadCandidates = async (
  db: Db,
  crypto: FieldCrypto,
  campaignId: string,
  specs: CandidateSpec[],
  now = new Date(),
) =>
  withTransaction(db, async (trx) => {
    let number = await repo.maxCandidateNumber(trx, campaignId)
    const nominations: CampaignTables['campaign_nomination'][] = []
    const candidates: CampaignTables['campaign_candidate'][] = []
    specs.forEach((s, i) => {
      const at = s.nominatedAt ?? new Date(now.getTime() + i).toISOString()
      const nominationId = uuidv7()
      nominations.push({
        id: nominationId,
        campaign_id: campaignId,
        category_id: s.categoryId,
        nominee_name: s.name,
        nominee_mobile_enc: crypto.encrypt(s.mobile),
        nominee_mobile_hash: mobileHashOf(crypto, s.mobile),
        nominee_mobile_masked: maskMobile(s.mobile),
        nominee_id_card_enc: null,
        nominee_id_card_hash: null,
        nominee_member_id: s.memberId ?? null,
        employer_org_id: s.employerOrgId,
        trade: s.trade,
        years: 15,
        is_front_line: fromBool(s.isFrontLine),
        achievements: s.story ?? `${s.name}：${s.trade}岗位技术骨干，多次完成技术攻关。`,
        photo_urls: '[]',
        video_url: null,
        status: 'accepted',
        consent_token_hash: null,
        consented_at: at,
        merged_into_id: null,
        supporter_count: 1,
        review_level_org_id: null,
        review_reason: 'meets_criteria',
        review_note: null,
        reviewed_by: null,
        reviewed_at: at,
        created_at: at,
        updated_at: at,
      })
      candidates.push({
        id: uuidv7(),
        campaign_id: campaignId,
        category_id: s.categoryId,
        nomination_id: nominationId,
        member_id: s.memberId ?? null,
        number: ++number,
        name: s.name,
        employer_name: s.employerName,
        trade: s.trade,
        is_front_line: fromBool(s.isFrontLine),
        story: s.story ?? `${s.name}扎根${s.trade}岗位，带徒传艺。`,
        achievements: s.story ?? `${s.trade}技能大赛获奖`,
        photo_urls: '[]',
        video_url: null,
        status: 'active',
        created_at: at,
      })
    })
    await repo.insertNominationRows(trx, nominations, candidates)
    return candidates.map((c) => ({ id: c.id, number: c.number, name: c.name }))
  })

export type BallotSpec = {
  candidateIds: string[]
  voterKey: string
  voterOrgId: string | null
  castAt: string
  /** YYYY-MM-DD in Asia/Shanghai. */
  day: string
  status?: 'counted' | 'flagged' | 'invalidated'
}

/** Ballots and the aggregates the ballot engine would keep (tally, daily tally, turnout). */
export const loadBallots = async (db: Db, campaignId: string, ballots: BallotSpec[]) =>
  withTransaction(db, async (trx) => {
    const rows = ballots.map((b) => ({
      id: uuidv7(),
      campaign_id: campaignId,
      voter_key: b.voterKey,
      voter_masked: `${b.voterKey.slice(0, 3)}****`,
      voter_org_id: b.voterOrgId,
      device_hash: null,
      ip_hash: null,
      client_key: uuidv7().replace(/-/g, ''),
      candidate_ids: toJson(b.candidateIds),
      cast_at: b.castAt,
      day: b.day,
      signals: '[]',
      status: b.status ?? 'counted',
      invalidation_reason: b.status === 'invalidated' ? '同一设备短时间内大量投票' : null,
      status_changed_at: b.status === 'invalidated' ? b.castAt : null,
      status_changed_by: null,
    }))
    await repo.insertBallotRows(trx, rows)
    const tally = new Map<string, { votes: number; invalidated: number }>()
    const daily = new Map<string, number>()
    const turnout = new Map<string, { ballots: number; votes: number }>()
    for (const b of ballots) {
      const invalid = b.status === 'invalidated'
      for (const id of b.candidateIds) {
        const t = tally.get(id) ?? { votes: 0, invalidated: 0 }
        if (invalid) t.invalidated++
        else t.votes++
        tally.set(id, t)
        if (!invalid) daily.set(`${id}|${b.day}`, (daily.get(`${id}|${b.day}`) ?? 0) + 1)
      }
      if (invalid) continue
      const key = `${b.voterOrgId ?? ''}|${b.day}`
      const tu = turnout.get(key) ?? { ballots: 0, votes: 0 }
      tu.ballots++
      tu.votes += b.candidateIds.length
      turnout.set(key, tu)
    }
    await repo.replaceAggregates(
      trx,
      campaignId,
      [...tally].map(([candidate_id, t]) => ({
        campaign_id: campaignId,
        candidate_id,
        votes: t.votes,
        invalidated_votes: t.invalidated,
      })),
      [...daily].map(([k, votes]) => {
        const [candidate_id, day] = k.split('|') as [string, string]
        return { campaign_id: campaignId, candidate_id, day, votes }
      }),
      [...turnout].map(([k, t]) => {
        const [org_id, day] = k.split('|') as [string, string]
        return { campaign_id: campaignId, org_id, day, ballots: t.ballots, votes: t.votes }
      }),
      {
        ballots: ballots.filter((b) => b.status !== 'invalidated').length,
        votes: ballots
          .filter((b) => b.status !== 'invalidated')
          .reduce((n, b) => n + b.candidateIds.length, 0),
        invalidated_ballots: ballots.filter((b) => b.status === 'invalidated').length,
        invalidated_votes: ballots
          .filter((b) => b.status === 'invalidated')
          .reduce((n, b) => n + b.candidateIds.length, 0),
      },
    )
    return rows.length
  })
