import { ENTERED_YEAR_MAX, ENTERED_YEAR_MIN } from '@unionhall/contracts'
import type { z } from 'zod'
import type { Schedule, ScheduleProblem, TimeRange } from '../domain/schedule'

/**
 * The problems a station import reports per row: a stable code with its params, which the web
 * words in the reader's language (`stations.import.problems.<CODE>`), and the same sentence in
 * Chinese for any other reader of the API. Staff fixing a sheet cannot see the domain's paths
 * (weekly.1, contactMobile), so a message says what is wrong and what to write instead in the
 * words of the sheet; the column is named separately, by the sheet's own header.
 */

export type ImportProblemParams = Record<string, string | number>

const MESSAGES = {
  REQUIRED: () => '不能为空，请填写此项',
  TEXT_TOO_LONG: (p) => `内容太长：最多 ${p.max} 个字，请删减`,
  NOT_A_NUMBER: (p) => `“${p.value}”不是数字，请只填写数字，不要带单位或文字`,
  LAT_RANGE: (p) =>
    `纬度 ${p.value} 不在 -90 到 90 之间：请填写十进制度数（如 36.061089），并检查是否与经度填反`,
  LNG_RANGE: (p) =>
    `经度 ${p.value} 不在 -180 到 180 之间：请填写十进制度数（如 103.834304），并检查是否与纬度填反`,
  CAPACITY_RANGE: (p) => `容纳人数须为 1 到 10000 之间的整数（如 20），不能是“${p.value}”`,
  MOBILE_INVALID: (p) => `“${p.value}”不是正确的手机号，请填写 11 位手机号（如 13912345678）`,
  MOBILE_MASKED: () => '负责人手机号是隐藏后的号码，请填写完整的 11 位手机号',
  MOBILE_MASKED_MISMATCH: (p) =>
    `负责人手机号是隐藏后的号码，且与该驿站现有的手机号（${p.stored}）不符，请填写完整的 11 位手机号`,
  MOBILE_MISSING_NEW: () => '这是新驿站，需要负责人的完整 11 位手机号，请补上',
  DUTY_PHONE_INVALID: (p) =>
    `“${p.value}”不是正确的值班电话，请填写带区号的固定电话（如 0931-8123456，分机写在后面：0931-8123456-801）、400/800 电话或 11 位手机号；没有值班电话请留空`,
  ORG_NOT_FOUND: (p) =>
    `找不到工会“${p.value}”，或它不在您管理的范围内：请填写系统中工会的完整名称（或工会 ID）`,
  ORG_AMBIGUOUS: (p) => `有多个工会名为“${p.value}”，请改填该工会的 ID`,
  KIND_UNKNOWN: (p) =>
    `无法识别类型“${p.value}”，请填写以下之一：${p.allowed}；留空即为工会爱心驿站`,
  COORD_SYSTEM_UNKNOWN: (p) =>
    `无法识别坐标系“${p.value}”，请填写 gcj02（高德、腾讯地图）、wgs84（GPS）或 bd09（百度地图）；留空即为 gcj02`,
  AMENITY_UNKNOWN: (p) =>
    `无法识别服务设施“${p.value}”，请从以下名称中选填，用“、”分隔：${p.allowed}`,
  HOURS_REQUIRED: () => '请填写开放时间，如“周一至周五 08:00-20:00”或“24小时”',
  HOURS_NO_DAYS: (p) =>
    `“${p.segment}”没有写星期：请以星期开头，如“周一至周五 08:00-20:00”或“每天 07:00-22:00”，各段用“；”分隔`,
  HOURS_UNREADABLE: (p) => `看不懂“${p.segment}”中的时间，请写成 08:00-20:00 这样的格式`,
  HOURS_HOLIDAY_UNREADABLE: (p) =>
    `看不懂节假日时间“${p.segment}”，请写成“节假日 09:00-17:00”或“节假日休息”`,
  HOURS_TIME_INVALID: (p) =>
    `“${p.segment}”中的 ${p.time} 不是有效时间（应为 00:00–24:00 之间的 HH:MM，如 08:30）`,
  HOURS_START_AT_24: (p) =>
    `“${p.segment}”中的时段从 24:00 开始：24:00 只能作结束时间，从零点开始请写 00:00`,
  HOURS_ALWAYS_WITH_WEEKLY: () => '“24小时”不能和按星期的时段一起填写，请只保留其中一种',
  PERIOD_ENDS_BEFORE_START: (p) =>
    `“${p.segment}”中的 ${p.start}-${p.end} 结束早于开始：如果营业到第二天，请写成 ${p.start}-次日${p.end}；否则请改正时间`,
  PERIOD_OVERLAP: (p) => `${p.period} 与 ${p.other} 的时间重叠，请合并成一段或改正时间`,
  PERIOD_EMPTY: (p) => `${p.period} 的开始和结束时间相同；全天开放请写 00:00-24:00`,
  TIME_VALUE_INVALID: (p) => `${p.time} 不是有效时间（应为 00:00–24:00 之间的 HH:MM，如 08:30）`,
  TIME_INVALID: (p) => `${p.period} 的时间不正确，请填写 00:00 到 24:00 之间的时间（如 08:30）`,
  OVERNIGHT_INVALID: (p) =>
    `${p.period} 写了“次日”，但结束时间并不早于开始时间；当天结束的时段请去掉“次日”`,
  ALWAYS_OPEN_CONFLICT: () => '24 小时开放的驿站不需要再填写时段，请只保留其中一种',
  SCHEDULE_INVALID: (p) => `开放时间有误（${p.detail}），请按模板“填写说明”填写`,
  TEXT_UNSTORABLE: () =>
    '含有无法保存的隐藏控制字符（常见于从其他系统复制的文字），请清空这一格后重新输入',
  EXCEPTION_UNREADABLE: (p) =>
    `看不懂“${p.segment}”：每个特殊日期请以日期开头，写成“2026-12-24 闭站”或“2026-12-31 09:00-12:00”，各日期用“；”分隔`,
  EXCEPTION_HOURS_UNREADABLE: (p) =>
    `看不懂“${p.segment}”中日期后的安排：全天不开放请写“闭站”，特殊时段请写成 09:00-12:00 这样的格式`,
  EXCEPTION_DATE_RANGE: (p) => `日期 ${p.date} 的年份须在 ${p.min} 到 ${p.max} 之间，请检查年份`,
  EXCEPTION_DATE_INVALID: (p) => `没有 ${p.date} 这一天，请检查月份和日期（如 2026-12-24）`,
  EXCEPTION_DUPLICATE: (p) =>
    `${p.date} 写了不止一次（另见“${p.other}”）：同一天请只写一次，多个时段用“、”分隔`,
  EXCEPTION_HOURS_EMPTY: (p) => `${p.date} 没有写时段：全天不开放请写“闭站”，否则请写出开放时段`,
  EXCEPTION_TOO_MANY_RANGES: (p) => `${p.date} 最多写 ${p.max} 个时段，请合并`,
  EXCEPTION_TOO_MANY: (p) => `特殊日期最多 ${p.max} 个，请删去已经过去的日期`,
  DUPLICATE_ROW: (p) =>
    `与第 ${p.row} 行是同一个驿站（所属工会、驿站名称和地址都相同）：同一文件中每个驿站只能出现一次，请删除或合并其中一行`,
  INVALID: (p) => `内容有误：${p.detail}`,
  // HSDS files: where a problem is (locations[3].latitude and the record's name) goes with it
  // as its column, so these say only what is wrong, in the terms of the JSON.
  HSDS_NOT_DATASET: () => '文件不是 HSDS 数据集：须为一个 JSON 对象，其中 locations 为地点列表',
  HSDS_NOT_A_LIST: () => '须为列表（JSON 数组）',
  HSDS_FIELD_REQUIRED: (p) => `缺少必填字段 ${p.field}，请补上`,
  HSDS_WRONG_TYPE: (p) => `应为${p.expectedZh}，不能是 ${p.value}`,
  HSDS_FORMAT: (p) => `${p.value} 不是有效的${p.formatZh}`,
  HSDS_ENUM: (p) => `${p.value} 不是允许的取值，请填写以下之一：${p.allowed}`,
  HSDS_PATTERN: (p) => `${p.value} 的格式不对，须符合 ${p.pattern}`,
  HSDS_RANGE: (p) => `${p.value} 超出允许的范围（须 ${p.limit}）`,
  HSDS_SCHEMA: (p) => `不符合 HSDS 3 规范：${p.detail}`,
  HSDS_SCHEDULE_FREQ: (p) =>
    `开放时间 ${p.id} 的重复方式是 ${p.freq}：只能读取按周重复（freq 为 WEEKLY）的开放时间`,
  HSDS_SCHEDULE_UNREADABLE: (p) =>
    `开放时间 ${p.id} 须有 byday（MO…SU）以及 HH:MM 格式的 opens_at 和 closes_at`,
  HSDS_SCHEDULE_MISSING: () =>
    '该地点没有每周开放时间（schedules），也没有 unionhall:schedule 属性，请补上开放时间',
  HSDS_SCHEDULE_NOT_JSON: () =>
    'unionhall:schedule 属性的值不是有效的 JSON：请按本系统导出文件的格式填写，或删除该属性以按 schedules 读取',
  HSDS_SCHEDULE_MISMATCH: () =>
    '该地点的每周开放时间（schedules）与 unionhall:schedule 属性不一致：请两处一起修改，或删除该属性以按 schedules 读取',
  HSDS_CAPACITY_MISSING: () =>
    '缺少 unionhall:capacity 属性（容纳人数），请补上 1 到 10000 之间的整数',
} satisfies Record<string, (p: ImportProblemParams) => string>

