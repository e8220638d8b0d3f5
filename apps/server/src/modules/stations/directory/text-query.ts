import { amenityMask, type AmenityCode } from '../domain/amenities'

/**
 * Reads what a worker types into the search box ("能热饭", "24小时有厕所", "龙岗 充电") as
 * amenity filters, a 24-hour filter and left-over text matched against names and addresses.
 *
 * Why a word list and not full-text search: workers describe needs, not station names, and the
 * needs are a short fixed list (the amenities). Longest phrases are matched first, so
 * "电动车充电" means e-bike charging and not phone charging; what no phrase explains stays as text.
 */
const PHRASES: ReadonlyArray<readonly [string, AmenityCode | '24h']> = [
  ['24小时', '24h'],
  ['二十四小时', '24h'],
  ['全天', '24h'],
  ['通宵', '24h'],
  ['24h', '24h'],
  ['电动车充电', 'ebike_charging'],
  ['电瓶车充电', 'ebike_charging'],
  ['电动车', 'ebike_charging'],
  ['热饭', 'microwave'],
  ['加热', 'microwave'],
  ['微波炉', 'microwave'],
  ['热水', 'drinking_water'],
  ['喝水', 'drinking_water'],
  ['饮水', 'drinking_water'],
  ['开水', 'drinking_water'],
  ['冰箱', 'fridge'],
  ['电视', 'tv'],
  ['无线', 'wifi'],
  ['wifi', 'wifi'],
  ['上网', 'wifi'],
  ['手机充电', 'phone_charging'],
  ['充电', 'phone_charging'],
  ['雨伞', 'umbrella'],
  ['借伞', 'umbrella'],
  ['储物', 'locker'],
  ['寄存', 'locker'],
  ['图书', 'books'],
  ['看书', 'books'],
  ['阅读', 'books'],
  ['厕所', 'toilet'],
  ['卫生间', 'toilet'],
  ['洗手间', 'toilet'],
  ['如厕', 'toilet'],
  ['药箱', 'first_aid'],
  ['急救', 'first_aid'],
  ['药品', 'first_aid'],
  ['休息', 'seating'],
  ['座椅', 'seating'],
  ['空调', 'air_conditioning'],
  ['纳凉', 'air_conditioning'],
  ['避暑', 'air_conditioning'],
  ['取暖', 'heating'],
  ['暖气', 'heating'],
  ['打气', 'repair_kit'],
  ['修车', 'repair_kit'],
  ['工具', 'repair_kit'],
  ['针线', 'sewing_kit'],
  ['洗手', 'washbasin'],
]
const SORTED = [...PHRASES].sort((a, b) => b[0].length - a[0].length)

/** Filler words that carry no meaning in a need ("能", "有", "可以"…). */
const FILLER = /[能有可以的要想找附近哪里和及与、，,。.!！?？\s]+/g

export type UnderstoodQuery = {
  amenities: AmenityCode[]
  amenityMask: number
  alwaysOpen: boolean
  /** What is left to match against names and addresses, lower-cased; null when nothing. */
  text: string | null
  /**
   * The need phrases found, in the order typed ("热饭 24小时"), or null when none. Sent back as
   * `q` once a place has been picked, it keeps the needs and drops the place words.
   */
  needs: string | null
}

const NOTHING: UnderstoodQuery = Object.freeze({
  amenities: [],
  amenityMask: 0,
  alwaysOpen: false,
  text: null,
  needs: null,
})

export const parseStationQuery = (q: string | undefined): UnderstoodQuery => {
  if (q === undefined || q === '') return NOTHING
  let rest = q.trim().toLowerCase()
  const amenities = new Set<AmenityCode>()
  let alwaysOpen = false
  const found: Array<{ at: number; phrase: string }> = []
  for (const [phrase, meaning] of SORTED) {
    if (!rest.includes(phrase)) continue
    // Phrases are blanked out as they are found (longest first), so indexes stay those of q.
    found.push({ at: rest.indexOf(phrase), phrase })
    rest = rest.split(phrase).join(' '.repeat(phrase.length))
    if (meaning === '24h') alwaysOpen = true
    else amenities.add(meaning)
  }
  const text = rest.replace(FILLER, ' ').trim().replace(/\s+/g, ' ')
  const list = [...amenities]
  return {
    amenities: list,
    amenityMask: amenityMask(list),
    alwaysOpen,
    text: text.length > 0 ? text : null,
    needs:
      found.length > 0
        ? found
            .sort((a, b) => a.at - b.at)
            .map((f) => f.phrase)
            .join(' ')
        : null,
  }
}
