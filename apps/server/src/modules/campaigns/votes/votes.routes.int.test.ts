import { LeaderboardSchema, TurnoutSchema, type BallotReceipt } from '@unionhall/contracts'
import type { LightMyRequestResponse } from 'fastify'
import { CompiledQuery, sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import { auditRows, expectError, readXlsx, XLSX_TYPE } from '../../../../test/helpers'
import { freshMobile, makeMember } from '../../../../test/factories/members'
import { ctxAs } from '../../../../test/factories/orgs'
import { advancePhase } from '../setup/setup.service'
import { ballotIdFloor, ballotIdOfReceipt } from './receipt'
import { recount } from './recount'
import { ballotByClientKeyQuery, forEachBallotPageFrom } from './votes.repository'
import { signVoterToken } from './voter'
import { votesClock } from './votes.routes'
import { getTallies } from './votes.service'
import { baseRules, counts, makeVotingCampaign } from './votes.fixtures.test-helpers'

let t: TestApp
let gansu: TestSession // org_admin of 甘肃省总工会: every permission there
let lanzhouStaff: TestSession
let shenzhen: TestSession // org_admin elsewhere
let platform: TestSession

// 2026-02-10 10:00 Asia/Shanghai
const T0 = Date.parse('2026-02-10T02:00:00.000Z')
let clock = T0
const at = (ms: number) => {
  clock = ms
}

beforeAll(async () => {
  // The API's default per-IP limit: ballots must not be subject to it (factory NAT).
  t = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1200' } })
  votesClock.now = () => new Date(clock)
  ;[gansu, lanzhouStaff, shenzhen, platform] = await Promise.all([
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
    t.loginAs(ACCOUNTS.platformAdmin),
  ])
})
afterAll(() => t.close())
afterEach(() => at(T0))

const adminCtx = () => ctxAs(t, gansu.memberId)

/** A campaign of 甘肃省总工会 in voting, made by its org_admin. */
const gansuCampaign = async (rules = baseRules()) =>
  makeVotingCampaign(t.database.db, await adminCtx(), t.orgId('甘肃省总工会'), rules)

let memberSeq = 0
/** A signed-in member of the named org (password log-in). */
const memberOf = async (
  orgName: string,
  options: { newAccount?: boolean } = {},
): Promise<TestSession> => {
  const mobile = freshMobile()
  const m = await makeMember(t, await ctxAs(t, platform.memberId), {
    mobile,
    orgId: t.orgId(orgName),
    password: 'Voter#2026',
    name: `投票人${memberSeq++}`,
  })
  // Accounts are old unless a test wants the new-account signal (the test clock is in 2026).
  if (!options.newAccount)
    await t.database.db
      .updateTable('member')
      .set({ created_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', m.id)
      .execute()
  return t.loginAs(mobile, 'Voter#2026')
}

const ballot = (
  s: TestSession | null,
  campaignId: string,
  payload: Record<string, unknown>,
  extra: { token?: string; ip?: string } = {},
) => {
  const opts = {
    method: 'POST' as const,
    url: `/api/v1/public/campaigns/${campaignId}/ballots`,
    payload,
    headers: extra.token ? { 'x-voter-token': extra.token } : {},
    ...(extra.ip ? { remoteAddress: extra.ip } : {}),
  }
  return s ? s.request(opts) : t.request(opts)
}

let keySeq = 0
const key = () => `k${Date.now().toString(36)}${(keySeq++).toString(36)}`.padEnd(10, 'x')

describe('casting ballots (members campaign)', () => {
  it('counts a ballot, returns a receipt anyone can look up, and lists it in my receipts', async () => {
    const c = await gansuCampaign()
    const voter = await memberOf('兰州市总工会')

    const res = await ballot(voter, c.campaignId, {
      clientKey: key(),
      candidateIds: [c.candidateIds[0], c.candidateIds[1]],
    })

    expect(res.statusCode, res.body).toBe(201)
    const receipt = res.json<BallotReceipt>()
    expect(receipt.status).toBe('counted')
    expect(receipt.candidates.map((x) => x.name)).toEqual(['候选人1', '候选人2'])
    expect(receipt.receiptCode).toMatch(/^[0-9A-Z]{26}$/)
    const lookup = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${c.campaignId}/receipts/${receipt.receiptCode.toLowerCase()}`,
    })
    expect(lookup.statusCode).toBe(200)
    expect(lookup.json()).toEqual(receipt)
    const mine = await voter.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${c.campaignId}/my-receipts`,
    })
    expect(mine.json<{ items: BallotReceipt[] }>().items.map((r) => r.receiptCode)).toEqual([
      receipt.receiptCode,
    ])
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 1, votes: 2 })
    const tallies = await getTallies(t.database.db, c.campaignId)
    expect(tallies.totals).toEqual({
      ballots: 1,
      votes: 2,
      invalidatedBallots: 0,
      invalidatedVotes: 0,
    })
    expectError(
      await t.request({
        method: 'GET',
        url: `/api/v1/public/campaigns/${c.campaignId}/receipts/00000000000000000000000000`,
      }),
      404,
      'BALLOT_RECEIPT_NOT_FOUND',
    )
  })

  it('answers a retry with the same client key with the original receipt (200) and counts it once', async () => {
    const c = await gansuCampaign()
    const voter = await memberOf('兰州市总工会')
    const payload = { clientKey: key(), candidateIds: [c.candidateIds[0]] }

    const [a, b] = await Promise.all([
      ballot(voter, c.campaignId, payload),
      ballot(voter, c.campaignId, payload),
    ])
    const again = await ballot(voter, c.campaignId, payload)

    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201])
    expect(again.statusCode).toBe(200)
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json<BallotReceipt>().receiptCode).toBe(a.json<BallotReceipt>().receiptCode)
    expect(b.json<BallotReceipt>().receiptCode).toBe(a.json<BallotReceipt>().receiptCode)
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 1, votes: 1 })
    expectError(
      await ballot(voter, c.campaignId, { ...payload, candidateIds: [c.candidateIds[1]] }),
      409,
      'BALLOT_KEY_REUSED',
    )
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 1, votes: 1 })
  })

  it('refuses every bad ballot with a clear code and counts nothing', async () => {
    const c = await gansuCampaign(
      baseRules({
        votesPerDay: 3,
        maxPerCandidatePerDay: 1,
        maxChoicesPerBallot: 2,
        hours: { start: '08:00', end: '22:00' },
      }),
    )
    const voter = await memberOf('兰州市总工会')
    const outsider = await memberOf('深圳市总工会')
    const [c1, c2, c3] = c.candidateIds as [string, string, string]
    expect(
      (await ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c1, c2] })).statusCode,
    ).toBe(201)
    const before = await counts(t.database.db, c.campaignId)

    const cases: [Promise<LightMyRequestResponse>, number, string][] = [
      [
        ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c.withdrawnId] }),
        400,
        'BALLOT_NOT_A_CANDIDATE',
      ],
      [
        ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c.campaignId] }),
        400,
        'BALLOT_NOT_A_CANDIDATE',
      ],
      [
        ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c3, c3] }),
        400,
        'BALLOT_DUPLICATE_CHOICE',
      ],
      [
        ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c1, c2, c3] }),
        400,
        'BALLOT_TOO_MANY_CHOICES',
      ],
      [
        ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c1] }),
        409,
        'BALLOT_CANDIDATE_LIMIT',
      ],
      [
        ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c3, c.candidateIds[3]] }),
        409,
        'BALLOT_DAILY_LIMIT',
      ],
      [
        ballot(outsider, c.campaignId, { clientKey: key(), candidateIds: [c3] }),
        403,
        'BALLOT_VOTER_NOT_ELIGIBLE',
      ],
      [
        ballot(null, c.campaignId, { clientKey: key(), candidateIds: [c3] }),
        401,
        'BALLOT_VOTER_REQUIRED',
      ],
      [
        ballot(voter, c.campaignId, { clientKey: 'bad key!', candidateIds: [c3] }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        voter.request({
          method: 'POST',
          url: `/api/v1/public/campaigns/${c.campaignId}/ballots`,
          payload: { clientKey: key(), candidateIds: [c3] },
          headers: { 'x-csrf-token': 'wrong' },
        }),
        403,
        'CSRF_INVALID',
      ],
    ]
    for (const [res, status, code] of cases) expectError(await res, status, code)

    at(Date.parse('2026-02-10T15:00:00.000Z')) // 23:00 in Shanghai
    expectError(
      await ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c3] }),
      409,
      'BALLOT_OUTSIDE_HOURS',
    )
    at(T0)

    expect(await counts(t.database.db, c.campaignId)).toEqual(before)
    // The limits are per day: the next morning the voter may vote again.
    at(T0 + 86_400_000)
    expect(
      (await ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c1] })).statusCode,
    ).toBe(201)
  })

  it('refuses ballots before and after the voting phase', async () => {
    const ctx = await adminCtx()
    const c = await makeVotingCampaign(t.database.db, ctx, t.orgId('甘肃省总工会'), baseRules(), {
      phase: 'publicity',
    })
    const voter = await memberOf('兰州市总工会')
    const payload = () => ({ clientKey: key(), candidateIds: [c.candidateIds[0]] })

    expectError(await ballot(voter, c.campaignId, payload()), 409, 'BALLOT_VOTING_CLOSED')
    await advancePhase(t.database.db, ctx, c.campaignId, 'voting')
    const ok = await ballot(voter, c.campaignId, payload())
    expect(ok.statusCode).toBe(201)
    await advancePhase(t.database.db, ctx, c.campaignId, 'jury')
    expectError(await ballot(voter, c.campaignId, payload()), 409, 'BALLOT_VOTING_CLOSED')
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 1, votes: 1 })
  })

  it('never lets concurrent ballots of one voter pass the daily limit', async () => {
    const c = await gansuCampaign(
      baseRules({ votesPerDay: 6, maxPerCandidatePerDay: 6, maxChoicesPerBallot: 1 }),
    )
    const voter = await memberOf('兰州市总工会')

    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c.candidateIds[0]] }),
      ),
    )

    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(6)
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9)
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 6, votes: 6 })
  })
})

