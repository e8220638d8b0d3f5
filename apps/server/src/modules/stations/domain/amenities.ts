/**
 * What a station offers, as a bitmask over a fixed list, so the nearest-station search can
 * filter 200,000 stations with one AND per station and a row stores one integer.
 *
 * Decisions:
 * - Each amenity has a stable string code (API, UI keys, imports) and a stable bit. Bits are
 *   part of the stored data: never renumber or reuse one; add new amenities at the next free
 *   bit and retire old ones by leaving their bit unused.
 * - At most 31 bits (0..30), so masks stay non-negative 32-bit integers in JavaScript bitwise
 *   operations and fit an INTEGER column on SQLite and PostgreSQL.
 * - The list follows what 户外劳动者服务站点 commonly provide (饮水, 热饭, 如厕, 休息, 充电,
 *   应急药箱, 图书…); the UI shows the zh-CN/en label from the locale files by code.
 */

export const AMENITIES = [
  { code: 'drinking_water', bit: 0 }, // 饮水 / 热水
  { code: 'microwave', bit: 1 }, // 微波炉 (热饭)
  { code: 'fridge', bit: 2 }, // 冰箱
  { code: 'tv', bit: 3 }, // 电视
  { code: 'wifi', bit: 4 }, // 无线网络
  { code: 'phone_charging', bit: 5 }, // 手机充电
  { code: 'umbrella', bit: 6 }, // 爱心雨伞
  { code: 'locker', bit: 7 }, // 储物柜
  { code: 'books', bit: 8 }, // 图书 / 阅读角
  { code: 'toilet', bit: 9 }, // 卫生间
  { code: 'first_aid', bit: 10 }, // 应急药箱
  { code: 'seating', bit: 11 }, // 休息座椅
  { code: 'air_conditioning', bit: 12 }, // 空调
  { code: 'heating', bit: 13 }, // 取暖
  { code: 'repair_kit', bit: 14 }, // 维修工具 / 打气筒
  { code: 'sewing_kit', bit: 15 }, // 针线包
  { code: 'ebike_charging', bit: 16 }, // 电动车充电
  { code: 'washbasin', bit: 17 }, // 洗手池
] as const

export type AmenityCode = (typeof AMENITIES)[number]['code']

export const AMENITY_CODES: readonly AmenityCode[] = AMENITIES.map((a) => a.code)

const BIT_OF = new Map<string, number>(AMENITIES.map((a) => [a.code, a.bit]))

/** Every bit that names an amenity; other bits are invalid in a stored mask. */
export const ALL_AMENITIES_MASK = AMENITIES.reduce((m, a) => m | (1 << a.bit), 0)

export const isAmenityCode = (code: string): code is AmenityCode => BIT_OF.has(code)

/** The mask of a list of codes. Unknown codes throw (callers validate input with zod first). */
export const amenityMask = (codes: readonly string[]): number => {
  let mask = 0
  for (const code of codes) {
    const bit = BIT_OF.get(code)
    if (bit === undefined) throw new RangeError(`Unknown amenity code: ${code}`)
    mask |= 1 << bit
  }
  return mask
}

/** The codes in a mask, in list order (unknown bits are ignored). */
export const amenityCodes = (mask: number): AmenityCode[] =>
  AMENITIES.filter((a) => (mask & (1 << a.bit)) !== 0).map((a) => a.code)

/** Whether a mask is a non-negative integer using only known bits. */
export const isValidAmenityMask = (mask: number): boolean =>
  Number.isInteger(mask) && mask >= 0 && (mask & ~ALL_AMENITIES_MASK) === 0 && mask <= 0x7fffffff

/** Whether `mask` offers every amenity in `required`. */
export const hasAmenities = (mask: number, required: number): boolean =>
  (mask & required) === required
