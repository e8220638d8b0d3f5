import type { ClaimantKind, PoliticalStatus, WishCategory, WishStatus } from '@unionhall/contracts'
import type { Ctx } from '../core/access'
import { createMember } from '../core/members'
import { grantRoleAsSystem } from '../core/roles'
import {
  addPartnerMember,
  claimWish,
  confirmMyWish,
  createPartner,
  createWishForWorker,
  expireDueClaims,
  fulfilClaim,
  postWish,
  reopenMyWish,
  reviewWish,
  updateMyWish,
  withdrawMyWish,
} from '../modules/wishes'
import type { FieldCrypto } from '../platform/crypto/field-crypto'
import type { Db } from '../platform/db/create-db'

/**
 * Micro-wishes (微心愿) of the seed page in every state: awaiting review (one corrected by its
 * worker), withdrawn by its worker, turned down, on the wall (one reopened, one back after its
 * claim expired), claimed by a party member and by a
 * partner bank, delivered and awaiting confirmation, confirmed with thanks, confirmed by the
 * system after the worker's silence, expired. Everything
 * goes through the wishes services on a clock relative to ctx.now, so times to claim and to
 * fulfil in the reports are realistic; the expiry job runs at the end.
 *
 * People (password Demo@2026, all at 龙岗区建筑行业工联会 or 龙岗区总工会): two workers who post
 * wishes from their phones, a volunteer, a party member and a partner bank's staff who claim.
 * Their political status is what the union keeps; the party member's says 中共党员, which
 * claiming as a party member needs (ADR 0033).
 */

export const DEMO_WISH_PEOPLE: Record<
  'workerA' | 'workerB' | 'volunteer' | 'partyMember' | 'bank',
  { name: string; mobile: string; org: string; politicalStatus: PoliticalStatus }
> = {
  workerA: {
    name: '李建国',
    mobile: '13620760001',
    org: '龙岗区建筑行业工联会',
    politicalStatus: 'masses',
  },
  workerB: {
    name: '王秀英',
    mobile: '13620760002',
    org: '龙岗区建筑行业工联会',
    politicalStatus: 'unknown',
  },
  volunteer: {
    name: '赵志红',
    mobile: '13620760011',
    org: '龙岗区总工会',
    politicalStatus: 'cyl_member',
  },
  partyMember: {
    name: '钱卫国',
    mobile: '13620760012',
    org: '龙岗区总工会',
    politicalStatus: 'cpc_member',
  },
  bank: { name: '孙丽', mobile: '13620760013', org: '龙岗区总工会', politicalStatus: 'masses' },
}

const BANK_NAME = '平安银行深圳龙岗支行'
/**
 * A delivery photo. The demo has no uploaded files, so fulfilled wishes point at an https
 * image; pass `photoUrl` (an upload path) to use a stored one.
 */
const DEFAULT_PHOTO = 'https://img.unionhall.example/wishes/delivery.jpg'

const DAY = 86_400_000
const HOUR = 3_600_000

/** YYYY-MM-DD in China `days` after the instant. */
const chinaDate = (at: Date, days: number) =>
  new Date(at.getTime() + 8 * HOUR + days * DAY).toISOString().slice(0, 10)

/**
 * @param deps the wishes module's dependencies
 * @param ctx acts as staff (the demo passes the platform admin's context)
 * @param input active station ids to place wishes at (cycled; may be empty), the demo org ids
 *   by name, the demo password (DEMO_PASSWORD; passed in because seed-demo imports this file)
 * @returns the wishes made, each with the status it has after the expiry run
 */
