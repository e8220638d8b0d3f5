import type { Coverage } from '@unionhall/contracts'
import { Alert, Flex, Progress, Space, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { HolidayCalendarAlert } from '../../components/holiday-calendar-alert'
import { type DayPiece, shanghaiDate, shanghaiTime } from '../lib/roster-model'

/**
 * How the strip draws open hours. Nobody on shift is hatched amber, not red: red is the
 * party-member volunteers' colour on the shift bars beside it. Both read at ≥ 3:1 against the
 * strip's grey (non-text contrast): green 3.1:1, the amber stripes 4.0:1.
 */
export const COVERAGE_STYLE = {
  covered: { backgroundColor: '#389e0d' },
  uncovered: {
    backgroundColor: '#ffd666',
    backgroundImage: 'repeating-linear-gradient(135deg, #ad6800 0 3px, #ffd666 3px 6px)',
  },
} as const

/** "12-03 14:30–22:00" of an interval, in Shanghai time. */
export const intervalLabel = (start: string, end: string) => {
  const s = Date.parse(start)
  const e = Date.parse(end)
  const endText =
    shanghaiDate(e - 1) === shanghaiDate(s)
      ? shanghaiTime(e)
      : `${shanghaiDate(e).slice(5)} ${shanghaiTime(e)}`
  return `${shanghaiDate(s).slice(5)} ${shanghaiTime(s)}–${endText === '00:00' ? '24:00' : endText}`
}

type Piece = DayPiece<Coverage['intervals'][number]>

/**
 * One day's opening hours as a bar over 00:00–24:00: green where someone is on shift, hatched
 * amber where nobody is. Closed hours stay empty.
 */
export const CoverageStrip = ({
  pieces,
  height = 10,
}: {
  pieces: readonly Piece[]
  height?: number
}) => {
  const { t } = useTranslation()
  return (
    <div
      style={{ position: 'relative', height, background: '#f5f5f5', borderRadius: 2 }}
      aria-hidden={pieces.length === 0}
    >
      {pieces.map((p) => {
        const label = `${intervalLabel(p.item.start, p.item.end)} · ${
          p.item.covered
            ? t('stations.roster.onShift', { count: p.item.staffCount })
            : t('stations.roster.nobody')
        }`
        return (
          <Tooltip key={`${p.item.start}-${p.startMin}`} title={label}>
            <div
              data-testid={p.item.covered ? 'coverage-covered' : 'coverage-gap'}
              aria-label={label}
              role="img"
              style={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                left: `${(p.startMin / 1440) * 100}%`,
                width: `${((p.endMin - p.startMin) / 1440) * 100}%`,
                ...(p.item.covered ? COVERAGE_STYLE.covered : COVERAGE_STYLE.uncovered),
                borderRadius: 2,
              }}
            />
          </Tooltip>
        )
      })}
    </div>
  )
}

/** The covered share of the opening hours ahead and every uncovered stretch. */
export const CoverageView = ({ coverage, days }: { coverage: Coverage; days: number }) => {
  const { t } = useTranslation()
  const hours = Math.round(coverage.openMinutes - coverage.coveredMinutes) / 60
  return (
    <Flex vertical gap={8} data-testid="coverage-view">
      <Flex gap={24} align="center" wrap>
        <Progress
          type="circle"
          size={88}
          percent={coverage.coveredPercent}
          format={(p) => `${p}%`}
          status={coverage.uncovered.length > 0 ? 'exception' : 'success'}
          aria-label={t('stations.roster.coveredPercent', { percent: coverage.coveredPercent })}
        />
        <Space direction="vertical" size={2}>
          <Typography.Text strong>
            {t('stations.roster.coveredPercent', { percent: coverage.coveredPercent })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {coverage.openMinutes === 0
              ? t('stations.roster.neverOpen', { days })
              : coverage.uncovered.length === 0
                ? t('stations.roster.noGaps', { days })
                : t('stations.roster.gapSummary', {
                    days,
                    count: coverage.uncovered.length,
                    hours: Math.round(hours * 10) / 10,
                  })}
          </Typography.Text>
        </Space>
      </Flex>
      {coverage.beyondHolidayCalendar ? (
        <HolidayCalendarAlert
          endsOn={coverage.holidayCalendarEndsOn}
          ended={shanghaiDate(Date.parse(coverage.from)) > coverage.holidayCalendarEndsOn}
        />
      ) : null}
      {coverage.uncovered.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('stations.roster.uncoveredTitle')}
          description={
            <Flex gap={4} wrap>
              {coverage.uncovered.map((u) => (
                <Tag key={u.start} color="gold" data-testid="uncovered-interval">
                  {intervalLabel(u.start, u.end)}
                </Tag>
              ))}
            </Flex>
          }
        />
      ) : null}
    </Flex>
  )
}
