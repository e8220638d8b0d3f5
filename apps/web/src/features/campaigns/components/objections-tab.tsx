import { type Campaign, ResolveObjectionBodySchema } from '@unionhall/contracts'
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { FormRadioGroup } from '../../../components/form/form-radio-group'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { Can } from '../../../components/page/can'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { revealObjectorContact } from '../api/campaigns-api'
import { formatDateTime } from '../../../lib/format'
import { useObjections, useResolveObjection } from '../api/use-campaigns'
import { RevealContact } from './reveal-contact'
import { A11yTable, ContrastTag } from './a11y'

type ObjectionStatus = 'open' | 'upheld' | 'dismissed'
type Objection = {
  id: string
  candidateName: string
  reason: string
  status: ObjectionStatus
}
const STATUS_COLORS: Record<ObjectionStatus, string> = {
  open: 'processing',
  upheld: 'error',
  dismissed: 'default',
}

const ResolveModal = ({
  campaign,
  objection,
  onClose,
}: {
  campaign: Campaign
  objection: Objection | null
  onClose: () => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Partial<z.infer<typeof ResolveObjectionBodySchema>>>()
  const rules = useZodRules(ResolveObjectionBodySchema)
  const resolve = useResolveObjection()
  return (
    <Modal
      open={objection !== null}
      title={t('campaigns.objections.resolveTitle', { name: objection?.candidateName ?? '' })}
      okText={t('campaigns.objections.resolve')}
      cancelText={t('common.cancel')}
      confirmLoading={resolve.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      afterClose={() => {
        form.resetFields()
        resolve.reset()
      }}
      forceRender
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {objection?.reason}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: 'dismissed' }}
        onFinish={(values) => {
          if (!objection) return
          const body = parseFormValues(t, form, ResolveObjectionBodySchema, values)
          if (!body) return
          resolve.mutate(
            { id: campaign.id, oid: objection.id, body },
            {
              onSuccess: () => {
                void message.success(t('campaigns.objections.resolved'))
                onClose()
              },
            },
          )
        }}
      >
        <Form.Item
          label={t('campaigns.objections.outcome')}
          name="status"
          rules={rules.status}
          required
        >
          <FormRadioGroup
            aria-label={t('campaigns.objections.outcome')}
            options={(['upheld', 'dismissed'] as const).map((s) => ({
              value: s,
              label: t(`campaigns.objectionStatus.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('campaigns.objections.resolution')}
          name="resolution"
          rules={rules.resolution}
          required
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {resolve.error ? (
          <Alert type="error" showIcon role="alert" message={errorMessage(t, resolve.error)} />
        ) : null}
      </Form>
    </Modal>
  )
}

export const ObjectionsTab = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const [status, setStatus] = useState<ObjectionStatus | undefined>('open')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [resolving, setResolving] = useState<Objection | null>(null)
  const objections = useObjections(campaign.id, { status, page, pageSize })
  return (
    <>
      <Form layout="vertical" component="div">
        <Row>
          <Col xs={12} md={6}>
            <Form.Item label={t('campaigns.fields.status')} htmlFor="objections-status">
              <Select
                id="objections-status"
                allowClear
                placeholder={t('campaigns.common.all')}
                value={status}
                onChange={(v: ObjectionStatus | undefined) => {
                  setStatus(v)
                  setPage(1)
                }}
                options={(['open', 'upheld', 'dismissed'] as const).map((s) => ({
                  value: s,
                  label: t(`campaigns.objectionStatus.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {objections.isError ? (
        <QueryError error={objections.error} onRetry={() => void objections.refetch()} />
      ) : null}
      <A11yTable
        rowKey="id"
        loading={objections.isFetching}
        dataSource={objections.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: objections.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p)
            setPageSize(s)
          },
        }}
        columns={[
          { title: t('campaigns.fields.candidate'), dataIndex: 'candidateName', width: 110 },
          {
            title: t('campaigns.objections.reason'),
            dataIndex: 'reason',
            render: (r: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                {r}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('campaigns.objections.contact'),
            key: 'contact',
            width: 150,
            render: (_: unknown, o) => (
              <>
                <div>{o.contactName}</div>
                <RevealContact
                  masked={o.contactMobileMasked}
                  label={o.contactName}
                  reveal={() => revealObjectorContact(campaign.id, o.id)}
                />
              </>
            ),
          },
          {
            title: t('campaigns.fields.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: ObjectionStatus) => (
              <ContrastTag color={STATUS_COLORS[s]}>
                {t(`campaigns.objectionStatus.${s}`)}
              </ContrastTag>
            ),
          },
          {
            title: t('campaigns.objections.resolution'),
            dataIndex: 'resolution',
            width: 200,
            render: (r: string | null) => r ?? '—',
          },
          {
            title: t('campaigns.fields.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, o) =>
              o.status === 'open' ? (
                <Can permission="campaign:review">
                  <Button
                    size="small"
                    aria-label={`${t('campaigns.objections.resolve')} ${o.candidateName}`}
                    onClick={() => setResolving(o)}
                  >
                    {t('campaigns.objections.resolve')}
                  </Button>
                </Can>
              ) : null,
          },
        ]}
      />
      <ResolveModal campaign={campaign} objection={resolving} onClose={() => setResolving(null)} />
    </>
  )
}
