import { describe, expect, it } from 'vitest'
import { addDays, chinaToday, validateClaim, validateEdit, validatePost } from './wish-form'

const today = '2026-11-29'
const ok = {
  title: ' 想给孩子买一套学习用品 ',
  description: '',
  category: 'study' as const,
  deadline: '2026-12-20',
  stationId: '',
}

describe('wish post form', () => {
  it('names every missing field', () => {
    const { errors, body } = validatePost(
      { title: '  ', description: '', category: '', deadline: '', stationId: '' },
      today,
    )
    expect(body).toBeNull()
    expect(errors).toEqual({
      title: 'titleRequired',
      category: 'categoryRequired',
      deadline: 'deadlineRequired',
    })
  })

  it('refuses a title over 60, a past deadline and one beyond 180 days', () => {
    expect(validatePost({ ...ok, title: '字'.repeat(61) }, today).errors.title).toBe('titleTooLong')
    expect(validatePost({ ...ok, deadline: '2026-11-28' }, today).errors.deadline).toBe(
      'deadlinePast',
    )
    expect(validatePost({ ...ok, deadline: addDays(today, 181) }, today).errors.deadline).toBe(
      'deadlineTooFar',
    )
    expect(validatePost({ ...ok, deadline: addDays(today, 180) }, today).body).not.toBeNull()
  })

  it('trims, and sends the station only when there is one', () => {
    expect(validatePost(ok, today).body).toEqual({
      title: '想给孩子买一套学习用品',
      description: '',
      category: 'study',
      deadline: '2026-12-20',
    })
    expect(validatePost({ ...ok, stationId: 'abc' }, today).body).toMatchObject({
      stationId: 'abc',
    })
  })

  it('counts today in China, not in UTC', () => {
    // 17:00 UTC is already 01:00 the next day in Shanghai.
    expect(chinaToday(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30')
    expect(chinaToday(new Date('2026-11-29T15:59:00Z'))).toBe('2026-11-29')
  })
})

describe('wish edit form', () => {
  it('checks as the post form does', () => {
    const { errors, body } = validateEdit({ ...ok, title: ' ', deadline: '2026-11-28' }, today)
    expect(body).toBeNull()
    expect(errors).toEqual({ title: 'titleRequired', deadline: 'deadlinePast' })
  })

  it('names every field, and a removed station as null (a missing key would keep it)', () => {
    expect(validateEdit({ ...ok, stationId: 'abc' }, today).body).toEqual({
      title: '想给孩子买一套学习用品',
      description: '',
      category: 'study',
      deadline: '2026-12-20',
      stationId: 'abc',
    })
    expect(validateEdit(ok, today).body).toMatchObject({ stationId: null })
  })
})

describe('claim form', () => {
  const BANK = '01a2270b-7dd3-7662-b520-0268f56c81c9'
  it('needs a chosen partner for a partner company and a due date within the deadline', () => {
    const base = { claimantKind: 'partner_company' as const, partnerId: '', dueDate: '' }
    expect(validateClaim(base, today, '2026-12-20').error).toBe('companyRequired')
    expect(
      validateClaim({ ...base, partnerId: BANK, dueDate: '2026-12-21' }, today, '2026-12-20').error,
    ).toBe('dueInvalid')
    expect(validateClaim({ ...base, partnerId: BANK }, today, '2026-12-20').body).toEqual({
      claimantKind: 'partner_company',
      partnerId: BANK,
    })
    // A partner picked before switching to volunteer is not sent.
    expect(
      validateClaim({ claimantKind: 'volunteer', partnerId: BANK, dueDate: today }, today, today)
        .body,
    ).toEqual({ claimantKind: 'volunteer', dueDate: today })
  })
})
