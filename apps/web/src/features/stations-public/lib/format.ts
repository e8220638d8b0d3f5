import type { CoordSystemValue, PublicStation, StationSchedule } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { bd09ToGcj02, wgs84ToGcj02, type LatLng } from './coords'

/** "850 米", "1.2 公里", "12 公里": metres below a kilometre, one decimal below ten. */
export const formatDistance = (t: TFunction, metres: number): string => {
  if (metres < 1000) return t('stationsPublic.distance.m', { n: Math.max(0, Math.round(metres)) })
  const km = metres / 1000
  return t('stationsPublic.distance.km', { n: km < 10 ? Number(km.toFixed(1)) : Math.round(km) })
}

/**
 * Amap's walking directions (web page, or the app where installed). Amap wants GCJ-02
 * ("gaode"); the page holds points in the tile layer's system, so they are converted here —
 * a second request only to learn GCJ-02 would cost a round trip on slow networks.
 */
export const walkingUrl = (p: LatLng & { name: string }, system: CoordSystemValue): string => {
  const gcj = system === 'gcj02' ? p : system === 'bd09' ? bd09ToGcj02(p) : wgs84ToGcj02(p)
  // The name is the third comma-separated field of `to`: commas in it would shift the fields.
  const name = encodeURIComponent(p.name.replace(/[,，]/g, ' '))
  return `https://uri.amap.com/navigation?to=${gcj.lng.toFixed(6)},${gcj.lat.toFixed(6)},${name}&mode=walk&coordinate=gaode&callnative=1&src=unionhall`
}

/**
 * The tel: link of a duty phone as the server stores it (0931-8123456-801, 400-123-4567,
 * 13912345678): its digits, and a landline's extension after a comma, which dialers read as
 * "wait for the answer, then dial" (tel:09318123456,801).
 */
export const dutyPhoneTel = (dutyPhone: string): string => {
  const [area, number, extension] = dutyPhone.split('-')
  if (dutyPhone.startsWith('0') && number !== undefined) {
    return `tel:${area}${number}${extension ? `,${extension}` : ''}`
  }
  return `tel:${dutyPhone.replace(/\D/g, '')}`
}

// ---- Asia/Shanghai clock (UTC+8 all year, no daylight saving): station hours are local ----

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const local = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MS)
const pad = (n: number) => String(n).padStart(2, '0')

/** "HH:MM" in Shanghai. */
export const clockText = (d: Date): string => {
  const l = local(d)
  return `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`
}

/** "YYYY-MM-DD" in Shanghai. */
export const localDate = (d: Date): string => local(d).toISOString().slice(0, 10)

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000)

/** ISO weekday (1 = Monday … 7 = Sunday) of a "YYYY-MM-DD" date. */
const weekdayOf = (isoDate: string) => {
  const d = new Date(`${isoDate}T00:00:00Z`).getUTCDay()
  return d === 0 ? 7 : d
}

/** "12月5日" / "12/5". */
export const dateText = (t: TFunction, isoDate: string): string => {
  const [, m, d] = isoDate.split('-')
  return t('stationsPublic.common.date', { m: Number(m), d: Number(d) })
}

/** "今天", "明天", a weekday within the week, else the date. */
const dayText = (t: TFunction, isoDate: string, now: Date): string => {
  const diff = dayNumber(isoDate) - dayNumber(localDate(now))
  if (diff === 0) return t('stationsPublic.hours.today')
  if (diff === 1) return t('stationsPublic.hours.tomorrow')
  if (diff > 1 && diff < 7) return t(`stationsPublic.weekday.${weekdayOf(isoDate)}`)
  return dateText(t, isoDate)
}

/**
 * The open/closed line: "营业中 · 今天 20:00 关门", "已关门 · 明天 08:00 开门", "24 小时开放".
 */