describe('sealed tallies', () => {
  it('hides per-candidate totals from everyone, admins included, until voting closes; turnout stays live', async () => {
    const ctx = await adminCtx()
    const c = await makeVotingCampaign(
      t.database.db,
      ctx,
      t.orgId('甘肃省总工会'),
      baseRules({ sealed: true }),
    )
    const voter = await memberOf('兰州市总工会')
    const cast = await ballot(voter, c.campaignId, {
      clientKey: key(),
      candidateIds: [c.candidateIds[2]],
    })
    expect(cast.statusCode, cast.body).toBe(201)
    const code = cast.json<BallotReceipt>().receiptCode

    // A receipt names its ballot; while sealed only its voter sees the candidates (staff see
    // every flagged ballot's code in the review queue).
    const receiptUrl = `/api/v1/public/campaigns/${c.campaignId}/receipts/${code}`
    for (const s of [t, gansu]) {
      const other = await s.request({ method: 'GET', url: receiptUrl })
      expect(other.statusCode, other.body).toBe(200)
      expect(other.json<BallotReceipt>()).toMatchObject({
        receiptCode: code,
        candidates: [],
        candidatesHidden: true,
      })
    }
    const own = await voter.request({ method: 'GET', url: receiptUrl })
    expect(own.json<BallotReceipt>().candidates.map((x) => x.id)).toEqual([c.candidateIds[2]])
    expect(own.json<BallotReceipt>().candidatesHidden).toBeUndefined()

    expectError(
      await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/leaderboard` }),
      403,
      'CAMPAIGN_TALLY_SEALED',
    )
    expectError(
      await t.request({
        method: 'GET',
        url: `/api/v1/public/campaigns/${c.campaignId}/leaderboard`,
      }),
      403,
      'CAMPAIGN_TALLY_SEALED',
    )
    expectError(
      await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/ballot-log` }),
      403,
      'CAMPAIGN_TALLY_SEALED',
    )
    expectError(
      await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/votes/export` }),
      403,
      'CAMPAIGN_TALLY_SEALED',
    )
    const turnout = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${c.campaignId}/turnout`,
    })
    expect(turnout.statusCode).toBe(200)
    // Sent pre-rendered from the cache: still exactly the documented shape.
    expect(TurnoutSchema.strict().parse(turnout.json())).toEqual(turnout.json())
    // Rolled up the tree: 甘肃 (the campaign's org) counts its city's ballot in its subtree.
    expect(turnout.json()).toMatchObject({
      totalBallots: 1,
      items: [
        { orgId: t.orgId('甘肃省总工会'), parentId: null, depth: 0, ballots: 0, subtreeBallots: 1 },
        {
          orgId: t.orgId('兰州市总工会'),
          orgName: '兰州市总工会',
          parentId: t.orgId('甘肃省总工会'),
          depth: 1,
          ballots: 1,
          subtreeBallots: 1,
        },
      ],
    })

    await advancePhase(t.database.db, ctx, c.campaignId, 'jury')
    const board = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/leaderboard`,
    })
    expect(board.statusCode).toBe(200)
    expect(board.json()).toMatchObject({ sealed: false, totalBallots: 1 })
    // Voting closed: the ballot log and the vote export the console disabled are served now.
    for (const url of ['ballot-log', 'votes/export']) {
      const res = await gansu.request({
        method: 'GET',
        url: `/api/v1/campaigns/${c.campaignId}/${url}`,
      })
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200)
    }
    const unsealed = await t.request({ method: 'GET', url: receiptUrl })
    expect(unsealed.json<BallotReceipt>().candidates.map((x) => x.id)).toEqual([c.candidateIds[2]])
    expect(board.json<{ items: { votes: number; number: number }[] }>().items[0]).toMatchObject({
      number: 3,
      votes: 1,
    })
  })

  it('serves a live leaderboard when not sealed (cached at most a second)', async () => {
    const c = await gansuCampaign()
    const voter = await memberOf('兰州市总工会')
    await ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c.candidateIds[1]] })

    const res = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${c.campaignId}/leaderboard`,
    })

    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    // Sent pre-rendered from the cache (no response serializer): it must still be exactly the
    // documented shape, nothing more.
    expect(LeaderboardSchema.strict().parse(res.json())).toEqual(res.json())
    const items = res.json<{ items: { candidateId: string; votes: number }[] }>().items
    expect(items).toHaveLength(4) // the withdrawn candidate is not on it
    expect(items[0]).toMatchObject({ candidateId: c.candidateIds[1], votes: 1 })
  })

  it('answers repeated reads from the cache, and a candidate change at once', async () => {
    const c = await gansuCampaign()
    const voter = await memberOf('兰州市总工会')
    await ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c.candidateIds[1]] })
    const url = `/api/v1/public/campaigns/${c.campaignId}/leaderboard`
    const read = () => t.request({ method: 'GET', url })
    // Only Date is frozen: the cache's second never ends, the ballot writer's timers still run.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
    try {
      const first = await read()
      expect(first.statusCode).toBe(200)
      await ballot(await memberOf('兰州市总工会'), c.campaignId, {
        clientKey: key(),
        candidateIds: [c.candidateIds[2]],
      })
      // Within the cache's second the same bytes are served (the new ballot shows next second).
      const cachedRead = await read()
      expect(cachedRead.body).toBe(first.body)
      expect(cachedRead.headers['content-length']).toBe(String(Buffer.byteLength(first.body)))

      const withdrawn = await gansu.request({
        method: 'PATCH',
        url: `/api/v1/campaigns/${c.campaignId}/candidates/${c.candidateIds[1]}`,
        payload: { status: 'withdrawn' },
      })
      expect(withdrawn.statusCode).toBe(200)
      // A candidate change drops the cached board: the next read, in the same frozen second,
      // no longer lists the withdrawn candidate and counts the second ballot.
      const after = (await read()).json<{
        totalBallots: number
        items: { candidateId: string }[]
      }>()
      expect(after.items.map((i) => i.candidateId)).not.toContain(c.candidateIds[1])
      expect(after.items).toHaveLength(3)
      expect(after.totalBallots).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('SMS voters', () => {
  const lastCode = (mobile: string) =>
    /(\d{6})/.exec([...t.sms.outbox].reverse().find((m) => m.mobile === mobile)?.text ?? '')?.[1]

  it('verifies a mobile once with a code and votes with the voter cookie', async () => {
    const c = await gansuCampaign(baseRules({ eligibility: 'sms' }))
    const mobile = '13912345678'
    const otp = await t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { mobile, purpose: 'vote' },
    })
    expect(otp.statusCode, otp.body).toBe(200)
    const url = `/api/v1/public/campaigns/${c.campaignId}/voters/verify`

    expectError(
      await t.request({
        method: 'POST',
        url,
        payload: { mobile, otpCode: '000000' === lastCode(mobile) ? '111111' : '000000' },
      }),
      400,
      undefined,
    )
    const ok = await t.request({
      method: 'POST',
      url,
      payload: { mobile, otpCode: lastCode(mobile) },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    const cookie = ok.cookies.find((x) => x.name === 'uh_voter')!
    expect(cookie.httpOnly).toBe(true)

    const res = await t.request({
      method: 'POST',
      url: `/api/v1/public/campaigns/${c.campaignId}/ballots`,
      payload: { clientKey: key(), candidateIds: [c.candidateIds[0]] },
      cookies: { uh_voter: cookie.value },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(
      await auditRows(t, { action: 'campaign.voter-verified', targetId: c.campaignId }),
    ).toHaveLength(1)
    expectError(
      await t.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${c.campaignId}/ballots`,
        payload: { clientKey: key(), candidateIds: [c.candidateIds[0]] },
        cookies: { uh_voter: cookie.value.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')) },
      }),
      401,
      'BALLOT_VOTER_REQUIRED',
    )
  })

  it('flags a mobile first verified within a day as a new account, not one known for longer', async () => {
    const c = await gansuCampaign(
      baseRules({ eligibility: 'sms', votesPerDay: 10, maxPerCandidatePerDay: 10 }),
    )
    const verify = async (mobile: string) => {
      // The OTP resend limit runs on the real clock: age earlier codes of this mobile.
      await t.database.db
        .updateTable('auth_otp')
        .set({ created_at: '2020-01-01T00:00:00.000Z' })
        .execute()
      const otp = await t.request({
        method: 'POST',
        url: '/api/v1/auth/otp',
        payload: { mobile, purpose: 'vote' },
      })
      expect(otp.statusCode, otp.body).toBe(200)
      const r = await t.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${c.campaignId}/voters/verify`,
        payload: { mobile, otpCode: lastCode(mobile) },
      })
      expect(r.statusCode, r.body).toBe(200)
      return r.json<{ token: string }>().token
    }
    const castWith = async (token: string) => {
      const r = await ballot(
        null,
        c.campaignId,
        { clientKey: key(), candidateIds: [c.candidateIds[0]] },
        { token },
      )
      expect(r.statusCode, r.body).toBe(201)
      return r.json<BallotReceipt>()
    }

    // A mobile the platform has never seen: its ballots in the next 24 hours carry the signal,
    // but count without review unless another signal joins it (ADR 0018 addendum).
    const fresh = freshMobile()
    const first = await castWith(await verify(fresh))
    expect(first.status).toBe('counted')
    const signalsOf = async (receiptCode: string) =>
      (await t.database.db
        .selectFrom('campaign_ballot' as never)
        .select('signals' as never)
        .where('id' as never, '=', ballotIdOfReceipt(receiptCode) as never)
        .executeTakeFirstOrThrow()) as { signals: string }
    expect(JSON.parse((await signalsOf(first.receiptCode)).signals)).toEqual(['new_account'])

    // The same mobile a day later: verifying again does not make it new again.
    at(T0 + 25 * 3600_000)
    const later = await castWith(await verify(fresh))
    expect(later.status).toBe('counted')

    // A mobile first verified today that belongs to a member account from 2020 is not new.
    at(T0)
    const memberMobile = freshMobile()
    const m = await makeMember(t, await ctxAs(t, platform.memberId), {
      mobile: memberMobile,
      orgId: t.orgId('兰州市总工会'),
      password: 'Voter#2026',
      name: '老会员',
    })
    await t.database.db
      .updateTable('member')
      .set({ created_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', m.id)
      .execute()
    expect((await castWith(await verify(memberMobile))).status).toBe('counted')

    // Not in the review queue on that signal alone.
    const page = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/flagged-ballots?signal=new_account`,
    })
    expect(page.statusCode, page.body).toBe(200)
    expect(page.json<{ total: number }>().total).toBe(0)
    // Only the mobile's blind index is kept, never the number.
    const rows = await t.database.db
      .selectFrom('campaign_voter_mobile' as never)
      .selectAll()
      .execute()
    expect(JSON.stringify(rows)).not.toContain(fresh)
  })

  it('refuses SMS verification for a members-only campaign', async () => {
    const c = await gansuCampaign()
    expectError(
      await t.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${c.campaignId}/voters/verify`,
        payload: { mobile: '13912345679', otpCode: '123456' },
      }),
      409,
      'BALLOT_SMS_NOT_ENABLED',
    )
  })

  it('lets 1,000 distinct voters behind one factory NAT all vote', async () => {
    const c = await gansuCampaign(baseRules({ eligibility: 'sms' }))
    const tokens = Array.from({ length: 1000 }, (_, i) =>
      signVoterToken(
        t.config.SESSION_SECRET,
        c.campaignId,
        `13${String(100_000_000 + i * 7919).slice(0, 9)}`,
        T0 + 3600_000,
      ),
    )

    const results = await Promise.all(
      tokens.map((token, i) =>
        ballot(
          null,
          c.campaignId,
          { clientKey: key(), candidateIds: [c.candidateIds[i % 4]], deviceId: `device-${i}-xx` },
          { token, ip: '10.1.2.3' },
        ),
      ),
    )

    const statuses = results.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1000)
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 1000, votes: 1000 })
  })
})

