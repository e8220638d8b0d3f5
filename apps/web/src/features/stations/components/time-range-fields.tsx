import { DeleteOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'

type Props = {
  /** The row's name inside its Form.List (the index). */
  name: number
  /** Accessible label prefix, e.g. "第 2 行". */
  rowLabel: string
  onRemove: () => void
}

/**
 * A start, an end ("HH:MM"; the end may be 24:00) and an "ends next day" box. A range past
 * midnight is ticked on purpose, never guessed from an end before the start: 17:00–08:00 typed
 * for 08:00–17:00 is an error the form shows, not a night shift (ADR 0026).
 */
export const TimeRangeFields = ({ name, rowLabel, onRemove }: Props) => {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item
        name={[name, 'start']}
        className="uh-time-field"
        style={{ marginBottom: 8, width: 88 }}
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
        className="uh-time-field"
        style={{ marginBottom: 8, width: 88 }}
        normalize={(v: string) => v.trim()}
      >
        <Input
          aria-label={t('stations.schedule.endOf', { row: rowLabel })}
          placeholder="18:00"
          maxLength={5}
          style={{ width: 88 }}
        />
      </Form.Item>
      <Form.Item name={[name, 'overnight']} valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox
          aria-label={t('stations.schedule.overnightOf', { row: rowLabel })}
          style={{ lineHeight: '32px' }}
        >
          {t('stations.schedule.nextDay')}
        </Checkbox>
      </Form.Item>
      <Flex align="center" style={{ minHeight: 32 }}>
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