export type ImportProblemCode = keyof typeof MESSAGES

export const IMPORT_PROBLEM_CODES = Object.keys(MESSAGES) as ImportProblemCode[]

/** One problem of a row: where (a body path), what (code + params) and the Chinese sentence. */
export type ImportProblem = {
  path: string
  code: ImportProblemCode
  params?: ImportProblemParams
  message: string
}

export const importProblem = (
  path: string,
  code: ImportProblemCode,
  params?: ImportProblemParams,
): ImportProblem => ({
  path,
  code,
  ...(params ? { params } : {}),
  message: MESSAGES[code](params ?? {}),
})

// ---- body validation (zod) ----

const valueAt = (body: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, key) =>
      v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined,
    body,
  )

const shown = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)

/** A zod issue of a row's body as an import problem, in the sheet's terms where it can be. */
export const problemOfIssue = (issue: z.core.$ZodIssue, body: unknown): ImportProblem => {
  const path = issue.path.map(String).join('.')
  const value = valueAt(body, issue.path)
  const head = issue.path.length === 1 ? path : ''
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return importProblem(path, 'REQUIRED')
  if (issue.message === 'DATE_OUT_OF_RANGE' && /exceptions\.\d+\.date$/.test(path)) {
    return importProblem(path, 'EXCEPTION_DATE_RANGE', {
      date: shown(value),
      min: ENTERED_YEAR_MIN,
      max: ENTERED_YEAR_MAX,
    })
  }
  // A time of a schedule (schedule.weekly.3.end) is named by its value at the column: a bad
  // time repeated on every weekday it was copied to is one problem (deduplicated by the caller).
  if (/^schedule\..*\.(start|end)$/.test(path) && typeof value === 'string') {
    const column = /^schedule\.exceptions\./.test(path) ? 'schedule.exceptions' : 'schedule'
    return importProblem(column, 'TIME_VALUE_INVALID', { time: value })
  }
  if (head === 'lat') return importProblem(path, 'LAT_RANGE', { value: shown(value) })
  if (head === 'lng') return importProblem(path, 'LNG_RANGE', { value: shown(value) })
  if (head === 'capacity') return importProblem(path, 'CAPACITY_RANGE', { value: shown(value) })
  if (head === 'contactMobile')
    return importProblem(path, 'MOBILE_INVALID', { value: shown(value) })
  if (head === 'dutyPhone')
    return importProblem(path, 'DUTY_PHONE_INVALID', { value: shown(value) })
  if (head === 'orgId') return importProblem(path, 'ORG_NOT_FOUND', { value: shown(value) })
  if (issue.code === 'too_big' && typeof value === 'string') {
    return importProblem(path, 'TEXT_TOO_LONG', { max: Number(issue.maximum) })
  }
  return importProblem(path, 'INVALID', {
    detail: path ? `${path}: ${issue.message}` : issue.message,
  })
}

