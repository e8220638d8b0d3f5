import { PlusOutlined } from '@ant-design/icons'
import type { Coverage, Shift } from '@unionhall/contracts'
import { Button, Flex, Typography } from 'antd'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { assignLanes, piecesByDay, shanghaiTime, weekdayOf } from '../lib/roster-model'
import { COVERAGE_STYLE, CoverageStrip } from './coverage-view'

const LANE_PX = 26
/**
 * Shift bars, with white text on them: staff 6.2:1, party-member volunteers 5.6:1 (AntD's
 * #1677ff gave white text 4.1:1). Neither is the amber of uncovered hours.
 */
export const ROLE_COLOR: Record<Shift['role'], string> = {
  staff: '#0958d9',
  party_volunteer: '#cf1322',
}
export const BAR_TEXT_COLOR = '#ffffff'

const Swatch = ({ style }: { style: CSSProperties }) => (
  <span
    aria-hidden
    style={{ display: 'inline-block', width: 16, height: 10, borderRadius: 2, ...style }}
  />
)

/** What the grid's colours mean: the two roles on the bars, and the strip's covered/uncovered. */
export const RosterLegend = () => {
  const { t } = useTranslation()
  const entries: { key: string; style: CSSProperties; text: string }[] = [
    ...(['staff', 'party_volunteer'] as const).map((role) => ({
      key: role,
      style: { backgroundColor: ROLE_COLOR[role] },
      text: t(`stations.roster.roles.${role}`),
    })),
    { key: 'covered', style: COVERAGE_STYLE.covered, text: t('stations.roster.legend.covered') },
    {
      key: 'uncovered',
      style: COVERAGE_STYLE.uncovered,
      text: t('stations.roster.legend.uncovered'),
    },
  ]
  return (
    <ul
      aria-label={t('stations.roster.legend.label')}
      style={{ display: 'flex', gap: 12, margin: 0, padding: 0, listStyle: 'none', fontSize: 12 }}
    >
      {entries.map((e) => (
        <li key={e.key} data-testid={`legend-${e.key}`} style={{ display: 'flex', gap: 4 }}>
          <Swatch style={e.style} />
          {e.text}
        </li>
      ))}
    </ul>
  )
}

type Props = {
  dates: readonly string[]
  shifts: readonly Shift[]
  coverage: Coverage | undefined
  canManage: boolean
  onAdd: (date: string) => void
  onEdit: (shift: Shift) => void
}

/** Hour marks over the day tracks. */
const HourScale = () => (
  <div style={{ position: 'relative', height: 16, fontSize: 11, color: '#8c8c8c' }}>
    {[0, 3, 6, 9, 12, 15, 18, 21].map((h) => (
      <span key={h} style={{ position: 'absolute', left: `${(h / 24) * 100}%` }}>
        {String(h).padStart(2, '0')}
      </span>
    ))}
  </div>
)

/**
 * The roster as a grid of days: each row shows the day's coverage strip (hatched amber where
 * the station is open and nobody is on shift) and the shifts on a 24-hour track.
 */
export const RosterGrid = ({ dates, shifts, coverage, canManage, onAdd, onEdit }: Props) => {
  const { t } = useTranslation()
  const shiftPieces = piecesByDay(shifts, (s) => ({ start: s.startsAt, end: s.endsAt }), dates)
  const coveragePieces = piecesByDay(coverage?.intervals ?? [], (i) => i, dates)
  return (
    <div role="table" aria-label={t('stations.roster.gridLabel')}>
      <Flex gap={12} role="row">
        <div style={{ width: 110 }} />
        <div style={{ flex: 1 }}>
          <HourScale />
        </div>
        {canManage ? <div style={{ width: 32 }} /> : null}
      </Flex>
      {dates.map((date) => {
        const lanes = assignLanes(shiftPieces.get(date) ?? [])
        const laneCount = Math.max(1, ...lanes.map((l) => l.lane + 1))
        return (
          <Flex
            key={date}
            gap={12}
            role="row"
            data-testid={`roster-day-${date}`}
            style={{ borderTop: '1px solid #f0f0f0', padding: '6px 0' }}
          >
            <Typography.Text style={{ width: 110 }} role="rowheader">
              {date.slice(5)} {t(`stations.roster.weekdays.d${weekdayOf(date)}`)}
            </Typography.Text>
            <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }} role="cell">
              <CoverageStrip pieces={coveragePieces.get(date) ?? []} />
              <div style={{ position: 'relative', height: laneCount * LANE_PX }}>
                {lanes.map((p) => {
                  const s = p.item
                  const text = `${s.memberName} ${shanghaiTime(Date.parse(s.startsAt))}–${shanghaiTime(Date.parse(s.endsAt))}`
                  return (
                    <button
                      key={`${s.id}-${p.startMin}`}
                      type="button"
                      disabled={!canManage}
                      onClick={() => onEdit(s)}
                      title={`${text} · ${t(`stations.roster.roles.${s.role}`)}${s.note ? ` · ${s.note}` : ''}`}
                      style={{
                        position: 'absolute',
                        top: p.lane * LANE_PX,
                        height: LANE_PX - 4,
                        left: `${(p.startMin / 1440) * 100}%`,
                        width: `${((p.endMin - p.startMin) / 1440) * 100}%`,
                        minWidth: 8,
                        overflow: 'hidden',
                        whiteSpace: 'nowrap',
                        textOverflow: 'ellipsis',
                        fontSize: 12,
                        color: BAR_TEXT_COLOR,
                        background: ROLE_COLOR[s.role],
                        border: 'none',
                        borderRadius: 4,
                        padding: '0 4px',
                        cursor: canManage ? 'pointer' : 'default',
                      }}
                    >
                      {text}
                    </button>
                  )
                })}
              </div>
            </Flex>
            {canManage ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                aria-label={t('stations.roster.addOn', { date })}
                onClick={() => onAdd(date)}
              />
            ) : null}
          </Flex>
        )
      })}
    </div>
  )
}
