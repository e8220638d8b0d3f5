import { PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd'
import { HOLIDAY_CALENDAR_NOTICE_DAYS } from '@unionhall/contracts'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { FormSelect } from '../../../components/form/form-select'
import { useHolidayCalendarReach } from '../api/use-stations'
import type { ExceptionRow, HolidayMode } from '../lib/station-form-model'
import { stationOptions } from '../lib/station-labels'
import { HolidayCalendarAlert } from './holiday-calendar-alert'
import { TimeRangeFields } from './time-range-fields'

const DATE = 'YYYY-MM-DD'

/** The form keeps dates as "YYYY-MM-DD" strings; the picker works on dayjs values. */
export const dateValueProps = (v: unknown) => ({
  value: typeof v === 'string' && v ? dayjs(v, DATE) : null,
})
export const normalizeDate = (d: Dayjs | null) => (d ? d.format(DATE) : undefined)

const WEEKLY = ['schedule', 'weekly']
const HOLIDAY = ['schedule', 'holidayHours']
const EXCEPTIONS = ['schedule', 'exceptions']

/** Opening hours: 24-hour switch, weekly periods, holidays, make-up workdays, dated exceptions. */
export const ScheduleEditor = () => {
  const { t } = useTranslation()
  const form = Form.useFormInstance()
  const alwaysOpen = Form.useWatch(['schedule', 'alwaysOpen'], form) as boolean | undefined
  const holidayMode = Form.useWatch(['schedule', 'holidayMode'], form) as HolidayMode | undefined
  const exceptions = (Form.useWatch(EXCEPTIONS, form) ?? []) as ExceptionRow[]
  const weeklyRows = (Form.useWatch(WEEKLY, form) ?? []) as unknown[]
  const holidayRows = (Form.useWatch(HOLIDAY, form) ?? []) as unknown[]
  // Valid, and never open: the server stores it (a station may be set up before its hours are
  // known), but staff should know it will never count as open.
  const neverOpen =
    alwaysOpen !== true &&
    weeklyRows.length === 0 &&
    (holidayMode !== 'custom' || holidayRows.length === 0) &&
    !exceptions.some((e) => e?.mode === 'hours' && (e.hours ?? []).length > 0)
  // Holidays and 调休 past the calendar's end count as ordinary days: say so while staff set
  // the hours for them, from a month before (when next year's notice is due) on.
  const reach = useHolidayCalendarReach().data
  const calendarNote =
    reach && reach.daysLeft <= HOLIDAY_CALENDAR_NOTICE_DAYS ? (
      <div style={{ marginBottom: 16 }}>
        <HolidayCalendarAlert endsOn={reach.endsOn} ended={reach.daysLeft < 0} />
      </div>
    ) : null
  const weekdays = stationOptions(t).weekdays
  const row = (i: number) => t('stations.schedule.row', { n: i + 1 })

  return (
    <>
      <Form.Item
        label={t('stations.schedule.alwaysOpen')}
        name={['schedule', 'alwaysOpen']}
        valuePropName="checked"
        extra={t('stations.schedule.alwaysOpenHelp')}
      >
        <Switch />
      </Form.Item>
      {alwaysOpen ? null : (
        <>
          <Form.Item
            label={t('stations.schedule.weekly')}
            extra={t('stations.schedule.weeklyHelp')}
            required
          >
            <Form.List name={WEEKLY}>
              {(fields, { add, remove }) => (
                <div role="group" aria-label={t('stations.schedule.weekly')}>
                  {fields.map(({ key, name }) => (
                    <Flex key={key} gap={8} wrap align="flex-start" data-testid="weekly-row">
                      <Form.Item name={[name, 'day']} style={{ marginBottom: 8 }}>
                        <FormSelect
                          aria-label={t('stations.schedule.dayOf', { row: row(name) })}
                          options={weekdays}
                          style={{ width: 96 }}
                        />
                      </Form.Item>
                      <TimeRangeFields
                        name={name}
                        rowLabel={row(name)}
                        onRemove={() => remove(name)}
                      />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ day: 1, start: '08:00', end: '18:00' })}
                    disabled={fields.length >= 42}
                  >
                    {t('stations.schedule.addPeriod')}
                  </Button>
                </div>
              )}
            </Form.List>
            {neverOpen ? (
              <Alert
                type="warning"
                showIcon
                role="status"
                style={{ marginTop: 8 }}
                message={t('stations.schedule.neverOpen')}
              />
            ) : null}
          </Form.Item>
          <Form.Item
            label={t('stations.schedule.holidays')}
            name={['schedule', 'holidayMode']}
            extra={t('stations.schedule.holidaysHelp')}
          >
            <Radio.Group
              options={(['sunday', 'closed', 'custom'] as const).map((m) => ({
                value: m,
                label: t(`stations.schedule.holidayMode.${m}`),
              }))}
            />
          </Form.Item>
          {holidayMode === 'custom' ? (
            <Form.List name={HOLIDAY}>
              {(fields, { add, remove }) => (
                <div
                  role="group"
                  aria-label={t('stations.schedule.holidayHours')}
                  style={{ marginBottom: 16 }}
                >
                  {fields.map(({ key, name }) => (
                    <Flex key={key} gap={8} wrap align="flex-start">
                      <TimeRangeFields
                        name={name}
                        rowLabel={t('stations.schedule.holidayRow', { n: name + 1 })}
                        onRemove={() => remove(name)}
                      />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ start: '09:00', end: '17:00' })}
                    disabled={fields.length >= 6}
                  >
                    {t('stations.schedule.addPeriod')}
                  </Button>
                </div>
              )}
            </Form.List>
          ) : null}
          {calendarNote}
        </>
      )}
      <Form.Item
        label={t('stations.schedule.makeUpWorkdayAs')}
        name={['schedule', 'makeUpWorkdayAs']}
        extra={t('stations.schedule.makeUpWorkdayHelp')}
      >
        <Select options={weekdays} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('stations.schedule.exceptions')}
        extra={t('stations.schedule.exceptionsHelp')}
      >
        <Form.List name={EXCEPTIONS}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map(({ key, name }) => (
                <Card key={key} size="small">
                  <Flex gap={8} wrap align="flex-start">
                    <Form.Item
                      name={[name, 'date']}
                      getValueProps={dateValueProps}
                      normalize={normalizeDate}
                      style={{ marginBottom: 8 }}
                    >
                      <DatePicker
                        aria-label={t('stations.schedule.exceptionDate', { n: name + 1 })}
                      />
                    </Form.Item>
                    <Form.Item name={[name, 'mode']} style={{ marginBottom: 8 }}>
                      <Radio.Group
                        aria-label={t('stations.schedule.exceptionMode', { n: name + 1 })}
                        options={[
                          { value: 'closed', label: t('stations.schedule.exceptionClosed') },
                          { value: 'hours', label: t('stations.schedule.exceptionHours') },
                        ]}
                      />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(name)}>
                      {t('stations.schedule.removeException')}
                    </Button>
                  </Flex>
                  {exceptions[name]?.mode === 'hours' ? (
                    <Form.List name={[name, 'hours']}>
                      {(hourFields, hours) => (
                        <>
                          {hourFields.map((h) => (
                            <Flex key={h.key} gap={8} wrap align="flex-start">
                              <TimeRangeFields
                                name={h.name}
                                rowLabel={t('stations.schedule.exceptionRow', {
                                  n: name + 1,
                                  m: h.name + 1,
                                })}
                                onRemove={() => hours.remove(h.name)}
                              />
                            </Flex>
                          ))}
                          <Button
                            size="small"
                            type="dashed"
                            icon={<PlusOutlined />}
                            onClick={() => hours.add({ start: '09:00', end: '12:00' })}
                            disabled={hourFields.length >= 6}
                          >
                            {t('stations.schedule.addPeriod')}
                          </Button>
                        </>
                      )}
                    </Form.List>
                  ) : null}
                </Card>
              ))}
              <div>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ mode: 'closed', hours: [] })}
                  disabled={fields.length >= 100}
                >
                  {t('stations.schedule.addException')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('stations.schedule.timezoneNote')}
      </Typography.Paragraph>
    </>
  )
}