// ---- schedules ----

export const WEEKDAY_LABEL = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

const rangeText = (r: Partial<TimeRange> | undefined) =>
  r ? `${r.start ?? '?'}-${r.overnight === true ? '次日' : ''}${r.end ?? '?'}` : ''

/** The time range a schedule path points into (weekly.2, holidayHours.0, exceptions.1.hours.0). */
const rangeAt = (schedule: Schedule, path: string): Partial<TimeRange> | undefined => {
  const [list, index, third, fourth] = path.split('.')
  const i = Number(index)
  if (list === 'weekly') return schedule.weekly?.[i]
  if (list === 'holidayHours') return schedule.holidayHours?.[i]
  const ex = list === 'exceptions' ? schedule.exceptions?.[i] : undefined
  return ex && third === 'hours' && 'hours' in ex ? ex.hours?.[Number(fourth)] : undefined
}

/**
 * The period a schedule path names, as the sheet writes it ("周一 11:00-14:00",
 * "节假日 09:00-17:00", "2025-10-01 09:00-12:00"), so a problem can name it without a path.
 */
export const describePeriod = (schedule: Schedule, path: string): string => {
  const [list, index] = path.split('.')
  const range = rangeText(rangeAt(schedule, path))
  if (list === 'weekly') {
    const day = schedule.weekly?.[Number(index)]?.day
    return day ? `${WEEKDAY_LABEL[day] ?? ''} ${range}`.trim() : '开放时间'
  }
  if (list === 'holidayHours') return `节假日 ${range}`.trim()
  if (list === 'exceptions') {
    const date = schedule.exceptions?.[Number(index)]?.date
    return date ? `${date} ${range}`.trim() : '特殊日期'
  }
  return '开放时间'
}

