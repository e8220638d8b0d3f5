import { CreateCampaignBodySchema } from '@unionhall/contracts'
import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import {
  buildSchedule,
  checkWeights,
  initialValues,
  rubricItemsOf,
  toCreateBody,
  type DateRange,
} from './wizard-model'

const d = (s: string) => dayjs(s)
const ranges = (): Record<string, DateRange> => ({
  nomination: [d('2026-03-01'), d('2026-03-31')],
  review: [d('2026-04-01'), d('2026-04-10')],
  publicity: [d('2026-04-11'), d('2026-04-17')],
  voting: [d('2026-04-18'), d('2026-04-30')],
  jury: [d('2026-05-01'), d('2026-05-07')],
  result_publicity: [d('2026-05-08'), d('2026-05-14')],
})

describe('buildSchedule', () => {
  it('builds a schedule the contract accepts when phases follow each other', () => {
    const { schedule, problems } = buildSchedule(ranges())
    expect(problems).toEqual({})
    expect(schedule?.voting.startsAt).toBe(d('2026-04-18').startOf('day').toISOString())
    expect(schedule?.voting.endsAt).toBe(d('2026-04-30').endOf('day').toISOString())
  })

  it('flags a phase that starts before the previous one ends', () => {
    const r = ranges()
    r.voting = [d('2026-04-15'), d('2026-04-30')]
    const { schedule, problems } = buildSchedule(r)
    expect(schedule).toBeNull()
    expect(problems).toEqual({ voting: 'CAMPAIGN_SCHEDULE_OVERLAP' })
  })

  it('flags phases out of order and a phase sharing a day with the previous one', () => {
    const r = ranges()
    r.review = [d('2026-02-01'), d('2026-02-10')]
    r.publicity = [d('2026-04-10'), d('2026-04-17')]
    const { problems } = buildSchedule(r)
    expect(problems.review).toBe('CAMPAIGN_SCHEDULE_OVERLAP')
    expect(problems.publicity).toBeUndefined()
    const r2 = ranges()
    r2.review = [d('2026-03-31'), d('2026-04-10')]
    expect(buildSchedule(r2).problems).toEqual({ review: 'CAMPAIGN_SCHEDULE_OVERLAP' })
  })

  it('flags missing periods', () => {
    const r = ranges()
    r.jury = null
    r.publicity = [d('2026-04-11'), null]
    const { problems } = buildSchedule(r)
    expect(problems).toEqual({ jury: 'required', publicity: 'required' })
  })
})

describe('checkWeights', () => {
  it('accepts weights adding up to 100%', () => {
    expect(checkWeights(60, 40)).toEqual({ ok: true, sum: 100, publicVote: 0.6, jury: 0.4 })
    expect(checkWeights(70, 30).ok).toBe(true)
  })

  it('refuses weights not adding up to 100%', () => {
    expect(checkWeights(60, 30)).toMatchObject({ ok: false, sum: 90 })
    expect(checkWeights(undefined, 40)).toMatchObject({ ok: false, sum: 40 })
  })
})

describe('toCreateBody', () => {
  const orgId = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'
  it('turns the default values (with a name and dates) into a valid create body', () => {
    const v = initialValues(orgId, null, ['技能水平', '创新成果', '传帮带作用'])
    const body = toCreateBody(
      {
        ...v,
        name: '2026 年度陇原工匠评选',
        honourTitle: '陇原工匠',
        categories: [{ name: '制造业', honourCount: 10 }],
        schedule: ranges(),
      },
      false,
    )
    const parsed = CreateCampaignBodySchema.safeParse(body)
    expect(parsed.success).toBe(true)
    expect(body.rules).toMatchObject({
      weights: { publicVote: 0.6, jury: 0.4 },
      hours: { start: '08:00', end: '22:00' },
    })
    expect(body.quotas).toEqual({ minFrontLineShare: 0.5 })
    expect(body.rubric).toEqual([
      { key: 'item_1', label: '技能水平', maxScore: 40 },
      { key: 'item_2', label: '创新成果', maxScore: 30 },
      { key: 'item_3', label: '传帮带作用', maxScore: 30 },
    ])
  })

  it('sends the anti-fraud limits only when they differ from the defaults', () => {
    const v = initialValues(orgId, null, ['a', 'b', 'c'])
    const base = {
      ...v,
      name: '评选',
      honourTitle: '工匠',
      categories: [{ name: '制造业', honourCount: 10 }],
      schedule: ranges(),
    }
    const plain = toCreateBody(base, false)
    expect((plain.rules as { limits?: unknown }).limits).toBeUndefined()
    const limits = { perVoterPerMinute: 5, perDevicePerMinute: 30, perIpPerMinute: 3000 }
    const tuned = toCreateBody({ ...base, rules: { ...v.rules, limits } }, false)
    expect((tuned.rules as { limits?: unknown }).limits).toEqual(limits)
    expect(CreateCampaignBodySchema.safeParse(tuned).success).toBe(true)
    const tooLow = { ...limits, perIpPerMinute: 50 }
    expect(
      CreateCampaignBodySchema.safeParse(
        toCreateBody({ ...base, rules: { ...v.rules, limits: tooLow } }, false),
      ).success,
    ).toBe(false)
  })

  it('makes the contract refuse weights not adding up to 1', () => {
    const v = initialValues(orgId, null, ['a', 'b', 'c'])
    const body = toCreateBody(
      {
        ...v,
        name: '评选',
        honourTitle: '工匠',
        categories: [{ name: '制造业', honourCount: 10 }],
        schedule: ranges(),
        rules: { ...v.rules, publicVotePct: 50, juryPct: 30 },
      },
      false,
    )
    const parsed = CreateCampaignBodySchema.safeParse(body)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.message)).toContain('CAMPAIGN_WEIGHTS_SUM')
  })

  it('leaves out the inherited rules of a child campaign', () => {
    const v = initialValues(orgId, null, ['a', 'b', 'c'])
    const body = toCreateBody({ ...v, schedule: ranges() }, true)
    expect(body).not.toHaveProperty('rules')
    expect(body).not.toHaveProperty('rubric')
    expect(body).not.toHaveProperty('quotas')
  })

  it('sends null hours when voting is open around the clock', () => {
    const v = initialValues(orgId, null)
    const body = toCreateBody({ ...v, rules: { ...v.rules, roundTheClock: true } }, false)
    expect((body.rules as { hours: unknown }).hours).toBeNull()
  })
})

describe('rubricItemsOf', () => {
  it('numbers new items item_1, item_2… and never reuses a key another item keeps', () => {
    expect(
      rubricItemsOf([
        { label: '甲', maxScore: 50 },
        { label: '乙', maxScore: 50 },
      ]),
    ).toEqual([
      { key: 'item_1', label: '甲', maxScore: 50 },
      { key: 'item_2', label: '乙', maxScore: 50 },
    ])
    // item_1 was removed, item_2 kept: the new items take item_1 and item_3.
    expect(
      rubricItemsOf([
        { label: '新甲', maxScore: 10 },
        { key: 'item_2', label: '乙', maxScore: 50 },
        { label: '新丙', maxScore: 40 },
      ]).map((i) => i.key),
    ).toEqual(['item_1', 'item_2', 'item_3'])
  })
})
