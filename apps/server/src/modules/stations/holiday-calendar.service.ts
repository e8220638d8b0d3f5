import type { HolidayCalendarReach } from '@unionhall/contracts'
import { type Ctx, holdsPermission, requireActor } from '../../core/access'
import { commonErrors } from '../../platform/errors/app-error'
import { cnHolidayCalendarEndsOn } from './domain/cn-holidays'
import { shanghaiDate } from './domain/schedule'

const DAY_MS = 86_400_000

/**
 * How far the national holiday calendar reaches, for the schedule editor: past its end the
 * hours staff enter ignore holidays and 调休, which nothing else in the console says. The same
 * for every org (it is national), so the gate is holding station:read anywhere.
 */
export const holidayCalendarReach = (ctx: Ctx): HolidayCalendarReach => {
  const actor = requireActor(ctx)
  if (!holdsPermission(actor, 'station:read')) throw commonErrors.forbidden()
  const endsOn = cnHolidayCalendarEndsOn()
  const today = shanghaiDate(ctx.now)
  return {
    endsOn,
    missingYear: Number(endsOn.slice(0, 4)) + 1,
    daysLeft: Math.round((Date.parse(endsOn) - Date.parse(today)) / DAY_MS),
  }
}