describe('rate limits and risk signals', () => {
  it("applies the campaign's own limits: a device past its per-minute limit gets 429", async () => {
    const c = await gansuCampaign(
      baseRules({
        eligibility: 'sms',
        votesPerDay: 100,
        maxPerCandidatePerDay: 100,
        maxChoicesPerBallot: 1,
        limits: { perVoterPerMinute: 20, perDevicePerMinute: 3, perIpPerMinute: 6000 },
      }),
    )
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const token = signVoterToken(
        t.config.SESSION_SECRET,
        c.campaignId,
        `1341111${String(1000 + i)}`,
        T0 + 3600_000,
      )
      const r = await ballot(
        null,
        c.campaignId,
        { clientKey: key(), candidateIds: [c.candidateIds[0]], deviceId: 'shared-tablet-1' },
        { token },
      )
      statuses.push(r.statusCode)
      if (i === 3)
        expect(expectError(r, 429, 'BALLOT_RATE_LIMITED').details).toEqual({ scope: 'device' })
    }
    expect(statuses).toEqual([201, 201, 201, 429])
  })

  it('returns 429 BALLOT_RATE_LIMITED past the per-voter limit and flags bursts and shared devices', async () => {
    const c = await gansuCampaign(
      baseRules({
        eligibility: 'sms',
        votesPerDay: 100,
        maxPerCandidatePerDay: 100,
        maxChoicesPerBallot: 1,
      }),
    )
    const token = signVoterToken(
      t.config.SESSION_SECRET,
      c.campaignId,
      '13700001111',
      T0 + 3600_000,
    )
    const results: number[] = []
    const receipts: BallotReceipt[] = []
    for (let i = 0; i < 21; i++) {
      const r = await ballot(
        null,
        c.campaignId,
        { clientKey: key(), candidateIds: [c.candidateIds[0]] },
        { token },
      )
      results.push(r.statusCode)
      if (r.statusCode === 201) receipts.push(r.json())
    }
    expect(results.slice(0, 20).every((s) => s === 201)).toBe(true)
    expect(results[20]).toBe(429)
    expect(receipts[0]!.status).toBe('counted')
    expect(receipts[4]!.status).toBe('flagged') // the 5th ballot within a minute
    const limited = await ballot(
      null,
      c.campaignId,
      { clientKey: key(), candidateIds: [c.candidateIds[0]] },
      { token },
    )
    expect(expectError(limited, 429, 'BALLOT_RATE_LIMITED').message).toBeTruthy()

    // Four voters on one device: the fourth is flagged as a shared device.
    const shared = []
    for (let i = 0; i < 4; i++) {
      const tk = signVoterToken(
        t.config.SESSION_SECRET,
        c.campaignId,
        `1360000${2000 + i * 100}`,
        T0 + 3600_000,
      )
      shared.push(
        (
          await ballot(
            null,
            c.campaignId,
            { clientKey: key(), candidateIds: [c.candidateIds[1]], deviceId: 'one-phone-123' },
            { token: tk },
          )
        ).json<BallotReceipt>(),
      )
    }
    expect(shared.map((r) => r.status)).toEqual(['counted', 'counted', 'counted', 'flagged'])

    // Sequential mobiles from one IP.
    const seq = []
    for (let i = 0; i < 3; i++) {
      const tk = signVoterToken(
        t.config.SESSION_SECRET,
        c.campaignId,
        `1350000000${i}`,
        T0 + 3600_000,
      )
      seq.push(
        (
          await ballot(
            null,
            c.campaignId,
            { clientKey: key(), candidateIds: [c.candidateIds[2]] },
            { token: tk, ip: '10.9.9.9' },
          )
        ).json<BallotReceipt>(),
      )
    }
    expect(seq.map((r) => r.status)).toEqual(['counted', 'counted', 'flagged'])

    const flagged = await lanzhouStaff.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/flagged-ballots?signal=sequential_mobiles`,
    })
    expect(flagged.statusCode).toBe(403) // the campaign belongs to 甘肃省总工会, above 兰州
    const page = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/flagged-ballots?signal=sequential_mobiles`,
    })
    expect(page.statusCode, page.body).toBe(200)
    expect(page.json<{ items: { receiptCode: string; signals: string[] }[] }>().items).toEqual([
      expect.objectContaining({
        receiptCode: seq[2]!.receiptCode,
        signals: ['sequential_mobiles'],
      }),
    ])
  })

  it('records new accounts (counted unless another signal joins) and flags night bursts', async () => {
    const c = await gansuCampaign(
      baseRules({ votesPerDay: 100, maxPerCandidatePerDay: 100, maxChoicesPerBallot: 1 }),
    )
    const fresh = await memberOf('兰州市总工会', { newAccount: true }) // created just now (real clock)
    at(Date.now())
    const r = await ballot(fresh, c.campaignId, {
      clientKey: key(),
      candidateIds: [c.candidateIds[0]],
    })
    expect(r.json<BallotReceipt>().status).toBe('counted')
    const page = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/flagged-ballots?signal=new_account`,
    })
    expect(page.json<{ total: number }>().total).toBe(0)

    at(Date.parse('2026-02-11T18:30:00.000Z')) // 02:30 in Shanghai
    const statuses = []
    for (let i = 0; i < 10; i++) {
      const tk = await memberOf('兰州市总工会')
      statuses.push(
        (
          await ballot(
            tk,
            c.campaignId,
            { clientKey: key(), candidateIds: [c.candidateIds[1]] },
            { ip: '10.7.7.7' },
          )
        ).statusCode,
      )
    }
    expect(statuses.every((s) => s === 201)).toBe(true)
    const night = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/flagged-ballots?signal=night_burst`,
    })
    expect(night.json<{ total: number }>().total).toBeGreaterThanOrEqual(1)
  })
})

