import { describe, expect, it } from 'vitest'
import {
  CreateStationBodySchema,
  DutyPhoneSchema,
  normaliseDutyPhone,
  UpdateStationBodySchema,
} from './stations'

const parse = (text: string) => DutyPhoneSchema.safeParse(text)

describe('DutyPhoneSchema', () => {
  it('takes a landline with its area code, an extension, a 400/800 number or a mobile', () => {
    const cases: Array<[string, string]> = [
      ['0931-8123456', '0931-8123456'],
      ['0931-8123456-801', '0931-8123456-801'],
      ['09318123456', '0931-8123456'],
      ['010-62345678', '010-62345678'],
      ['01062345678', '010-62345678'],
      ['0755 2345 6789', '0755-23456789'],
      ['（0931）8123456', '0931-8123456'],
      ['0931-8123456转801', '0931-8123456-801'],
      ['０９３１－８１２３４５６', '0931-8123456'],
      ['400-123-4567', '400-123-4567'],
      ['4001234567', '400-123-4567'],
      ['800 810 8888', '800-810-8888'],
      ['+86 931 8123456', '0931-8123456'],
      ['+86-10-62345678', '010-62345678'],
      ['0086 139 1234 5678', '13912345678'],
      ['139 1234 5678', '13912345678'],
      [' 13912345678 ', '13912345678'],
    ]
    for (const [typed, stored] of cases) {
      const r = parse(typed)
      expect(r.success, typed).toBe(true)
      expect(r.data, typed).toBe(stored)
    }
  })

  it('refuses anything else with the code STATION_DUTY_PHONE_INVALID', () => {
    for (const bad of [
      '',
      '8123456', // no area code
      '931-8123456', // area code without its 0
      '0931-0123456', // a local number does not start with 0 or 1
      '0931-8123456-', // an empty extension
      '0931-8123456-1234567', // an extension of 7 digits
      '1391234567', // a mobile one digit short
      '12912345678', // no such mobile prefix
      '500-123-4567',
      '12351',
      '+86 0931 8123456',
      '+1 415 5550100',
      'tel:09318123456',
      '0931-8123456 或 0931-8123457',
    ]) {
      const r = parse(bad)
      expect(r.success, bad).toBe(false)
      expect(
        r.error!.issues.map((i) => i.message),
        bad,
      ).toEqual(['STATION_DUTY_PHONE_INVALID'])
    }
  })

  it('keeps a value it cannot read as typed, for the message to quote', () => {
    expect(normaliseDutyPhone(' 8123 456 ')).toBe('8123456')
  })

  it('is optional and clearable in the station bodies, with no default', () => {
    const body = {
      orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
      name: '驿站',
      kind: 'other',
      address: '地址',
      lat: 36,
      lng: 103,
      schedule: { alwaysOpen: true, weekly: [] },
      capacity: 5,
      contactName: '王师傅',
      contactMobile: '13912345678',
    }
    expect(CreateStationBodySchema.parse(body).dutyPhone).toBeUndefined()
    expect(CreateStationBodySchema.parse({ ...body, dutyPhone: null }).dutyPhone).toBeNull()
    expect(CreateStationBodySchema.parse({ ...body, dutyPhone: '0931 8123456' }).dutyPhone).toBe(
      '0931-8123456',
    )
    // A PATCH without the key leaves the stored number alone; null clears it.
    expect('dutyPhone' in UpdateStationBodySchema.parse({ capacity: 3 })).toBe(false)
    expect(UpdateStationBodySchema.parse({ dutyPhone: null }).dutyPhone).toBeNull()
    const bad = UpdateStationBodySchema.safeParse({ dutyPhone: '123' })
    expect(bad.error!.issues).toMatchObject([
      { path: ['dutyPhone'], message: 'STATION_DUTY_PHONE_INVALID' },
    ])
  })
})
