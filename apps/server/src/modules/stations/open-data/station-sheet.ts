import type { Station } from '@unionhall/contracts'
import type { DateException, Schedule } from '../domain/schedule'
import {
  AMENITY_NAMES,
  formatAmenities,
  formatExceptionsText,
  formatScheduleText,
  KIND_NAMES,
  maskedMobileOf,
  normaliseMobile,
  parseAmenityText,
  parseCoordSystemText,
  parseExceptionsText,
  parseKindText,
  parseNumberText,
  parseScheduleText,
  type Parsed,
  type TextProblem,
} from './station-text'

/**
 * The station spreadsheet: its columns (Chinese headers, the template, the export) and the
 * mapping of one row to the fields of CreateStationBody. Pure; the service resolves the org
 * column against the database.
 */

export type SheetField =
  | 'org'
  | 'name'
  | 'kind'
  | 'address'
  | 'lat'
  | 'lng'
  | 'coordSystem'
  | 'hours'
  | 'capacity'
  | 'amenities'
  | 'contactName'
  | 'contactMobile'
  | 'description'
  | 'exceptions'
  | 'dutyPhone'

type Column = { field: SheetField; header: string; required: boolean; aliases: string[] }

/** Template order. Headers are matched without "*" and anything in brackets. */
export const COLUMNS: readonly Column[] = [
  {
    field: 'org',
    header: '所属工会',
    required: true,
    aliases: ['工会', '工会名称', '组织', 'org', 'orgid'],
  },
  { field: 'name', header: '驿站名称', required: true, aliases: ['名称', '站点名称', 'name'] },
  { field: 'kind', header: '类型', required: false, aliases: ['驿站类型', 'kind'] },
  { field: 'address', header: '地址', required: true, aliases: ['详细地址', 'address'] },
  { field: 'lat', header: '纬度', required: true, aliases: ['lat', 'latitude'] },
  { field: 'lng', header: '经度', required: true, aliases: ['lng', 'lon', 'longitude'] },
  { field: 'coordSystem', header: '坐标系', required: false, aliases: ['坐标系统', 'coordsystem'] },
  {
    field: 'hours',
    header: '开放时间',
    required: true,
    aliases: ['营业时间', '服务时间', 'hours', 'schedule'],
  },
  {
    field: 'capacity',
    header: '容纳人数',
    required: true,
    aliases: ['可容纳人数', '容量', 'capacity'],
  },
  { field: 'amenities', header: '服务设施', required: false, aliases: ['设施', 'amenities'] },
  { field: 'contactName', header: '负责人', required: true, aliases: ['联系人', 'contactname'] },
  {
    field: 'contactMobile',
    header: '负责人手机号',
    required: true,
    aliases: ['联系电话', '手机号', '联系人手机号', 'contactmobile'],
  },
  {
    field: 'description',
    header: '简介',
    required: false,
    aliases: ['备注', '说明', 'description'],
  },
  // Last, so sheets filled from the template before it existed keep their column positions
  // (and import as before: a sheet without it has no dated exceptions).
  {
    field: 'exceptions',
    header: '特殊日期安排',
    required: false,
    aliases: ['特殊日期', '特殊安排', '特殊日期开放时间', 'exceptions'],
  },
  // After it for the same reason. A sheet without the column leaves a station's duty phone as
  // it is; an empty cell in the column clears it.
  {
    field: 'dutyPhone',
    header: '值班电话',
    required: false,
    aliases: ['值班号码', '驿站电话', 'dutyphone'],
  },
]

const normaliseHeader = (h: string) =>
  h
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[*＊\s]/g, '')
    .toLowerCase()

const HEADER_INDEX = new Map<string, SheetField>(
  COLUMNS.flatMap((c) =>
    [c.header, ...c.aliases].map((h): [string, SheetField] => [normaliseHeader(h), c.field]),
  ),
)

export type HeaderMap = {
  columns: Array<SheetField | undefined>
  missing: string[]
  /** Each field's header as the file writes it ("纬度*", or an alias such as "联系电话"). */
  labels: Map<SheetField, string>
}