describe('fraud review: invalidate and restore', () => {
  it('invalidates with a reason, adjusts every counter in the same transaction, audits, and restores', async () => {
    const ctx = await adminCtx()
    const c = await makeVotingCampaign(t.database.db, ctx, t.orgId('甘肃省总工会'), baseRules())
    const voters = await Promise.all([memberOf('兰州市总工会'), memberOf('武威市总工会')])
    const receipts: BallotReceipt[] = []
    const retryOf: { clientKey: string; candidateIds: string[] }[] = []
    for (const v of voters) {
      const payload = { clientKey: key(), candidateIds: [c.candidateIds[0]!, c.candidateIds[1]!] }
      retryOf.push(payload)
      receipts.push((await ballot(v, c.campaignId, payload)).json())
    }
    const ids = receipts.map((r) => ballotIdOfReceipt(r.receiptCode)!)
    const url = `/api/v1/campaigns/${c.campaignId}/ballots`

    expectError(
      await gansu.request({
        method: 'POST',
        url: `${url}/invalidate`,
        payload: { ballotIds: ids },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await shenzhen.request({
        method: 'POST',
        url: `${url}/invalidate`,
        payload: { ballotIds: ids, reason: '刷票' },
      }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await gansu.request({
        method: 'POST',
        url: `${url}/invalidate`,
        payload: { ballotIds: [c.campaignId], reason: '刷票' },
      }),
      404,
      'BALLOT_NOT_FOUND',
    )
    const inv = await gansu.request({
      method: 'POST',
      url: `${url}/invalidate`,
      payload: { ballotIds: [ids[0]], reason: '同一设备批量投票' },
    })
    expect(inv.statusCode, inv.body).toBe(200)
    expectError(
      await gansu.request({
        method: 'POST',
        url: `${url}/invalidate`,
        payload: { ballotIds: [ids[0]], reason: '再次' },
      }),
      409,
      'BALLOT_STATUS_CONFLICT',
    )

    let tallies = await getTallies(t.database.db, c.campaignId)
    expect(tallies.totals).toEqual({
      ballots: 1,
      votes: 2,
      invalidatedBallots: 1,
      invalidatedVotes: 2,
    })
    expect(tallies.candidates.find((x) => x.candidateId === c.candidateIds[0])).toMatchObject({
      votes: 1,
      invalidatedVotes: 1,
    })
    const receipt = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${c.campaignId}/receipts/${receipts[0]!.receiptCode}`,
    })
    expect(receipt.json<BallotReceipt>().status).toBe('invalidated')
    // A retry of the invalidated ballot's request replays it from the log, as it is now.
    const retried = await ballot(voters[0], c.campaignId, retryOf[0]!)
    expect(retried.statusCode).toBe(200)
    expect(retried.json<BallotReceipt>()).toMatchObject({
      receiptCode: receipts[0]!.receiptCode,
      status: 'invalidated',
    })
    const board = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${c.campaignId}/leaderboard`,
    })
    expect(board.json()).toMatchObject({ totalBallots: 1, invalidatedBallots: 1 })
    const turnout = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/turnout`,
    })
    expect(turnout.json<{ totalBallots: number }>().totalBallots).toBe(1)
    const list = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/flagged-ballots?status=invalidated`,
    })
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id: ids[0], invalidationReason: '同一设备批量投票', status: 'invalidated' }],
    })
    const [audit] = await auditRows(t, {
      action: 'campaign.ballots-invalidated',
      targetId: c.campaignId,
    })
    expect(audit!.actor_member_id).toBe(gansu.memberId)
    expect(JSON.parse(audit!.summary)).toMatchObject({
      reason: '同一设备批量投票',
      ballotIds: [ids[0]],
    })
    expect((await recount(t.database.db, c.campaignId)).ok).toBe(true)

    const res = await gansu.request({
      method: 'POST',
      url: `${url}/restore`,
      payload: { ballotIds: [ids[0]], reason: '复核后确认正常' },
    })
    expect(res.statusCode).toBe(200)
    expectError(
      await gansu.request({
        method: 'POST',
        url: `${url}/restore`,
        payload: { ballotIds: [ids[1]], reason: '复核' },
      }),
      409,
      'BALLOT_STATUS_CONFLICT',
    )
    tallies = await getTallies(t.database.db, c.campaignId)
    expect(tallies.totals).toEqual({
      ballots: 2,
      votes: 4,
      invalidatedBallots: 0,
      invalidatedVotes: 0,
    })
    expect(
      await auditRows(t, { action: 'campaign.ballots-restored', targetId: c.campaignId }),
    ).toHaveLength(1)
    expect((await recount(t.database.db, c.campaignId)).ok).toBe(true)
  })
})

