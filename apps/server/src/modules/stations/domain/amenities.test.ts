import { describe, expect, it } from 'vitest'
import { AMENITY_CODES as CONTRACT_AMENITY_CODES } from '@unionhall/contracts'
import {
  ALL_AMENITIES_MASK,
  AMENITIES,
  AMENITY_CODES,
  amenityCodes,
  amenityMask,
  hasAmenities,
  isAmenityCode,
  isValidAmenityMask,
} from './amenities'

describe('amenities', () => {
  it('keeps its stable codes and bits (stored data depends on them: never renumber)', () => {
    expect(Object.fromEntries(AMENITIES.map((a) => [a.code, a.bit]))).toEqual({
      drinking_water: 0,
      microwave: 1,
      fridge: 2,
      tv: 3,
      wifi: 4,
      phone_charging: 5,
      umbrella: 6,
      locker: 7,
      books: 8,
      toilet: 9,
      first_aid: 10,
      seating: 11,
      air_conditioning: 12,
      heating: 13,
      repair_kit: 14,
      sewing_kit: 15,
      ebike_charging: 16,
      washbasin: 17,
    })
  })

  it('has unique codes and bits, all below 31', () => {
    expect(new Set(AMENITY_CODES).size).toBe(AMENITIES.length)
    expect(new Set(AMENITIES.map((a) => a.bit)).size).toBe(AMENITIES.length)
    for (const a of AMENITIES) {
      expect(a.bit).toBeGreaterThanOrEqual(0)
      expect(a.bit).toBeLessThan(31)
      expect(a.code).toMatch(/^[a-z][a-z_]*$/)
    }
    expect(ALL_AMENITIES_MASK).toBe((1 << AMENITIES.length) - 1)
  })

  it('converts codes to a mask and back', () => {
    const mask = amenityMask(['microwave', 'toilet', 'drinking_water'])
    expect(mask).toBe(0b10_0000_0011)
    expect(amenityCodes(mask)).toEqual(['drinking_water', 'microwave', 'toilet'])
    expect(amenityMask([])).toBe(0)
    expect(amenityCodes(ALL_AMENITIES_MASK)).toEqual(AMENITY_CODES)
    expect(() => amenityMask(['sauna'])).toThrow(RangeError)
    expect(isAmenityCode('wifi')).toBe(true)
    expect(isAmenityCode('sauna')).toBe(false)
  })

  it('tests required amenities and mask validity', () => {
    const offered = amenityMask(['wifi', 'toilet', 'first_aid'])
    expect(hasAmenities(offered, amenityMask(['wifi', 'toilet']))).toBe(true)
    expect(hasAmenities(offered, 0)).toBe(true)
    expect(hasAmenities(offered, amenityMask(['wifi', 'microwave']))).toBe(false)
    expect(isValidAmenityMask(offered)).toBe(true)
    expect(isValidAmenityMask(1 << 30)).toBe(false)
    expect(isValidAmenityMask(-1)).toBe(false)
    expect(isValidAmenityMask(1.5)).toBe(false)
  })
})

describe('the contract list', () => {
  it('names the same amenities, in bit order, as the API contract (forms and imports use it)', () => {
    expect([...CONTRACT_AMENITY_CODES]).toEqual([...AMENITY_CODES])
    expect(AMENITIES.map((a) => a.bit)).toEqual(AMENITIES.map((_, i) => i))
  })
})
