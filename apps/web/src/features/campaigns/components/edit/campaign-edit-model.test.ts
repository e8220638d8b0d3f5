import type { Campaign } from '@unionhall/contracts'
import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../../lib/i18n'
import '../../../../test/setup'
import {
  checkEdit,
  editValuesOf,
  rubricLockOf,
  rulesEditable,
  toUpdateBody,
} from './campaign-edit-model'

const period = (from: string, to: string) => ({
  startsAt: `${from}T00:00:00.000Z`,
  endsAt: `${to}T23:59:59.999Z`,
})

const campaign: Campaign = {
  id: '01a2270b-9000-7000-8000-000000000001',
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: '2026 年度陇原工匠评选',
  honourTitle: '陇原工匠',
  year: 2026,
  description: '说明',
  coverImageUrl: 'http://legacy.example.org/cover.jpg',
  phase: 'publicity',
  phaseMode: 'auto',
  schedule: {
    nomination: period('2026-03-01', '2026-03-31'),
    review: period('2026-04-01', '2026-04-10'),
    publicity: period('2026-04-11', '2026-04-17'),
    voting: period('2026-04-18', '2026-04-30'),
    jury: period('2026-05-01', '2026-05-07'),
    result_publicity: period('2026-05-08', '2026-05-14'),
  },
  rules: {
    sealed: true,
    eligibility: 'members',
    votesPerDay: 10,
    maxPerCandidatePerDay: 1,
    maxChoicesPerBallot: 10,
    hours: { start: '08:00', end: '22:00' },
    weights: { publicVote: 0.6, jury: 0.4 },
  },
  rulesLockedAt: null,
  quotas: { minFrontLineShare: 0.5 },
  rubric: [{ key: 'skill', label: '技能水平', maxScore: 100 }],
  categories: [],
  createdAt: '2026-02-01T00:00:00.000Z',
}

const t = i18n.t.bind(i18n)

describe('campaign edit model', () => {
  it('sends nothing when nothing changed, even an old http cover or rules in another key order', () => {
    expect(toUpdateBody(editValuesOf(campaign), campaign)).toEqual({})
  })

  it('sends only what changed: a new cover, a removed one, one moved phase with the whole schedule', () => {
    const values = editValuesOf(campaign)
    const cover = '/api/v1/uploads/01a2270b-9000-7000-8000-0000000000e1'

    expect(toUpdateBody({ ...values, coverImageUrl: cover }, campaign)).toEqual({
      coverImageUrl: cover,
    })
    expect(toUpdateBody({ ...values, coverImageUrl: null }, campaign)).toEqual({
      coverImageUrl: null,
    })
    const moved = {
      ...values,
      schedule: { ...values.schedule, jury: [dayjs('2026-05-02'), dayjs('2026-05-07')] },
    } as typeof values
    const body = toUpdateBody(moved, campaign)
    expect(Object.keys(body)).toEqual(['schedule'])
    const schedule = body.schedule as Campaign['schedule']
    expect(schedule.voting).toEqual(campaign.schedule.voting)
    expect(schedule.jury.startsAt).toBe(dayjs('2026-05-02').startOf('day').toISOString())
  })

  it('leaves rules and quotas out once voting has opened or for a child campaign', () => {
    const values = editValuesOf(campaign)
    const changed = { ...values, rules: { ...values.rules, votesPerDay: 3 } }

    expect(toUpdateBody(changed, campaign)).toMatchObject({ rules: { votesPerDay: 3 } })
    const locked = { ...campaign, rulesLockedAt: '2026-04-18T00:00:00.000Z' }
    expect(rulesEditable(locked)).toBe(false)
    expect(toUpdateBody(changed, locked)).toEqual({})
    expect(rulesEditable({ ...campaign, parentCampaignId: campaign.id })).toBe(false)
  })

  it('checks with the contract and puts each problem on its field', () => {
    const values = editValuesOf(campaign)
    const result = checkEdit(
      t,
      {
        ...values,
        name: 'x',
        coverImageUrl: 'javascript:alert(1)',
        rules: { ...values.rules, publicVotePct: 70 },
        schedule: { ...values.schedule, review: [dayjs('2026-03-20'), dayjs('2026-04-10')] },
      },
      campaign,
    )

    expect(result.ok).toBe(false)
    const names = result.ok ? [] : result.errors.map((e) => e.name.join('.'))
    expect(names).toEqual(
      expect.arrayContaining(['name', 'coverImageUrl', 'rules.juryPct', 'schedule.review']),
    )
  })

  it('locks the rubric for a child, after the jury phase, with scores, or while scores are unknown', () => {
    expect(rubricLockOf(campaign, 0)).toBeNull()
    expect(rubricLockOf({ ...campaign, phase: 'jury', rulesLockedAt: '2026-04-18' }, 0)).toBeNull()
    expect(rubricLockOf(campaign, 4)).toEqual({ reason: 'scores', count: 4 })
    expect(rubricLockOf({ ...campaign, phase: 'result_publicity' }, 0)).toEqual({ reason: 'phase' })
    expect(rubricLockOf({ ...campaign, parentCampaignId: campaign.id }, 0)).toEqual({
      reason: 'inherited',
    })
    expect(rubricLockOf(campaign, undefined)).toEqual({ reason: 'loading' })
    expect(rubricLockOf(campaign, null)).toEqual({ reason: 'unknown' })
  })

  it('sends the rubric only when it may change and differs, keeping keys and keying new items', () => {
    const values = editValuesOf(campaign)
    const rubric = [...values.rubric!, { label: '创新成果', maxScore: 20 }]

    expect(toUpdateBody(values, campaign, true)).toEqual({})
    expect(toUpdateBody({ ...values, rubric }, campaign, true)).toEqual({
      rubric: [
        { key: 'skill', label: '技能水平', maxScore: 100 },
        { key: 'item_1', label: '创新成果', maxScore: 20 },
      ],
    })
    expect(toUpdateBody({ ...values, rubric }, campaign, false)).toEqual({})
  })

  it('puts rubric problems on the item fields, a duplicate key on its label', () => {
    const values = editValuesOf(campaign)
    const check = (rubric: typeof values.rubric) => {
      const result = checkEdit(t, { ...values, rubric }, campaign, true)
      return result.ok ? [] : result.errors.map((e) => [e.name.join('.'), ...e.errors])
    }

    const bad = check([
      { key: 'skill', label: '技能水平', maxScore: 100 },
      { key: 'teamwork', label: '', maxScore: 0 },
    ]).map(([name]) => name)
    expect(bad).toEqual(expect.arrayContaining(['rubric.1.label', 'rubric.1.maxScore']))
    expect(
      check([
        { key: 'skill', label: '技能水平', maxScore: 60 },
        { key: 'skill', label: '技能水平（重复）', maxScore: 40 },
      ]),
    ).toEqual([['rubric.1.label', '评分项重复，请删除重复的评分项']])
  })
})
