import type { CampaignPhase, CreateCampaignBody } from '@unionhall/contracts'
import { CAMPAIGN_PHASES } from '@unionhall/contracts'
import type { FieldCrypto } from '../platform/crypto/field-crypto'
import type { Db } from '../platform/db/create-db'
import type { Ctx } from '../core/access'
import { createMember } from '../core/members'
import {
  addJuror,
  advancePhase,
  announce,
  createCampaign,
  loadBallots,
  loadCandidates,
  putForward,
  submitScore,
} from '../modules/campaigns'
import { mobileFor } from './demo-names'

/**
 * The craftsman campaigns of the seed page (shared/seed/README.md §1): 甘肃省总工会's 陇原工匠
 * with the sub-campaigns of Lanzhou, Wuwei, the Lanzhou railway and Jiayuguan, in several
 * phases. Everything goes through the campaigns module's services; candidates and ballots are
 * loaded with the module's fixture loaders until the nominations and ballot services can
 * produce them (a few thousand ballots in all).
 */

const RUBRIC = [
  { key: 'skill', label: '技能水平', maxScore: 40 },
  { key: 'innovation', label: '创新成果', maxScore: 30 },
  { key: 'mentoring', label: '传帮带', maxScore: 30 },
]

const RULES = {
  eligibility: 'members' as const,
  votesPerDay: 3,
  maxPerCandidatePerDay: 1,
  maxChoicesPerBallot: 3,
  hours: { start: '08:00', end: '22:00' },
  sealed: true,
  weights: { publicVote: 0.4, jury: 0.6 },
}