/** Which field each column holds, and the required columns the header row lacks. */
export const mapHeader = (header: readonly string[]): HeaderMap => {
  const columns = header.map((h) => HEADER_INDEX.get(normaliseHeader(h)))
  const missing = COLUMNS.filter((c) => c.required && !columns.includes(c.field)).map(
    (c) => c.header,
  )
  const labels = new Map<SheetField, string>()
  columns.forEach((field, i) => {
    if (field && !labels.has(field)) labels.set(field, header[i]!.trim())
  })
  return { columns, missing, labels }
}

/** The body path's head that each column fills, where it is not the field's own name. */
const PATH_FIELD: Record<string, SheetField> = { orgId: 'org', schedule: 'hours' }

/**
 * The column a row problem's body path ("schedule.weekly.1", "orgId") belongs to, named as the
 * file's header row names it (else as the template does), with its position for sorting. The
 * schedule's dated exceptions have a column of their own.
 */
export const columnOfPath = (
  path: string,
  header: HeaderMap,
): { label: string; order: number } | null => {
  const head = path.split('.')[0] ?? ''
  const field = /^schedule\.exceptions(\.|$)/.test(path) ? 'exceptions' : (PATH_FIELD[head] ?? head)
  const order = COLUMNS.findIndex((c) => c.field === field)
  if (order < 0) return null
  return { label: header.labels.get(field as SheetField) ?? SHEET_HEADERS[order]!, order }
}

/** A row read into CreateStationBody fields; `orgRef` is the org column (an id or a name). */
export type SheetRow = {
  orgRef: string
  /** Fields that could not be read are null, so body validation can never accept the row. */
  fields: Record<string, unknown>
  problems: TextProblem[]
  /**
   * The mobile cell held a masked number ("139****2222", as the export writes it): the row may
   * keep the stored mobile of the station it updates, if that is the number it masks.
   */
  maskedMobile?: string
}

const take = <T>(p: Parsed<T>, problems: TextProblem[]): T | null => {
  if (p.ok) return p.value
  problems.push(...p.problems)
  return null
}

/**
 * The weekly hours with the dated exceptions of their own column; null (unreadable) when either
 * is, so the row cannot pass. None stays without the key, as the API writes it.
 */
const withExceptions = (
  schedule: Schedule | null,
  exceptions: DateException[] | null,
): Schedule | null => {
  if (schedule === null || exceptions === null) return null
  return exceptions.length > 0 ? { ...schedule, exceptions } : schedule
}

/** Maps one data row (cells in header order) to station fields and the problems found. */
export const readSheetRow = (cells: readonly string[], header: HeaderMap): SheetRow => {
  const value: Partial<Record<SheetField, string>> = {}
  header.columns.forEach((field, i) => {
    if (field && value[field] === undefined) value[field] = (cells[i] ?? '').trim()
  })
  const text = (f: SheetField) => value[f] ?? ''
  const problems: TextProblem[] = []
  const capacity = take(parseNumberText(text('capacity'), 'capacity'), problems)
  const mobile = normaliseMobile(text('contactMobile'))
  const fields: Record<string, unknown> = {
    name: text('name'),
    kind: take(parseKindText(text('kind')), problems),
    address: text('address'),
    lat: take(parseNumberText(text('lat'), 'lat'), problems),
    lng: take(parseNumberText(text('lng'), 'lng'), problems),
    coordSystem: take(parseCoordSystemText(text('coordSystem')), problems),
    schedule: withExceptions(
      take(parseScheduleText(text('hours')), problems),
      take(parseExceptionsText(text('exceptions')), problems),
    ),
    capacity,
    amenities: take(parseAmenityText(text('amenities')), problems),
    contactName: text('contactName'),
    contactMobile: mobile,
    description: text('description'),
    // Checked and made canonical (0931-8123456) by the body's schema.
    ...(header.columns.includes('dutyPhone')
      ? { dutyPhone: text('dutyPhone') === '' ? null : text('dutyPhone') }
      : {}),
  }
  const maskedMobile = maskedMobileOf(text('contactMobile'))
  return { orgRef: text('org'), fields, problems, ...(maskedMobile ? { maskedMobile } : {}) }
}

/** Whether a row is blank (spreadsheet programs keep formatted empty rows). */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

