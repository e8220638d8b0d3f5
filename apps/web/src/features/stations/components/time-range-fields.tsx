import { DeleteOutlined } from '@ant-design/icons'
import { Button, Flex, Form, Input, Tag } from 'antd'
import { useTranslation } from 'react-i18next'

type Props = {
  /** The row's name inside its Form.List (the index). */
  name: number
  /** Full path of the list, to watch the row's values for the "next day" tag. */
  listPath: (string | number)[]
  /** Accessible label prefix, e.g. "第 2 行". */
  rowLabel: string
  onRemove: () => void
}

const byMinutes = (hhmm: unknown) => {
  if (typeof hhmm !== 'string' || !/^\d\d:\d\d$/.test(hhmm)) return null
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
}

/**
 * A start and an end ("HH:MM"; the end may be 24:00). An end before the start runs past
 * midnight, shown by a "next day" tag so staff can see it was read as they meant.
 */
export const TimeRangeFields = ({ name, listPath, rowLabel, onRemove }: Props) => {
  const { t } = useTranslation()
  const form = Form.useFormInstance()
  const start = Form.useWatch([...listPath, name, 'start'], form) as unknown
  const end = Form.useWatch([...listPath, name, 'end'], form) as unknown
  const s = byMinutes(start)
  const e = byMinutes(end)
  const overnight = s !== null && e !== null && e < s
  return (
    <>
      <Form.Item
        name={[name, 'start']}
        style={{ marginBottom: 8 }}
        normalize={(v: string) => v.trim()}
      >
        <Input
          aria-label={t('stations.schedule.startOf', { row: rowLabel })}
          placeholder="08:00"
          maxLength={5}
          style={{ width: 88 }}
        />
      </Form.Item>
      <span aria-hidden style={{ lineHeight: '32px' }}>
        –
      </span>
      <Form.Item
        name={[name, 'end']}
        style={{ marginBottom: 8 }}
        normalize={(v: string) => v.trim()}
      >
        <Input
          aria-label={t('stations.schedule.endOf', { row: rowLabel })}
          placeholder="18:00"
          maxLength={5}
          style={{ width: 88 }}
        />
      </Form.Item>
      <Flex align="center" style={{ minHeight: 32 }}>
        {overnight ? <Tag color="blue">{t('stations.schedule.nextDay')}</Tag> : null}
        <Button
          type="text"
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t('stations.schedule.removeRow', { row: rowLabel })}
        />
      </Flex>
    </>
  )
}
