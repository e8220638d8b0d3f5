import { CheckCircleOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons'
import { type Campaign, InvalidateBallotsBodySchema, RISK_SIGNALS } from '@unionhall/contracts'
import { Alert, App, Button, Col, Flex, Form, Input, Modal, Row, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import type { FlaggedBallot } from '../api/campaigns-api'
import { useFlaggedBallots, useReviewBallots } from '../api/use-campaigns'
import { A11yTable, ContrastTag } from './a11y'

type Signal = (typeof RISK_SIGNALS)[number]
type Action = 'invalidate' | 'restore' | 'clear'

const SIGNAL_COLORS: Record<Signal, string> = {
  burst_velocity: 'red',
  shared_device: 'volcano',
  new_account: 'orange',
  night_burst: 'purple',
  sequential_mobiles: 'magenta',
  ip_velocity: 'gold',
}

const ReasonModal = ({
  campaign,
  action,
  ballotIds,
  onClose,
  onDone,
}: {
  campaign: Campaign
  action: Action | null
  ballotIds: string[]
  onClose: () => void
  onDone: () => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ reason?: string }>()
  const rules = useZodRules(InvalidateBallotsBodySchema)
  const review = useReviewBallots()
  return (
    <Modal
      open={action !== null}
      title={action ? t(`campaigns.fraud.${action}Title`, { count: ballotIds.length }) : ''}
      okText={action ? t(`campaigns.fraud.${action}`) : ''}
      okButtonProps={{ danger: action === 'invalidate' }}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      afterClose={() => {
        form.resetFields()
        review.reset()
      }}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (!action) return
          const body = parseFormValues(t, form, InvalidateBallotsBodySchema, {
            ...values,
            ballotIds,
          })
          if (!body) return
          review.mutate(
            { id: campaign.id, action, ...body },
            {
              onSuccess: (r) => {
                void message.success(t(`campaigns.fraud.${action}Done`, { count: r.changed }))
                onDone()
              },
            },
          )
        }}
      >
        <Form.Item label={t('campaigns.fraud.reason')} name="reason" rules={rules.reason} required>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {review.error ? (
          <Alert type="error" showIcon role="alert" message={errorMessage(t, review.error)} />
        ) : null}
      </Form>
    </Modal>
  )
}

/**
 * Ballots the anti-fraud signals flagged: review them, then invalidate, restore, or clear the
 * ones found legitimate (they leave the queue as counted), in bulk.
 */
export const FraudTab = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const [signal, setSignal] = useState<Signal | undefined>()
  const [status, setStatus] = useState<'flagged' | 'invalidated' | undefined>('flagged')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(50)
  const [selected, setSelected] = useState<FlaggedBallot[]>([])
  const [action, setAction] = useState<Action | null>(null)
  const ballots = useFlaggedBallots(campaign.id, { signal, status, page, pageSize })
  const toInvalidate = selected.filter((b) => b.status !== 'invalidated')
  const toRestore = selected.filter((b) => b.status === 'invalidated')
  const toClear = selected.filter((b) => b.status === 'flagged')
  const ids = (action === 'restore' ? toRestore : action === 'clear' ? toClear : toInvalidate).map(
    (b) => b.id,
  )

  return (
    <>
      <Form layout="vertical" component="div">
        <Row gutter={[12, 0]}>
          <Col xs={12} md={6}>
            <Form.Item label={t('campaigns.fraud.signal')} htmlFor="fraud-signal">
              <Select
                id="fraud-signal"
                allowClear
                placeholder={t('campaigns.common.all')}
                value={signal}
                onChange={(v: Signal | undefined) => {
                  setSignal(v)
                  setPage(1)
                  setSelected([])
                }}
                options={RISK_SIGNALS.map((s) => ({
                  value: s,
                  label: t(`campaigns.fraud.signals.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('campaigns.fields.status')} htmlFor="fraud-status">
              <Select
                id="fraud-status"
                allowClear
                placeholder={t('campaigns.common.all')}
                value={status}
                onChange={(v: 'flagged' | 'invalidated' | undefined) => {
                  setStatus(v)
                  setPage(1)
                  setSelected([])
                }}
                options={(['flagged', 'invalidated'] as const).map((s) => ({
                  value: s,
                  label: t(`campaigns.ballotStatus.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} style={{ alignSelf: 'end', paddingBottom: 24 }}>
            <Flex gap={8} justify="flex-end" wrap>
              <Button
                danger
                icon={<StopOutlined />}
                disabled={toInvalidate.length === 0}
                onClick={() => setAction('invalidate')}
              >
                {t('campaigns.fraud.invalidateSelected', { count: toInvalidate.length })}
              </Button>
              <Button
                icon={<CheckCircleOutlined />}
                disabled={toRestore.length === 0}
                onClick={() => setAction('restore')}
              >
                {t('campaigns.fraud.restoreSelected', { count: toRestore.length })}
              </Button>
              <Button
                icon={<SafetyCertificateOutlined />}
                disabled={toClear.length === 0}
                onClick={() => setAction('clear')}
              >
                {t('campaigns.fraud.clearSelected', { count: toClear.length })}
              </Button>
            </Flex>
          </Col>
        </Row>
      </Form>
      {ballots.isError ? (
        <QueryError error={ballots.error} onRetry={() => void ballots.refetch()} />
      ) : null}
      <A11yTable
        data-testid="flagged-table"
        rowKey="id"
        loading={ballots.isFetching}
        dataSource={ballots.data?.items ?? []}
        scroll={{ x: 860 }}
        rowSelection={{
          selectedRowKeys: selected.map((b) => b.id),
          onChange: (_keys, rows) => setSelected(rows),
          getCheckboxProps: (b) => ({
            disabled: false,
            'aria-label': t('campaigns.fraud.select', { code: b.receiptCode }),
          }),
        }}
        pagination={{
          current: page,
          pageSize,
          total: ballots.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p)
            setPageSize(s)
          },
        }}
        columns={[
          { title: t('campaigns.fraud.receipt'), dataIndex: 'receiptCode', width: 140 },
          {
            title: t('campaigns.fraud.castAt'),
            dataIndex: 'castAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          { title: t('campaigns.fraud.voter'), dataIndex: 'voterMasked', width: 130 },
          {
            title: t('campaigns.fraud.voterOrg'),
            dataIndex: 'orgName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('campaigns.fraud.signal'),
            dataIndex: 'signals',
            render: (signals: Signal[]) =>
              signals.map((s) => (
                <ContrastTag key={s} color={SIGNAL_COLORS[s]}>
                  {t(`campaigns.fraud.signals.${s}`)}
                </ContrastTag>
              )),
          },
          {
            title: t('campaigns.fields.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: FlaggedBallot['status'], b) => (
              <ContrastTag
                color={s === 'invalidated' ? 'error' : s === 'flagged' ? 'warning' : 'success'}
                title={b.invalidationReason ?? undefined}
              >
                {t(`campaigns.ballotStatus.${s}`)}
              </ContrastTag>
            ),
          },
        ]}
      />
      <ReasonModal
        campaign={campaign}
        action={action}
        ballotIds={ids}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null)
          setSelected([])
        }}
      />
    </>
  )
}
