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

/**
 * Words around a need that carry no meaning ("附近哪里有", "能", "在哪里"…). They are removed only
 * as whole words at the edges of a term, never from inside one: the single characters among them
 * (和, 有, 能, 的…) begin or sit inside real place names (和平路, 有色路, 能源大厦, 哪吒庙), and
 * stripping them anywhere searched for "平路" when a worker typed "和平路".
 */
const LEADING_FILLER = [
  '请问',
  '我想要',
  '我想找',
  '我要找',
  '我想',
  '我要',
  '想要',
  '想找',
  '附近的',
  '附近',
  '周边的',
  '周边',
  '哪里有',
  '哪儿有',
  '哪里',
  '哪儿',
  '哪有',
  '有没有',
  '能不能',
  '可不可以',
  '可以',
]
const TRAILING_FILLER = [
  '附近的',
  '附近',
  '周边的',
  '周边',
  '周围',
  '在哪里',
  '在哪儿',
  '在哪',
  '哪里有',
  '哪儿有',
  '哪里',
  '哪儿',
  '哪有',
  '有没有',
  '能不能',
  '可不可以',
  '可以',
  '的地方',
  '吗',
  '呢',
  '吧',
]
/** Said right before a need ("和平路有厕所", "坂田能热饭", "龙岗和热水"): dropped only there. */
const BEFORE_NEED = new Set(['能', '有', '要', '想', '找', '在', '和', '及', '与', '或', '还'])
/** Said right after a need ("热饭的驿站"): dropped only there. */
const AFTER_NEED = new Set(['的'])
/** A term made only of these is filler on its own ("能", "和", "我要找", "吗"). */
const FILLER_CHARS = new Set([...'能有可以的要想找和及与或还在我请问吗呢吧啊'])
/** Where a typed request splits into terms, besides a need phrase. */
const SEPARATOR = /[、，,。.!！?？;；:：\s]/
/** Stands in for a found need phrase, so the text around it keeps its place. */
const NEED = '\u0001'

const stripEdges = (term: string, needBefore: boolean, needAfter: boolean): string => {
  let t = term
  for (let changed = true; changed && t.length > 0;) {
    changed = false
    const lead = LEADING_FILLER.find((f) => t.startsWith(f))
    if (lead) {
      t = t.slice(lead.length)
      changed = true
    }
    const trail = TRAILING_FILLER.find((f) => t.endsWith(f))
    if (trail) {
      t = t.slice(0, t.length - trail.length)
      changed = true
    }
    if (needAfter && t.length > 0 && BEFORE_NEED.has(t.at(-1)!)) {
      t = t.slice(0, -1)
      changed = true
    }
    if (needBefore && t.length > 0 && AFTER_NEED.has(t[0]!)) {
      t = t.slice(1)
      changed = true
    }
  }
  return [...t].every((c) => FILLER_CHARS.has(c)) ? '' : t
}

/** The place words left once the need phrases are blanked out (`NEED`), filler removed. */
const placeWords = (rest: string): string[] => {
  const words: string[] = []
  let start = 0
  for (let i = 0; i <= rest.length; i++) {
    const c = rest[i]
    if (c !== undefined && c !== NEED && !SEPARATOR.test(c)) continue
    if (i > start) {
      const word = stripEdges(rest.slice(start, i), rest[start - 1] === NEED, c === NEED)
      if (word.length > 0) words.push(word)
    }
    start = i + 1
  }
  return words
}

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
    rest = rest.split(phrase).join(NEED.repeat(phrase.length))
    if (meaning === '24h') alwaysOpen = true
    else amenities.add(meaning)
  }
  const text = placeWords(rest).join(' ')
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