export const openStateText = (
  t: TFunction,
  s: Pick<PublicStation, 'openNow' | 'alwaysOpen' | 'nextChange'>,
  now: Date,
): string => {
  const state = s.openNow
    ? t('stationsPublic.common.openNow')
    : t('stationsPublic.common.closedNow')
  if (!s.nextChange) {
    if (s.openNow && s.alwaysOpen) return t('stationsPublic.hours.always')
    return s.openNow ? state : t('stationsPublic.hours.closedLong')
  }
  const at = new Date(s.nextChange.at)
  const change = t(
    s.nextChange.open ? 'stationsPublic.hours.opensAt' : 'stationsPublic.hours.closesAt',
    {
      day: dayText(t, localDate(at), now),
      time: clockText(at),
    },
  )
  return `${state} · ${change}`
}

type Range = { start: string; end: string; overnight?: boolean }

/** "08:00–20:00", or "22:00–次日 06:00" for a range marked overnight (it closes the next day). */
export const rangeText = (t: TFunction, r: Range): string =>
  r.overnight === true
    ? t('stationsPublic.hours.overnight', { start: r.start, end: r.end })
    : `${r.start}–${r.end}`

const rangesText = (t: TFunction, ranges: Range[]) =>
  ranges.length
    ? [...ranges]
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((r) => rangeText(t, r))
        .join(t('stationsPublic.hours.separator'))
    : t('stationsPublic.hours.closedDay')

/** One row per weekday, Monday first: [label, hours]. */
export const weeklyRows = (t: TFunction, schedule: StationSchedule): Array<[string, string]> =>
  [1, 2, 3, 4, 5, 6, 7].map((day) => [
    t(`stationsPublic.weekday.${day}`),
    schedule.alwaysOpen
      ? t('stationsPublic.hours.allDay')
      : rangesText(
          t,
          schedule.weekly.filter((p) => p.day === day),
        ),
  ])

/** Consecutive weekdays with the same hours share a row: "周一至周五 08:00–20:00". */
export const groupedWeeklyRows = (
  t: TFunction,
  schedule: StationSchedule,
): Array<[string, string]> => {
  if (schedule.alwaysOpen)
    return [[t('stationsPublic.hours.everyDay'), t('stationsPublic.hours.allDay')]]
  const rows = weeklyRows(t, schedule)
  const out: Array<{ from: number; to: number; hours: string }> = []
  rows.forEach(([, hours], i) => {
    const last = out[out.length - 1]
    if (last && last.hours === hours) last.to = i
    else out.push({ from: i, to: i, hours })
  })
  return out.map(({ from, to, hours }) => [
    from === 0 && to === 6
      ? t('stationsPublic.hours.everyDay')
      : from === to
        ? rows[from]![0]
        : t('stationsPublic.common.weekdayRange', { from: rows[from]![0], to: rows[to]![0] }),
    hours,
  ])
}

/** What happens on public holidays, in words. */
export const holidayText = (t: TFunction, schedule: StationSchedule): string => {
  // A 24-hour station stays open on holidays (only a dated exception closes it).
  if (schedule.alwaysOpen) return t('stationsPublic.hours.holidayAlways')
  const h = schedule.holidayHours
  if (h === undefined || h === null) return t('stationsPublic.hours.holidayAsSunday')
  if (h.length === 0) return t('stationsPublic.hours.holidayClosed')
  return t('stationsPublic.hours.holidayHours', { hours: rangesText(t, h) })
}

/** Dated exceptions from today on (at most `max`), as "12月25日：休息". */
export const upcomingExceptions = (
  t: TFunction,
  schedule: StationSchedule,
  now: Date,
  max = 5,
): string[] => {
  const today = localDate(now)
  return (schedule.exceptions ?? [])
    .filter((e) => e.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, max)
    .map((e) =>
      t('stationsPublic.hours.exception', {
        date: dateText(t, e.date),
        hours: e.closed ? t('stationsPublic.hours.closedDay') : rangesText(t, e.hours),
      }),
    )
}
