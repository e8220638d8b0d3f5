import type { Station } from '@unionhall/contracts'
import { App, Button, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../lib/error-message'
import { useCloseStation, useReopenStation } from '../api/use-stations'

/** Close (with a reason shown to workers) or reopen a station, each after a confirmation. */
export const CloseReopenButton = ({ station }: { station: Station }) => {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<{ reason: string }>()
  const close = useCloseStation()
  const reopen = useReopenStation()

  if (station.status === 'closed') {
    return (
      <Button
        loading={reopen.isPending}
        onClick={() =>
          void modal.confirm({
            title: t('stations.close.reopenTitle', { name: station.name }),
            content: t('stations.close.reopenEffect'),
            okText: t('stations.close.reopen'),
            cancelText: t('common.cancel'),
            onOk: () =>
              reopen
                .mutateAsync(station.id)
                .then(() => void message.success(t('stations.close.reopened')))
                .catch((e: unknown) => void message.error(errorMessage(t, e))),
          })
        }
      >
        {t('stations.close.reopen')}
      </Button>
    )
  }
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('stations.close.button')}
      </Button>
      <Modal
        open={open}
        title={t('stations.close.title', { name: station.name })}
        okText={t('stations.close.button')}
        okButtonProps={{ danger: true, loading: close.isPending }}
        cancelText={t('common.cancel')}
        onCancel={() => {
          setOpen(false)
          close.reset()
        }}
        onOk={() => form.submit()}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ reason }) =>
            close.mutate(
              { id: station.id, reason: reason.trim() },
              {
                onSuccess: () => {
                  void message.success(t('stations.close.closed'))
                  setOpen(false)
                  form.resetFields()
                },
              },
            )
          }
        >
          <p>{t('stations.close.effect')}</p>
          <Form.Item
            label={t('stations.close.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
          {close.error ? (
            <p role="alert" style={{ color: 'var(--ant-color-error, #cf1322)' }}>
              {errorMessage(t, close.error)}
            </p>
          ) : null}
        </Form>
      </Modal>
    </>
  )
}
