import type { StationSchedule } from '@unionhall/contracts'
import { Descriptions, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { stationLabels } from '../lib/station-labels'

type Range = { start: string; end: string; overnight?: boolean }

/** "08:00–18:00"; a range marked overnight reads "22:00–次日 06:00". */
export const formatRange = (t: TFunction, r: Range) =>
  r.overnight === true
    ? t('stations.schedule.rangeOvernight', { start: r.start, end: r.end })
    : t('stations.schedule.range', { start: r.start, end: r.end })

const formatRanges = (t: TFunction, rs: Range[]) =>
  rs.length === 0
    ? t('stations.schedule.closedAllDay')
    : rs.map((r) => formatRange(t, r)).join(t('common.listSeparator'))

/** The opening hours of a station as a readable table (weekdays, holidays, dated exceptions). */
export const ScheduleTable = ({ schedule }: { schedule: StationSchedule }) => {
  const { t } = useTranslation()
  const l = stationLabels(t)
  if (schedule.alwaysOpen) {
    return (
      <>
        <Typography.Paragraph>{t('stations.schedule.alwaysOpenText')}</Typography.Paragraph>
        <Exceptions schedule={schedule} />
      </>
    )
  }
  const byDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    day,
    ranges: schedule.weekly
      .filter((p) => p.day === day)
      .sort((a, b) => a.start.localeCompare(b.start)),
  }))
  const holiday =
    schedule.holidayHours == null
      ? t('stations.schedule.holidaySameAsSunday')
      : formatRanges(t, schedule.holidayHours)
  return (
    <>
      <Descriptions
        data-testid="schedule-table"
        column={1}
        size="small"
        bordered
        items={[
          ...byDay.map(({ day, ranges }) => ({
            key: `d${day}`,
            label: l.weekday(day),
            children: formatRanges(t, ranges),
          })),
          { key: 'holiday', label: t('stations.schedule.holidays'), children: holiday },
          {
            key: 'makeUp',
            label: t('stations.schedule.makeUpWorkdayAs'),
            children: l.weekday(schedule.makeUpWorkdayAs ?? 1),
          },
        ]}
      />
      <Exceptions schedule={schedule} />
    </>
  )
}

const Exceptions = ({ schedule }: { schedule: StationSchedule }) => {
  const { t } = useTranslation()
  const list = schedule.exceptions ?? []
  if (list.length === 0) return null
  return (
    <Descriptions
      style={{ marginTop: 12 }}
      title={t('stations.schedule.exceptions')}
      column={1}
      size="small"
      bordered
      items={[...list]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((e) => ({
          key: e.date,
          label: e.date,
          children: 'hours' in e ? formatRanges(t, e.hours) : t('stations.schedule.closedAllDay'),
        }))}
    />
  )
}
