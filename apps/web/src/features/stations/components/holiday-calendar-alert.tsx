import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../lib/session'

/**
 * Says that station hours after `endsOn` ignore public holidays and make-up workdays. Only
 * whoever runs the server can add a year (HOLIDAYS_FILE), so platform admins are told how and
 * everyone else whom to ask.
 */
export const HolidayCalendarAlert = ({
  endsOn,
  ended = false,
}: {
  /** The last date the calendar knows, YYYY-MM-DD. */
  endsOn: string
  /** The date has passed: say it ended rather than that it runs to it. */
  ended?: boolean
}) => {
  const { t } = useTranslation()
  const { session } = useSession()
  const platformAdmin = session?.grants.some((g) => g.role === 'platform_admin') ?? false
  const year = Number(endsOn.slice(0, 4)) + 1
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="holiday-calendar-alert"
      message={t(ended ? 'stations.holidayCalendar.ended' : 'stations.holidayCalendar.endsOn', {
        endsOn,
      })}
      description={t(
        platformAdmin ? 'stations.holidayCalendar.howToAdd' : 'stations.holidayCalendar.askAdmin',
        { year },
      )}
    />
  )
}