describe('fraud review: clear', () => {
  it('marks a flagged ballot legitimate: it leaves the queue as counted, no counter moves, audited', async () => {
    const c = await gansuCampaign(baseRules({ eligibility: 'sms' }))
    // Sequential mobiles from one IP: the third is flagged.
    const seq: BallotReceipt[] = []
    for (let i = 0; i < 3; i++) {
      const token = signVoterToken(
        t.config.SESSION_SECRET,
        c.campaignId,
        `1350000100${i}`,
        T0 + 3600_000,
      )
      seq.push(
        (
          await ballot(
            null,
            c.campaignId,
            { clientKey: key(), candidateIds: [c.candidateIds[2]] },
            { token, ip: '10.9.8.7' },
          )
        ).json<BallotReceipt>(),
      )
    }
    expect(seq.map((r) => r.status)).toEqual(['counted', 'counted', 'flagged'])
    const [counted, , flagged] = seq.map((r) => ballotIdOfReceipt(r.receiptCode)!)
    const url = `/api/v1/campaigns/${c.campaignId}/ballots/clear`
    const before = await getTallies(t.database.db, c.campaignId)

    expectError(
      await gansu.request({
        method: 'POST',
        url,
        payload: { ballotIds: [counted, flagged], reason: '复核正常' },
      }),
      409,
      'BALLOT_STATUS_CONFLICT',
    )
    expectError(
      await shenzhen.request({
        method: 'POST',
        url,
        payload: { ballotIds: [flagged], reason: '复核正常' },
      }),
      403,
      'ACCESS_DENIED',
    )
    const res = await gansu.request({
      method: 'POST',
      url,
      payload: { ballotIds: [flagged], reason: '本厂连号工作手机，核实为本人投票' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ changed: 1 })

    expect(await getTallies(t.database.db, c.campaignId)).toEqual(before)
    const queue = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/flagged-ballots?status=flagged`,
    })
    expect(queue.json<{ total: number }>().total).toBe(0)
    const receipt = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${c.campaignId}/receipts/${seq[2]!.receiptCode}`,
    })
    expect(receipt.json<BallotReceipt>().status).toBe('counted')
    const audits = await auditRows(t, {
      action: 'campaign.ballots-cleared',
      targetId: c.campaignId,
    })
    expect(audits).toHaveLength(1)
    expect(JSON.parse(audits[0]!.summary)).toMatchObject({
      reason: '本厂连号工作手机，核实为本人投票',
      ballotIds: [flagged],
      before: { [flagged!]: 'flagged' },
      after: { [flagged!]: 'counted' },
    })
    expectError(
      await gansu.request({
        method: 'POST',
        url,
        payload: { ballotIds: [flagged], reason: '再次' },
      }),
      409,
      'BALLOT_STATUS_CONFLICT',
    )
    expect((await recount(t.database.db, c.campaignId)).ok).toBe(true)
  })
})

