import { describe, expect, it } from 'vitest'
import { consentTokenFor, verifyConsentToken } from './consent-token'
import { checkQuotas } from './quota-check'
import { isTopLevel, levelAbove, reviewLevelsFor, type CampaignNode } from './review-levels'

const node = (id: string, parentId: string | null, orgPath: string): CampaignNode => ({
  id,
  parentId,
  orgId: `org-${id}`,
  orgPath,
})

describe('reviewLevelsFor', () => {
  // 陇原工匠 at /r/g/, 金城工匠 at /r/g/lz/, a district campaign under it at /r/g/lz/d/.
  const nodes = [
    node('top', 'national', '/r/g/'),
    node('city', 'top', '/r/g/lz/'),
    node('district', 'city', '/r/g/lz/d/'),
    node('rail', 'top', '/r/g/rail/'),
  ]

  it('starts at the deepest campaign org above the employer and ends at the campaign org', () => {
    const levels = reviewLevelsFor('top', nodes, '/r/g/lz/d/factory/')
    expect(levels.map((l) => l.id)).toEqual(['district', 'city', 'top'])
    expect(levelAbove(levels, 'org-district')?.id).toBe('city')
    expect(levelAbove(levels, 'org-top')).toBeNull()
    expect(isTopLevel(levels, 'org-top')).toBe(true)
    expect(isTopLevel(levels, 'org-city')).toBe(false)
  })

  it('reviews at the top only when no child campaign holds the employer', () => {
    expect(reviewLevelsFor('top', nodes, '/r/g/ww/').map((l) => l.id)).toEqual(['top'])
    expect(reviewLevelsFor('top', nodes, '/r/g/').map((l) => l.id)).toEqual(['top'])
  })

  it('does not treat a sibling with a common path prefix as an ancestor', () => {
    expect(reviewLevelsFor('top', nodes, '/r/g/railway/').map((l) => l.id)).toEqual(['top'])
    expect(reviewLevelsFor('top', nodes, '/r/g/rail/x/').map((l) => l.id)).toEqual(['rail', 'top'])
  })
})

describe('consent tokens', () => {
  it('verifies its own tokens and refuses other secrets or tampering', () => {
    const id = '01900000-0000-7000-8000-000000000001'
    const token = consentTokenFor('s3cret', id)
    expect(verifyConsentToken('s3cret', token)).toBe(id)
    expect(verifyConsentToken('other', token)).toBeNull()
    expect(verifyConsentToken('s3cret', `${id.slice(0, -1)}2.${token.split('.')[1]}`)).toBeNull()
    expect(verifyConsentToken('s3cret', 'garbage')).toBeNull()
  })
})

describe('checkQuotas', () => {
  const categories = [
    { id: 'skill', name: '技能类', honourCount: 3 },
    { id: 'innov', name: '创新类', honourCount: 1 },
  ]

  it('passes when every category is filled and the front-line share is met', () => {
    const r = checkQuotas({
      categories,
      counts: new Map([
        ['skill', { accepted: 3, acceptedFrontLine: 2, pending: 0 }],
        ['innov', { accepted: 1, acceptedFrontLine: 1, pending: 0 }],
      ]),
      minFrontLineShare: 0.5,
    })
    expect(r.ok).toBe(true)
    expect(r.frontLine).toEqual({ accepted: 4, frontLine: 3, share: 0.75, required: 0.5 })
  })

  it('applies the share to each category as the ranking does: a category without front-line workers fails', () => {
    // Campaign-wide 2 of 4 are front-line (50 %), but both are in 技能类: 创新类's one winner
    // would not be front-line, and the ranking could not fix it.
    const r = checkQuotas({
      categories,
      counts: new Map([
        ['skill', { accepted: 3, acceptedFrontLine: 2, pending: 0 }],
        ['innov', { accepted: 1, acceptedFrontLine: 0, pending: 0 }],
      ]),
      minFrontLineShare: 0.5,
    })
    expect(r.problems).toEqual([
      {
        code: 'QUOTA_CATEGORY_FRONT_LINE',
        categoryId: 'innov',
        params: { category: '创新类', winners: 1, required: 50, needed: 1, frontLine: 0 },
        message:
          '「创新类」将评出 1 人，按一线职工不低于 50% 至少需 1 名一线职工，已入选的一线职工只有 0 人',
      },
    ])
    expect(r.categories.map((c) => c.acceptedFrontLine)).toEqual([2, 0])
  })

  it('explains shortfall, excess and the front-line gap', () => {
    const r = checkQuotas({
      categories,
      counts: new Map([
        ['skill', { accepted: 1, acceptedFrontLine: 0, pending: 2 }],
        ['innov', { accepted: 3, acceptedFrontLine: 0, pending: 0 }],
      ]),
      minFrontLineShare: 0.5,
      maxCandidatesPerHonour: 2,
    })
    expect(r.ok).toBe(false)
    expect(r.problems.map((p) => [p.code, p.categoryId])).toEqual([
      ['QUOTA_CATEGORY_SHORTFALL', 'skill'],
      ['QUOTA_CATEGORY_FRONT_LINE', 'skill'],
      ['QUOTA_CATEGORY_EXCESS', 'innov'],
      ['QUOTA_CATEGORY_FRONT_LINE', 'innov'],
      ['QUOTA_FRONT_LINE_SHARE', null],
    ])
    expect(r.problems[0]!.message).toBe(
      '「技能类」已入选 1 人，少于表彰名额 3 人，还差 2 人（另有 2 人待审核）',
    )
    expect(r.problems[2]!.message).toContain('需减少 1 人')
    // 4 others need 4 front-line workers for 50 %.
    expect(r.problems[4]!.message).toContain('至少还需 4 名一线职工')
    // The numbers behind each sentence, for rendering in any language.
    expect(r.problems.map((p) => p.params)).toEqual([
      { category: '技能类', accepted: 1, honourCount: 3, missing: 2, pending: 2 },
      { category: '技能类', winners: 1, required: 50, needed: 1, frontLine: 0 },
      { category: '创新类', accepted: 3, cap: 2, honourCount: 1, factor: 2, excess: 1 },
      { category: '创新类', winners: 1, required: 50, needed: 1, frontLine: 0 },
      { share: 0, frontLine: 0, accepted: 4, required: 50, missing: 4 },
    ])
  })

  it('says when only front-line workers can meet the share', () => {
    const r = checkQuotas({
      categories: [{ id: 'skill', name: '技能类', honourCount: 1 }],
      counts: new Map([['skill', { accepted: 3, acceptedFrontLine: 2, pending: 0 }]]),
      minFrontLineShare: 1,
    })
    expect(r.problems).toEqual([
      {
        code: 'QUOTA_FRONT_LINE_SHARE',
        categoryId: null,
        params: { share: 66.7, frontLine: 2, accepted: 3, required: 100, missing: null },
        message: '一线职工占入选人数的 66.7%（2/3），低于要求的 100%，要求全部为一线职工',
      },
    ])
  })

  it('reports an empty category as a shortfall and no share problem when the quota is 0', () => {
    const r = checkQuotas({ categories, counts: new Map(), minFrontLineShare: 0 })
    expect(r.problems.map((p) => p.code)).toEqual([
      'QUOTA_CATEGORY_SHORTFALL',
      'QUOTA_CATEGORY_SHORTFALL',
    ])
  })
})