/** Six back-to-back phase periods starting 1 March of the year. */
const scheduleOf = (year: number): CreateCampaignBody['schedule'] => {
  const at = (month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString()
  return {
    nomination: { startsAt: at(3, 1), endsAt: at(3, 20) },
    review: { startsAt: at(3, 21), endsAt: at(3, 31) },
    publicity: { startsAt: at(4, 1), endsAt: at(4, 10) },
    voting: { startsAt: at(4, 11), endsAt: at(4, 25) },
    jury: { startsAt: at(4, 26), endsAt: at(5, 5) },
    result_publicity: { startsAt: at(5, 6), endsAt: at(5, 12) },
  }
}

type Person = { name: string; trade: string; employer: string; frontLine: boolean }

const LONGYUAN_2020: Record<string, Person[]> = {
  技能工匠: [
    { name: '张海军', trade: '数控车工', employer: '金川集团公司工会', frontLine: true },
    { name: '李文斌', trade: '焊工', employer: '酒钢集团公司工会', frontLine: true },
    { name: '王秀梅', trade: '化学检验工', employer: '金川集团公司工会', frontLine: true },
    { name: '赵立新', trade: '设备管理', employer: '酒钢集团公司工会', frontLine: false },
    { name: '刘宏伟', trade: '机车司机', employer: '兰州铁路局工会', frontLine: true },
    { name: '马建国', trade: '工艺技术', employer: '兰州市总工会', frontLine: false },
    { name: '杨春燕', trade: '电工', employer: '武威市总工会', frontLine: true },
    { name: '周志强', trade: '质量管理', employer: '嘉峪关市总工会', frontLine: false },
  ],
  创新工匠: [
    { name: '陈国栋', trade: '冶炼工', employer: '酒钢集团公司工会', frontLine: true },
    { name: '孙建华', trade: '技术研发', employer: '金川集团公司工会', frontLine: false },
    { name: '何丽娟', trade: '桥隧工', employer: '兰州铁路局工会', frontLine: true },
    { name: '高振宇', trade: '自动化工程', employer: '兰州市总工会', frontLine: false },
    { name: '罗永红', trade: '钳工', employer: '嘉峪关市总工会', frontLine: true },
  ],
}

const CHILD_PEOPLE: Record<string, Person[]> = {
  兰州市总工会: [
    { name: '金卫东', trade: '管道工', employer: '兰州市总工会', frontLine: true },
    { name: '金晓燕', trade: '电焊工', employer: '兰州市总工会', frontLine: true },
    { name: '金明', trade: '工艺技术', employer: '兰州市总工会', frontLine: false },
  ],
  武威市总工会: [
    { name: '田丰收', trade: '农机修理工', employer: '武威市总工会', frontLine: true },
    { name: '田雅琴', trade: '酿酒工', employer: '武威市总工会', frontLine: true },
    { name: '田文', trade: '生产管理', employer: '武威市总工会', frontLine: false },
  ],
  兰州铁路局工会: [
    { name: '路长青', trade: '接触网工', employer: '兰州铁路局工会', frontLine: true },
    { name: '路遥', trade: '信号工', employer: '兰州铁路局工会', frontLine: true },
    { name: '路明远', trade: '调度', employer: '兰州铁路局工会', frontLine: false },
  ],
  嘉峪关市总工会: [
    { name: '关山月', trade: '高炉炉前工', employer: '嘉峪关市总工会', frontLine: true },
    { name: '关晓东', trade: '轧钢工', employer: '嘉峪关市总工会', frontLine: true },
    { name: '关雪', trade: '安全管理', employer: '嘉峪关市总工会', frontLine: false },
  ],
}

/** A small deterministic generator, so the demo is the same on every start. */
const lcg = (seed: number) => {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export const seedCampaigns = async (
  db: Db,
  crypto: FieldCrypto,
  ctx: Ctx,
  orgIds: Map<string, string>,
) => {
  const org = (name: string) => orgIds.get(name)!
  let mobileSeq = 900_000

  /**
   * The seeding context at the moment a phase began in the campaign's own year (announcement at
   * the end of result publicity), so a 2020 campaign's rules lock, phase audit records, jury
   * scores and honours carry 2020 dates like its ballots, not the day the demo was seeded.
   */
  const ctxAt = (year: number, phase: CampaignPhase): Ctx => {
    const s = scheduleOf(year)
    const at =
      phase === 'announced'
        ? s.result_publicity.endsAt
        : phase === 'draft'
          ? null
          : s[phase].startsAt
    return at ? { ...ctx, now: new Date(at) } : ctx
  }

  const advanceTo = async (
    campaign: { id: string; year: number },
    from: CampaignPhase,
    to: CampaignPhase,
    juryIncompleteReason?: string,
  ) => {
    for (let i = CAMPAIGN_PHASES.indexOf(from) + 1; i <= CAMPAIGN_PHASES.indexOf(to); i++) {
      const phase = CAMPAIGN_PHASES[i]!
      await advancePhase(db, ctxAt(campaign.year, phase), campaign.id, phase, juryIncompleteReason)
    }
  }
  // The city and company sub-campaigns of the demo name no jurors: their staff say so when they
  // leave the jury phase (the step is audited with this reason, as it would be for real).
  const NO_JURY = '本级评选未组建专家评审组，按职工投票结果确定拟当选名单'

  /** Candidates (optionally as registered members), then ballots weighted by popularity. */
  const fillCampaign = async (
    campaign: Awaited<ReturnType<typeof createCampaign>>,
    people: Record<string, Person[]>,
    opts: { ballots: number; asMembers: boolean; seed: number },
  ) => {
    const specs = []
    for (const [category, list] of Object.entries(people)) {
      const categoryId = campaign.categories.find((c) => c.name === category)!.id
      for (const p of list) {
        const mobile = mobileFor(mobileSeq++)
        const memberId = opts.asMembers
          ? (
              await createMember({ db, crypto }, ctx, {
                name: p.name,
                mobile,
                orgId: org(p.employer),
              })
            ).id
          : null
        specs.push({
          categoryId,
          name: p.name,
          mobile,
          employerOrgId: org(p.employer),
          employerName: p.employer,
          trade: p.trade,
          isFrontLine: p.frontLine,
          memberId,
          story: `${p.name}，${p.employer}${p.trade}，扎根一线二十年，带出徒弟数十名。`,
          nominatedAt: new Date(Date.UTC(campaign.year, 2, 2 + specs.length)).toISOString(),
        })
      }
    }
    const candidates = await loadCandidates(db, crypto, campaign.id, specs)
    const rand = lcg(opts.seed)
    const weights = candidates.map(() => 0.3 + rand())
    const sum = weights.reduce((a, b) => a + b, 0)
    const pick = () => {
      let r = rand() * sum
      for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) <= 0) return i
      return weights.length - 1
    }
    const voterOrgs = [
      ...Object.values(people)
        .flat()
        .map((p) => org(p.employer)),
    ]
    const ballots = Array.from({ length: opts.ballots }, (_, i) => {
      const day = 11 + (i % 14)
      const date = `${campaign.year}-04-${String(day).padStart(2, '0')}`
      return {
        candidateIds: [candidates[pick()]!.id],
        voterKey: `demo-${campaign.id.slice(-8)}-${i}`,
        voterOrgId: voterOrgs[i % voterOrgs.length]!,
        // Beijing 09:00–20:59, stored in UTC.
        castAt: `${date}T${String(1 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`,
        day: date,
        // A burst from one device, caught by the anti-fraud review: 1 ballot in 40.
        status: i % 40 === 39 ? ('invalidated' as const) : ('counted' as const),
      }
    })
    await loadBallots(db, campaign.id, ballots)
    return candidates
  }

  const jurors: { id: string; name: string }[] = []
  for (const [i, name] of ['刘振华', '陈立新', '马秀兰'].entries()) {
    const m = await createMember({ db, crypto }, ctx, {
      name,
      mobile: mobileFor(mobileSeq++),
      orgId: org(['兰州市总工会', '金川集团公司工会', '酒钢集团公司工会'][i]!),
    })
    jurors.push({ id: m.id, name })
  }

  const scoreAll = async (
    campaign: { id: string; year: number },
    candidates: { id: string }[],
    seed: number,
  ) => {
    const rand = lcg(seed)
    for (const j of jurors) {
      const jurorCtx: Ctx = {
        ...ctxAt(campaign.year, 'jury'),
        actor: { memberId: j.id, name: j.name, orgId: '', grants: [] },
      }
      for (const c of candidates) {
        const scores = Object.fromEntries(
          RUBRIC.map((r) => [r.key, Math.round(r.maxScore * (0.6 + 0.4 * rand()))]),
        )
        await submitScore(db, jurorCtx, campaign.id, c.id, { scores, comment: '事迹突出' })
      }
    }
  }

  const base = (
    orgName: string,
    name: string,
    honourTitle: string,
    year: number,
    categories: { name: string; honourCount: number }[],
    parentCampaignId?: string,
  ): CreateCampaignBody => ({
    orgId: org(orgName),
    parentCampaignId,
    name,
    honourTitle,
    year,
    description: `${name}：面向${orgName}所属各级工会和职工的年度工匠评选，职工海选推荐、全媒体公示、职工投票与专家评审相结合。`,
    categories,
    schedule: scheduleOf(year),
    ...(parentCampaignId
      ? {}
      : { rules: RULES, quotas: { minFrontLineShare: 0.5 }, rubric: RUBRIC }),
    phaseMode: 'manual',
  })

  // ---- 2020: 陇原工匠, announced with honours; its four sub-campaigns, announced ----
  const longyuan = await createCampaign(
    db,
    ctx,
    base('甘肃省总工会', '2020年“陇原工匠”评选', '陇原工匠', 2020, [
      { name: '技能工匠', honourCount: 4 },
      { name: '创新工匠', honourCount: 2 },
    ]),
  )
  for (const j of jurors) await addJuror(db, ctx, longyuan.id, j.id)
  await advanceTo(longyuan, 'draft', 'voting')
  const lyCandidates = await fillCampaign(longyuan, LONGYUAN_2020, {
    ballots: 1600,
    asMembers: true,
    seed: 2020,
  })
  await advanceTo(longyuan, 'voting', 'jury')
  await scoreAll(longyuan, lyCandidates, 7)
  await advanceTo(longyuan, 'jury', 'result_publicity')
  await announce(db, ctxAt(2020, 'announced'), longyuan.id)

  const CHILDREN: [string, string, string][] = [
    ['兰州市总工会', '金城工匠', '2020年“金城工匠”评选'],
    ['武威市总工会', '天马工匠', '2020年“天马工匠”评选'],
    ['兰州铁路局工会', '兰铁工匠', '2020年“兰铁工匠”评选'],
    ['嘉峪关市总工会', '雄关工匠', '2020年“雄关工匠”评选'],
  ]
  for (const [i, [orgName, title, name]] of CHILDREN.entries()) {
    const child = await createCampaign(
      db,
      ctx,
      base(orgName, name, title, 2020, [{ name: '技能工匠', honourCount: 2 }], longyuan.id),
    )
    await advanceTo(child, 'draft', 'voting')
    await fillCampaign(
      child,
      { 技能工匠: CHILD_PEOPLE[orgName]! },
      { ballots: 120, asMembers: false, seed: 100 + i },
    )
    await advanceTo(child, 'voting', 'result_publicity', NO_JURY)
    await announce(db, ctxAt(2020, 'announced'), child.id)
  }

  // ---- 2021: 陇原工匠 taking nominations, with 金城工匠's winners put forward; 天马 voting ----
  const longyuan2021 = await createCampaign(
    db,
    ctx,
    base('甘肃省总工会', '2021年“陇原工匠”评选', '陇原工匠', 2021, [
      { name: '技能工匠', honourCount: 4 },
      { name: '创新工匠', honourCount: 2 },
    ]),
  )
  const jincheng2021 = await createCampaign(
    db,
    ctx,
    base(
      '兰州市总工会',
      '2021年“金城工匠”评选',
      '金城工匠',
      2021,
      [{ name: '技能工匠', honourCount: 2 }],
      longyuan2021.id,
    ),
  )
  await advanceTo(jincheng2021, 'draft', 'voting')
  await fillCampaign(
    jincheng2021,
    {
      技能工匠: [
        { name: '兰新华', trade: '数控铣工', employer: '兰州市总工会', frontLine: true },
        { name: '兰思远', trade: '汽车维修工', employer: '兰州市总工会', frontLine: true },
        { name: '兰静', trade: '技术管理', employer: '兰州市总工会', frontLine: false },
      ],
    },
    { ballots: 150, asMembers: false, seed: 2021 },
  )
  await advanceTo(jincheng2021, 'voting', 'result_publicity', NO_JURY)
  const jcResults = await announce(db, ctxAt(2021, 'announced'), jincheng2021.id)
  await advanceTo(longyuan2021, 'draft', 'nomination')
  await putForward(db, ctxAt(2021, 'nomination'), longyuan2021.id, {
    childCampaignId: jincheng2021.id,
    candidateIds: jcResults.categories.flatMap((c) =>
      c.rows.filter((r) => r.isWinner).map((r) => r.candidateId),
    ),
  })

  const tianma2021 = await createCampaign(
    db,
    ctx,
    base(
      '武威市总工会',
      '2021年“天马工匠”评选',
      '天马工匠',
      2021,
      [{ name: '技能工匠', honourCount: 2 }],
      longyuan2021.id,
    ),
  )
  await advanceTo(tianma2021, 'draft', 'voting')
  await fillCampaign(
    tianma2021,
    {
      技能工匠: [
        { name: '武振邦', trade: '葡萄种植技术员', employer: '武威市总工会', frontLine: true },
        { name: '武春花', trade: '纺织挡车工', employer: '武威市总工会', frontLine: true },
        { name: '武德', trade: '设备维修', employer: '武威市总工会', frontLine: false },
        { name: '武晓', trade: '质检', employer: '武威市总工会', frontLine: false },
      ],
    },
    { ballots: 400, asMembers: false, seed: 4 },
  )

  return { campaigns: 8, ballots: 1600 + 4 * 120 + 150 + 400 }
}