describe('ballot log, recount and exports', () => {
  it('streams an anonymised log whose recount equals the counters, and exports votes as .xlsx', async () => {
    const c = await gansuCampaign()
    const voters = await Promise.all([
      memberOf('兰州市总工会'),
      memberOf('兰州市总工会'),
      memberOf('嘉峪关市总工会'),
    ])
    // Day by day: the engine never turns its voting day back (a late request counts toward
    // the current day), so the clock only moves forward here.
    for (let d = 0; d < 2; d++)
      for (const [i, v] of voters.entries()) {
        at(T0 + d * 86_400_000)
        expect(
          (
            await ballot(v, c.campaignId, {
              clientKey: key(),
              candidateIds: [c.candidateIds[i]!, c.candidateIds[3]!],
            })
          ).statusCode,
        ).toBe(201)
      }
    at(T0)

    const log = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/ballot-log`,
    })
    expect(log.statusCode).toBe(200)
    const lines = log.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(6)
    expect(Object.keys(lines[0]!).sort()).toEqual([
      'candidateIds',
      'day',
      'orgId',
      'receipt',
      'status',
      'voterKey',
    ])
    expect(log.body).not.toContain(voters[0].mobile)
    const fromFile = await recount(
      t.database.db,
      c.campaignId,
      (async function* () {
        for (const l of lines) yield l as never
      })(),
    )
    expect(fromFile.ok, fromFile.diffs.join('\n')).toBe(true)
    expect(fromFile.ballots).toBe(6)
    const csv = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/ballot-log?format=csv`,
    })
    const [header, first] = csv.body.split('\n')
    // For a spreadsheet: a BOM (UTF-8), and each ballot's candidates by number and name.
    expect(header).toBe('\uFEFFreceipt,voter_key,org_id,day,candidate_ids,candidates,status')
    expect(first!.split(',')[4]).toBe(`${c.candidateIds[0]} ${c.candidateIds[3]}`)
    expect(first!.split(',')[5]).toBe('"1号候选人1、4号候选人4"')

    // A tampered counter is caught.
    await sql`update campaign_tally set votes = votes + 1 where campaign_id = ${c.campaignId} and candidate_id = ${c.candidateIds[3]!}`.execute(
      t.database.db,
    )
    const bad = await recount(t.database.db, c.campaignId)
    expect(bad.ok).toBe(false)
    expect(bad.diffs[0]).toContain(c.candidateIds[3])
    await sql`update campaign_tally set votes = votes - 1 where campaign_id = ${c.campaignId} and candidate_id = ${c.candidateIds[3]!}`.execute(
      t.database.db,
    )

    const xlsx = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.campaignId}/votes/export`,
    })
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toContain(XLSX_TYPE)
    const rows = await readXlsx(xlsx.rawPayload)
    expect(rows[0]).toEqual(['日期', '编号', '候选人', '票数'])
    expect(rows).toContainEqual(['2026-02-10', '4', '候选人4', '3'])
    expect(rows).toContainEqual(['2026-02-11', '4', '候选人4', '3'])
    expect(
      await auditRows(t, { action: 'campaign.votes-exported', targetId: c.campaignId }),
    ).toHaveLength(1)
    expectError(
      await shenzhen.request({
        method: 'GET',
        url: `/api/v1/campaigns/${c.campaignId}/votes/export`,
      }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/ballot-log` }),
      401,
      'AUTH_REQUIRED',
    )
  })
})