export const seedDemoWishes = async (
  deps: { db: Db; crypto: FieldCrypto },
  ctx: Ctx,
  input: {
    stationIds: readonly string[]
    orgIds: ReadonlyMap<string, string>
    password: string
    photoUrl?: string
  },
): Promise<{ wishes: { id: string; status: WishStatus }[] }> => {
  const { db, crypto } = deps
  const orgId = (name: string) => {
    const id = input.orgIds.get(name)
    if (!id) throw new Error(`seedDemoWishes: no demo org named ${name}`)
    return id
  }
  const photo = input.photoUrl ?? DEFAULT_PHOTO
  const now = ctx.now.getTime()

  // One after another: each member is its own transaction on the one connection.
  const people = {} as Record<keyof typeof DEMO_WISH_PEOPLE, { id: string; name: string }>
  for (const [key, p] of Object.entries(DEMO_WISH_PEOPLE)) {
    const m = await createMember({ db, crypto }, ctx, {
      name: p.name,
      mobile: p.mobile,
      orgId: orgId(p.org),
      password: input.password,
      politicalStatus: p.politicalStatus,
    })
    people[key as keyof typeof DEMO_WISH_PEOPLE] = { id: m.id, name: p.name }
  }
  await grantRoleAsSystem(db, ctx, people.volunteer.id, orgId('龙岗区总工会'), 'volunteer')
  // The bank is a partner registered by 龙岗区总工会, with 孙丽 claiming for it (ADR 0030).
  const bank = await createPartner(deps, ctx, { orgId: orgId('龙岗区总工会'), name: BANK_NAME })
  await addPartnerMember(deps, ctx, bank.id, DEMO_WISH_PEOPLE.bank.mobile)

  /** A context `hoursAgo` before ctx.now, acting as a demo person or as staff (null). */
  const as = (who: keyof typeof people | null, hoursAgo: number): Ctx => {
    const when = new Date(now - hoursAgo * HOUR)
    if (who === null) return { ...ctx, now: when }
    const p = people[who]
    return {
      ...ctx,
      now: when,
      actor: { memberId: p.id, name: p.name, orgId: '', grants: [] },
    }
  }
  const wishes: { id: string; status: WishStatus }[] = []
  /** Records what state a wish is left in, for the caller (and the demo test) to check. */
  const track = (status: WishStatus, id: string) => {
    wishes.push({ id, status })
    return id
  }
  let stationTurn = 0
  const nextStation = () =>
    input.stationIds.length === 0
      ? undefined
      : input.stationIds[stationTurn++ % input.stationIds.length]

  type Spec = {
    title: string
    description: string
    category: WishCategory
    /** Hours before now it was posted. */
    postedAgo: number
    /** Deadline, days after posting. */
    deadlineDays: number
  }
  /** Posted `s.postedAgo` hours ago and, given `publishAfterHours`, published that many hours later. */
  const posted = async (who: 'workerA' | 'workerB', s: Spec, publishAfterHours?: number) => {
    const wish = await postWish(deps, as(who, s.postedAgo), {
      title: s.title,
      description: s.description,
      category: s.category,
      deadline: chinaDate(new Date(now - s.postedAgo * HOUR), s.deadlineDays),
      stationId: nextStation(),
    })
    if (publishAfterHours !== undefined)
      await reviewWish(deps, as(null, s.postedAgo - publishAfterHours), wish.id, {
        publish: true,
      })
    return wish.id
  }
  const walkIn = async (s: Spec, workerName: string, workerMobile: string) => {
    const stationId = nextStation()
    const wish = await createWishForWorker(deps, as(null, s.postedAgo), {
      title: s.title,
      description: s.description,
      category: s.category,
      deadline: chinaDate(new Date(now - s.postedAgo * HOUR), s.deadlineDays),
      ...(stationId ? { stationId } : { orgId: orgId('龙岗区建筑行业工联会') }),
      workerName,
      workerMobile,
      publish: true,
    })
    return wish.id
  }
  const claim = async (
    who: 'volunteer' | 'partyMember' | 'bank',
    wishId: string,
    hoursAgo: number,
    dueInDays: number,
  ) => {
    const kind: ClaimantKind =
      who === 'bank' ? 'partner_company' : who === 'partyMember' ? 'party_member' : 'volunteer'
    const c = await claimWish(deps, as(who, hoursAgo), wishId, {
      claimantKind: kind,
      partnerId: who === 'bank' ? bank.id : undefined,
      dueDate: chinaDate(new Date(now - hoursAgo * HOUR), dueInDays),
    })
    return c.id
  }
  const fulfil = (
    who: 'volunteer' | 'partyMember' | 'bank',
    claimId: string,
    hoursAgo: number,
    note: string,
  ) => fulfilClaim(deps, as(who, hoursAgo), claimId, { photos: [photo], note })

  // ---- awaiting review ----
  const kit = await posted('workerA', {
    title: '想给孩子买一套学习用品',
    description: '孩子今年上三年级，想要书包、文具盒和几本练习册。',
    category: 'study',
    postedAgo: 5,
    deadlineDays: 30,
  })
  const lunchBox = await posted('workerB', {
    title: '需要一个保温饭盒',
    description: '在工地上吃午饭，冬天饭菜很快就凉了。',
    category: 'daily_necessities',
    postedAgo: 2,
    deadlineDays: 20,
  })
  track('pending_review', kit)
  track('pending_review', lunchBox)

  // ---- corrected by the worker, back in review ----
  const jacket = await posted(
    'workerB',
    {
      title: '想要一件棉马甲',
      description: '早上出工天冷。',
      category: 'daily_necessities',
      postedAgo: 30,
      deadlineDays: 25,
    },
    // Published 28 hours ago, then corrected 6 hours ago (which puts it back in review).
    2,
  )
  await updateMyWish(deps, as('workerB', 6), jacket, {
    title: '想要一件棉马甲（XL 码）',
    description: '早上五点出工天冷，想要一件能穿在工装里面的棉马甲，XL 码。',
  })
  track('pending_review', jacket)

  // ---- taken back by the worker ----
  const fan = await posted(
    'workerA',
    {
      title: '想要一台小电扇',
      description: '宿舍夏天太热。',
      category: 'daily_necessities',
      postedAgo: 96,
      deadlineDays: 30,
    },
    // Published 94 hours ago, withdrawn 20 hours ago.
    2,
  )
  await withdrawMyWish(deps, as('workerA', 20), fan, '天气转凉用不上了，留给更需要的工友。')
  track('withdrawn', fan)

  // ---- turned down ----
  const laptop = await posted('workerA', {
    title: '想要一台笔记本电脑',
    description: '想在业余时间学习电脑制图。',
    category: 'skills',
    postedAgo: 72,
    deadlineDays: 30,
  })
  await reviewWish(deps, as(null, 70), laptop, {
    publish: false,
    reason: '超出微心愿金额范围（一般不超过 300 元），已转介困难职工帮扶和技能培训补贴。',
  })
  track('rejected', laptop)

  // ---- on the wall ----
  const gloves = await walkIn(
    {
      title: '冬天骑车送外卖，想要一副防风手套',
      description: '每天早上五点出门，手冻得握不住车把。',
      category: 'daily_necessities',
      postedAgo: 30,
      deadlineDays: 25,
    },
    '黄志明',
    '13728880101',
  )
  const textbooks = await posted(
    'workerB',
    {
      title: '想报名电工培训，需要一套教材',
      description: '准备考低压电工证，想要一套最新的培训教材和题库。',
      category: 'skills',
      postedAgo: 48,
      deadlineDays: 40,
    },
    3,
  )
  const walkingStick = await walkIn(
    {
      title: '老母亲腿脚不便，想要一根助行拐杖',
      description: '老人七十多岁，最好是带四个脚的那种，稳一些。',
      category: 'family',
      postedAgo: 20,
      deadlineDays: 30,
    },
    '陈桂兰',
    '13728880102',
  )
  for (const id of [gloves, textbooks, walkingStick]) track('published', id)

  // ---- claimed ----
  const dictionary = await posted(
    'workerA',
    {
      title: '孩子上初中，想要一本英语词典',
      description: '牛津或者朗文的初中版都可以。',
      category: 'study',
      postedAgo: 96,
      deadlineDays: 30,
    },
    4,
  )
  await claim('partyMember', dictionary, 60, 10)
  track('claimed', dictionary)
  const backBelt = await posted(
    'workerB',
    {
      title: '需要一个护腰带',
      description: '长期搬砖，腰肌劳损，医生建议干活时戴护腰。',
      category: 'health',
      postedAgo: 50,
      deadlineDays: 20,
    },
    2,
  )
  await claim('bank', backBelt, 30, 7)
  track('claimed', backBelt)

  // ---- delivered, awaiting confirmation ----
  const powerBank = await walkIn(
    {
      title: '想要一个充电宝，送餐路上手机常没电',
      description: '手机用了三年，电池不耐用，跑单到下午就没电了。',
      category: 'daily_necessities',
      postedAgo: 120,
      deadlineDays: 30,
    },
    '刘洋',
    '13728880103',
  )
  const pbClaim = await claim('volunteer', powerBank, 100, 7)
  await fulfil('volunteer', pbClaim, 30, '已送到驿站，请刘师傅来取。')
  track('fulfilled', powerBank)

  // ---- confirmed, with thanks ----
  const boots = await posted(
    'workerA',
    {
      title: '需要一双防滑雨靴',
      description: '下雨天在工地和脚手架上容易打滑，43 码。',
      category: 'daily_necessities',
      postedAgo: 240,
      deadlineDays: 30,
    },
    6,
  )
  const bootsClaim = await claim('volunteer', boots, 220, 7)
  await fulfil('volunteer', bootsClaim, 170, '43 码，已交给驿站王师傅。')
  await confirmMyWish(deps, as('workerA', 150), boots, '雨靴很合脚，下雨天干活再也不怕滑了，谢谢！')
  track('confirmed', boots)

  const schoolBag = await posted(
    'workerB',
    {
      title: '想给女儿买一个书包',
      description: '女儿九月上一年级，想要一个轻一点的护脊书包。',
      category: 'study',
      postedAgo: 300,
      deadlineDays: 30,
    },
    5,
  )
  const bagClaim = await claim('bank', schoolBag, 280, 10)
  await fulfil('bank', bagClaim, 200, '支行青年志愿者已送到家中。')
  await confirmMyWish(
    deps,
    as('workerB', 190),
    schoolBag,
    '女儿背上新书包高兴极了，感谢平安银行的志愿者们！',
  )
  track('confirmed', schoolBag)

  // ---- delivered 17 days ago, never confirmed: the job confirms it (WISH_AUTO_CONFIRM_DAYS) ----
  const thermos = await posted(
    'workerB',
    {
      title: '需要一个大容量保温杯',
      description: '夏天在工地上一天要喝很多水，想要一个保温保冷的大水杯。',
      category: 'daily_necessities',
      postedAgo: 500,
      deadlineDays: 40,
    },
    4,
  )
  const thermosClaim = await claim('partyMember', thermos, 480, 7)
  await fulfil('partyMember', thermosClaim, 410, '保温杯已放在驿站储物柜。')
  track('confirmed', thermos)

  // ---- reopened: the claimant never came; back on the wall ----
  const cot = await posted(
    'workerA',
    {
      title: '需要一个午休折叠床',
      description: '中午在工棚休息，想要一张能折叠的行军床。',
      category: 'daily_necessities',
      postedAgo: 150,
      deadlineDays: 30,
    },
    3,
  )
  await claim('partyMember', cot, 140, 10)
  await reopenMyWish(deps, as('workerA', 20), cot, '认领后一直没有联系上，想重新发布。')
  track('published', cot)

  // ---- the claim expires (due in the past): back on the wall when the job runs ----
  const lamp = await walkIn(
    {
      title: '想要一盏护眼台灯',
      description: '孩子晚上在出租屋写作业，灯光太暗。',
      category: 'study',
      postedAgo: 240,
      deadlineDays: 30,
    },
    '周建华',
    '13728880104',
  )
  await claim('volunteer', lamp, 230, 3)
  track('published', lamp)

  // ---- expired: the deadline passed before anyone claimed it ----
  const checkUp = await walkIn(
    {
      title: '想要一张体检卡',
      description: '在户外干了十几年活，想做一次全面体检。',
      category: 'health',
      postedAgo: 400,
      deadlineDays: 10,
    },
    '吴春生',
    '13728880105',
  )
  track('expired', checkUp)

  await expireDueClaims(db, ctx.now)

  return { wishes }
}