/** The date of the exception a path points into (exceptions.2.date), as written. */
const dateAt = (schedule: Schedule, path: string) => {
  const [list, index] = path.split('.')
  const date = list === 'exceptions' ? schedule.exceptions?.[Number(index)]?.date : undefined
  return typeof date === 'string' ? date : shown(date ?? '')
}

/** The domain's schedule problems (validateSchedule) in the sheet's words, at `schedule.*`. */
export const scheduleImportProblems = (
  schedule: Schedule,
  problems: readonly ScheduleProblem[],
): ImportProblem[] =>
  problems.map((p) => {
    const path = `schedule.${p.path}`
    const period = describePeriod(schedule, p.path)
    switch (p.code) {
      case 'PERIOD_OVERLAP':
        return importProblem(path, 'PERIOD_OVERLAP', {
          period,
          other: p.other ? describePeriod(schedule, p.other) : '另一时段',
        })
      case 'PERIOD_EMPTY':
      case 'TIME_INVALID':
      case 'OVERNIGHT_INVALID':
        return importProblem(path, p.code, { period })
      case 'PERIOD_ENDS_BEFORE_START': {
        const r = rangeAt(schedule, p.path)
        return importProblem(path, 'PERIOD_ENDS_BEFORE_START', {
          segment: period,
          start: r?.start ?? '?',
          end: r?.end ?? '?',
        })
      }
      case 'ALWAYS_OPEN_CONFLICT':
        return importProblem(path, 'ALWAYS_OPEN_CONFLICT')
      case 'DATE_INVALID':
        return importProblem(path, 'EXCEPTION_DATE_INVALID', { date: dateAt(schedule, p.path) })
      case 'EXCEPTION_DUPLICATE':
        return importProblem(path, 'EXCEPTION_DUPLICATE', {
          date: dateAt(schedule, p.path),
          other: p.other ? describePeriod(schedule, p.other) : '另一处',
        })
      case 'EXCEPTION_HOURS_EMPTY':
        return importProblem(path, 'EXCEPTION_HOURS_EMPTY', { date: dateAt(schedule, p.path) })
      default:
        return importProblem(path, 'SCHEDULE_INVALID', { detail: `${period}: ${p.message}` })
    }
  })