// ---- writing ----

/** The header row of the template and the export. */
export const SHEET_HEADERS = COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header))

/** A station as a spreadsheet row (WGS-84, masked mobile: exports never carry the full number). */
export const stationSheetRow = (s: Station): string[] => [
  s.orgName,
  s.name,
  KIND_NAMES[s.kind],
  s.address,
  String(s.lat),
  String(s.lng),
  'wgs84',
  formatScheduleText(s.schedule as Schedule),
  String(s.capacity),
  formatAmenities(s.amenities),
  s.contactName,
  s.contactMobileMasked,
  s.description,
  formatExceptionsText((s.schedule as Schedule).exceptions),
  s.dutyPhone ?? '',
]

/** Rows of the template's notes sheet (说明): how each column is read. */
export const templateNotes = (): string[][] => [
  ['所属工会*', '工会名称（须与系统中的名称完全一致，且在您管理的范围内）或工会 ID'],
  ['驿站名称*', '最多 100 字'],
  ['类型', `${Object.values(KIND_NAMES).join('、')}；留空为“工会爱心驿站”`],
  ['地址*', '详细地址，最多 200 字'],
  ['纬度* / 经度*', '十进制度数，如 36.061089 / 103.834304'],
  [
    '坐标系',
    'gcj02（高德、腾讯地图，默认）、wgs84（GPS）或 bd09（百度地图）；从高德地图复制的坐标请留空或填 gcj02',
  ],
  [
    '开放时间*',
    '如“周一至周五 08:00-20:00；周六、周日 09:00-17:00”；“24小时”表示全天开放；“周日休息”；' +
      '“节假日 09:00-17:00”或“节假日休息”设置法定节假日时间（不写则按周日）；' +
      '“调休上班按周一”设置调休上班日按哪天的时间；跨夜时段在结束时间前写“次日”（22:00-次日06:00），' +
      '结束早于开始而没写“次日”按填写错误处理',
  ],
  ['容纳人数*', '1-10000 的整数'],
  ['服务设施', `用“、”或“,”分隔：${Object.values(AMENITY_NAMES).join('、')}（也可填英文代码）`],
  ['负责人*', '姓名'],
  [
    '负责人手机号*',
    '11 位手机号，加密保存，导出时只显示部分号码；更新已有驿站的行可保留导出的隐藏号码（如 139****5678），表示手机号不变，新驿站须填完整号码',
  ],
  ['简介', '最多 2000 字'],
  [
    '特殊日期安排',
    '某天闭站或按特殊时段开放，优先于开放时间（含节假日）；如“2026-12-24 闭站；2026-12-31 09:00-12:00、14:00-17:00”，' +
      '各日期用“；”分隔，日期写成 2026-12-24（年份 2000-2099），跨夜时段写“次日”；留空表示没有特殊日期',
  ],
  [
    '值班电话',
    '公开显示给职工、可以拨打的号码：带区号的固定电话（如 0931-8123456，分机写在后面：0931-8123456-801）、400/800 电话或手机号；' +
      '不要填写个人手机号，除非本人同意；留空表示没有值班电话（更新已有驿站时会清除原号码）',
  ],
  ['', '一次导入为一个整体：任何一行有错误时不导入任何驿站，并列出每行的问题（行号为表格行号）'],
  [
    '',
    '所属工会、驿站名称和地址都与已有驿站相同的行，会按表格更新该驿站（照片、功能区和服务不变），不会重复创建；同一文件中不能两行指向同一驿站',
  ],
]

/** The example row of the template. */
export const TEMPLATE_EXAMPLE = [
  '兰州市总工会',
  '城关区爱心驿站',
  '工会爱心驿站',
  '甘肃省兰州市城关区庆阳路1号',
  '36.061089',
  '103.834304',
  'gcj02',
  '周一至周五 08:00-20:00；周六、周日 09:00-17:00；节假日休息',
  '20',
  '饮水、微波炉、卫生间、手机充电',
  '王师傅',
  '13912345678',
  '提供热水、热饭和休息座椅',
  '2026-12-24 闭站；2026-12-31 09:00-12:00',
  '0931-8123456',
]