describe('retries whose key left memory', () => {
  // Midnight in Asia/Shanghai between 2026-02-10 and 2026-02-11.
  const MIDNIGHT = Date.parse('2026-02-10T16:00:00.000Z')

  it('replays a ballot of the evening before when its retry arrives after midnight', async () => {
    const c = await gansuCampaign(baseRules({ votesPerDay: 1 }))
    const voter = await memberOf('兰州市总工会')
    const payload = { clientKey: key(), candidateIds: [c.candidateIds[0]] }
    at(MIDNIGHT - 30_000)
    const first = await ballot(voter, c.campaignId, payload)
    expect(first.statusCode).toBe(201)
    at(MIDNIGHT + 30_000)
    const retried = await ballot(voter, c.campaignId, payload)
    expect(retried.statusCode).toBe(200)
    expect(retried.json<BallotReceipt>().receiptCode).toBe(first.json<BallotReceipt>().receiptCode)
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 1, votes: 1 })
    // The new day has its own allowance.
    const next = await ballot(voter, c.campaignId, {
      clientKey: key(),
      candidateIds: [c.candidateIds[1]],
    })
    expect(next.statusCode).toBe(201)
  })

  it('never turns the voting day back for a ballot stamped before midnight that runs after it', async () => {
    const c = await gansuCampaign(baseRules({ votesPerDay: 1 }))
    const [early, late] = await Promise.all([memberOf('兰州市总工会'), memberOf('武威市总工会')])
    at(MIDNIGHT + 10_000)
    expect(
      (await ballot(early, c.campaignId, { clientKey: key(), candidateIds: [c.candidateIds[0]] }))
        .statusCode,
    ).toBe(201)
    // Stamped 23:59:50 but handled after the day turned (it waited for a read): it counts
    // toward the new day, and the new day's counts stay.
    at(MIDNIGHT - 10_000)
    expect(
      (await ballot(late, c.campaignId, { clientKey: key(), candidateIds: [c.candidateIds[0]] }))
        .statusCode,
    ).toBe(201)
    at(MIDNIGHT + 20_000)
    expectError(
      await ballot(early, c.campaignId, { clientKey: key(), candidateIds: [c.candidateIds[1]] }),
      409,
      'BALLOT_DAILY_LIMIT',
    )
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 2, votes: 2 })
  })

  it('rebuilds a day from the log page by page, every ballot once, in id order', async () => {
    const c = await gansuCampaign()
    const voters = await Promise.all([1, 2, 3, 4, 5].map(() => memberOf('兰州市总工会')))
    for (const v of voters)
      expect(
        (await ballot(v, c.campaignId, { clientKey: key(), candidateIds: [c.candidateIds[0]] }))
          .statusCode,
      ).toBe(201)
    const pages: string[][] = []
    await forEachBallotPageFrom(t.database.db, c.campaignId, '', 2, (rows) =>
      pages.push(rows.map((r) => r.id)),
    )
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1])
    const all = (
      await t.database.db
        .selectFrom('campaign_ballot')
        .select('id')
        .where('campaign_id', '=', c.campaignId)
        .orderBy('id')
        .execute()
    ).map((r) => r.id)
    expect(pages.flat()).toEqual(all)
  })

  it("reads the ballot log through the voter side table, not the day's ballots", async () => {
    const c = await gansuCampaign()
    const fromId = ballotIdFloor(Date.parse('2026-02-08T16:00:00.000Z'))
    const query = ballotByClientKeyQuery(
      t.database.db,
      c.campaignId,
      'v',
      'k',
      '2026-02-09',
      fromId,
    )
    // SQLite plans without statistics, so the plan is fixed by the query's shape: a range on
    // the id made it walk (campaign_id, id). PostgreSQL plans by statistics, which a test
    // table cannot stand for; there the query only has to run.
    if (t.database.dialect === 'sqlite') {
      const { sql: text, parameters } = query.compile()
      const plan = JSON.stringify(
        (
          await t.database.db.executeQuery(
            CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
          )
        ).rows,
      )
      expect(plan).toContain('USING PRIMARY KEY (campaign_id=? AND voter_key=? AND ballot_id>?)')
      expect(plan).toContain('sqlite_autoindex_campaign_ballot_1 (id=?)')
      expect(plan).not.toMatch(/SCAN/)
    }
    expect(await query.executeTakeFirst()).toBeUndefined()
  })

  it('answers retries and my receipts from memory before the side table holds a ballot, and from the table after', async () => {
    const c = await gansuCampaign()
    const voter = await memberOf('兰州市总工会')
    const indexed = async () =>
      (
        await t.database.db
          .selectFrom('campaign_ballot_voter' as never)
          .select(sql<number>`count(*)`.as('n'))
          .where(sql.ref('campaign_id'), '=', c.campaignId)
          .executeTakeFirstOrThrow()
      ).n
    const mine = async () =>
      (
        await voter.request({
          method: 'GET',
          url: `/api/v1/public/campaigns/${c.campaignId}/my-receipts`,
        })
      )
        .json<{ items: BallotReceipt[] }>()
        .items.map((r) => r.receiptCode)
    const payloads = [0, 1].map((i) => ({ clientKey: key(), candidateIds: [c.candidateIds[i]] }))
    const first = (await ballot(voter, c.campaignId, payloads[0]!)).json<BallotReceipt>()
    const second = (await ballot(voter, c.campaignId, payloads[1]!)).json<BallotReceipt>()
    const replays = async () => {
      for (const [i, p] of payloads.entries()) {
        const again = await ballot(voter, c.campaignId, p)
        expect(again.statusCode).toBe(200)
        expect(again.json<BallotReceipt>().receiptCode).toBe([first, second][i]!.receiptCode)
      }
      expect(await mine()).toEqual([second.receiptCode, first.receiptCode])
    }
    // SQLite indexes in chunks every 2 s, so both ballots are most likely only in the writer's
    // memory now (voter-side-index.int.test.ts checks that path at every moment); PostgreSQL
    // writes the side table with the batch.
    await replays()
    for (let i = 0; i < 200 && (await indexed()) < 2; i++)
      await new Promise((r) => setTimeout(r, 50))
    expect(await indexed()).toBe(2)
    await replays()
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 2, votes: 2 })
  })
})

