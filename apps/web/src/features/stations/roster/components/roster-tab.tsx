import type { CreateShiftBody, Shift, Station } from '@unionhall/contracts'
import { App, Card, Flex, Spin, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryError } from '../../../../components/page/query-error'
import { useSession } from '../../../../lib/session'
import {
  useCoverage,
  useCreateShift,
  useDeleteShift,
  useShifts,
  useUpdateShift,
} from '../api/use-roster'
import { DAY_MS, rosterDates, shanghaiMs } from '../lib/roster-model'
import { CoverageView } from './coverage-view'
import { RosterGrid, RosterLegend } from './roster-grid'
import { ShiftFormModal } from './shift-form-modal'

export const ROSTER_DAYS = 14

type Editing = { shift: Shift | null; date?: string } | null

/** A station's duty roster: coverage of the next 14 days and the shifts, editable with station:manage. */
export const RosterTab = ({ station }: { station: Station }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { can } = useSession()
  const canManage = can('station:manage') && station.status === 'active'
  // The grid starts at today's Shanghai midnight; fixed for the life of the tab.
  const [openedAt] = useState(() => Date.now())
  const { dates, from, to } = useMemo(() => {
    const ds = rosterDates(openedAt, ROSTER_DAYS)
    const f = shanghaiMs(ds[0]!, '00:00')
    return {
      dates: ds,
      from: new Date(f).toISOString(),
      to: new Date(f + ROSTER_DAYS * DAY_MS).toISOString(),
    }
  }, [openedAt])
  const shifts = useShifts(station.id, from, to)
  const coverage = useCoverage(station.id, ROSTER_DAYS)
  const create = useCreateShift()
  const update = useUpdateShift()
  const remove = useDeleteShift()
  const [editing, setEditing] = useState<Editing>(null)

  const close = () => {
    setEditing(null)
    create.reset()
    update.reset()
    remove.reset()
  }

  const submit = (body: CreateShiftBody) => {
    const done = {
      onSuccess: () => {
        void message.success(t('common.saved'))
        close()
      },
    }
    if (editing?.shift) {
      update.mutate({ stationId: station.id, shiftId: editing.shift.id, body }, done)
    } else {
      create.mutate({ stationId: station.id, body }, done)
    }
  }

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('stations.roster.coverageTitle', { days: ROSTER_DAYS })}>
        {coverage.isError ? (
          <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
        ) : coverage.data ? (
          <CoverageView coverage={coverage.data} days={ROSTER_DAYS} />
        ) : (
          <Spin />
        )}
      </Card>
      <Card size="small" title={t('stations.roster.title')} extra={<RosterLegend />}>
        {shifts.isError ? (
          <QueryError error={shifts.error} onRetry={() => void shifts.refetch()} />
        ) : null}
        {station.status !== 'active' ? (
          <Typography.Paragraph type="secondary">
            {t('stations.roster.closedHint')}
          </Typography.Paragraph>
        ) : null}
        <Spin spinning={shifts.isLoading}>
          <RosterGrid
            dates={dates}
            shifts={shifts.data?.items ?? []}
            coverage={coverage.data}
            canManage={canManage}
            onAdd={(date) => setEditing({ shift: null, date })}
            onEdit={(shift) => setEditing({ shift })}
          />
        </Spin>
      </Card>
      {editing ? (
        <ShiftFormModal
          open
          orgId={station.orgId}
          shift={editing.shift}
          date={editing.date}
          submitting={create.isPending || update.isPending}
          deleting={remove.isPending}
          error={create.error ?? update.error ?? remove.error}
          onSubmit={submit}
          onDelete={() =>
            editing.shift &&
            remove.mutate(
              { stationId: station.id, shiftId: editing.shift.id },
              { onSuccess: close },
            )
          }
          onCancel={close}
        />
      ) : null}
    </Flex>
  )
}