describe('write failures', () => {
  it('answers 503 when the batch cannot commit, counts nothing and gives the voter the reservation back', async () => {
    const c = await gansuCampaign(baseRules({ votesPerDay: 2 }))
    const voter = await memberOf('兰州市总工会')
    const failKey = 'fail-this-ballot'
    if (t.database.dialect === 'sqlite') {
      await sql
        .raw(
          `create trigger fail_ballot before insert on campaign_ballot when new.client_key = '${failKey}' begin select raise(abort, 'injected'); end`,
        )
        .execute(t.database.db)
    } else {
      await sql
        .raw(
          `create or replace function fail_ballot() returns trigger as $$ begin if new.client_key = '${failKey}' then raise exception 'injected'; end if; return new; end $$ language plpgsql`,
        )
        .execute(t.database.db)
      await sql
        .raw(
          'create trigger fail_ballot before insert on campaign_ballot for each row execute function fail_ballot()',
        )
        .execute(t.database.db)
    }
    try {
      expectError(
        await ballot(voter, c.campaignId, {
          clientKey: failKey,
          candidateIds: [c.candidateIds[0]],
        }),
        503,
        'BALLOT_NOT_RECORDED',
      )
      expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 0, votes: 0 })
    } finally {
      await sql
        .raw(
          t.database.dialect === 'sqlite'
            ? 'drop trigger fail_ballot'
            : 'drop trigger fail_ballot on campaign_ballot',
        )
        .execute(t.database.db)
    }
    // Retries of the failed ballot, same key, all at once: its key is in the engine's filter but
    // not in the log, so each reads the log. Exactly one is a new ballot; the others replay it.
    const retries = await Promise.all(
      Array.from({ length: 5 }, () =>
        ballot(voter, c.campaignId, { clientKey: failKey, candidateIds: [c.candidateIds[0]] }),
      ),
    )
    expect(retries.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201])
    expect(new Set(retries.map((r) => r.json<BallotReceipt>().receiptCode)).size).toBe(1)
    expect(await counts(t.database.db, c.campaignId)).toEqual({ ballots: 1, votes: 1 })
    // Two votes a day: the failed ballot's reservation was given back, so one more fits.
    const second = await ballot(voter, c.campaignId, {
      clientKey: key(),
      candidateIds: [c.candidateIds[1]],
    })
    expect(second.statusCode, second.body).toBe(201)
    expectError(
      await ballot(voter, c.campaignId, { clientKey: key(), candidateIds: [c.candidateIds[2]] }),
      409,
      'BALLOT_DAILY_LIMIT',
    )
  })
})
