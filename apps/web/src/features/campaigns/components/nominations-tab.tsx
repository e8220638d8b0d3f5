import { MergeCellsOutlined } from '@ant-design/icons'
import {
  type Campaign,
  type Nomination,
  NOMINATION_STATUSES,
  type NominationStatus,
} from '@unionhall/contracts'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Image,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd'
import { useState } from 'react'
import { webLinkOrNull } from '../../../lib/web-link'
import { useTranslation } from 'react-i18next'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { errorMessage } from '../../../lib/error-message'
import { revealNomineeContact } from '../api/campaigns-api'
import { formatBeijingDateTime, formatDateTime } from '../../../lib/format'
import { publicUrl, usePublicOrigin } from '../../../lib/public-origin'
import {
  useMergeNominations,
  useNomination,
  useNominations,
  useReviewNomination,
} from '../api/use-campaigns'
import { ConsentSmsControl } from './consent-sms-control'
import { OrgNominationAction } from './org-nomination-form'
import { ReviewDecisionForm } from './review-decision-form'
import { RevealContact } from './reveal-contact'
import { A11yTable, ContrastTag } from './a11y'

export const NOMINATION_STATUS_COLORS: Record<NominationStatus, string> = {
  awaiting_consent: 'default',
  submitted: 'processing',
  accepted: 'success',
  rejected: 'error',
  merged: 'purple',
}

const NominationDrawer = ({
  campaign,
  nominationId,
  onClose,
}: {
  campaign: Campaign
  nominationId: string | null
  onClose: () => void
}) => {
  const { t } = useTranslation()
  const origin = usePublicOrigin()
  const { message } = App.useApp()
  const { can } = useSession()
  const screens = Grid.useBreakpoint()
  const detail = useNomination(campaign.id, nominationId)
  const review = useReviewNomination()
  const n = detail.data
  const levels = n?.reviewLevels ?? []
  const isTop = !n || levels.length === 0 || n.reviewLevelOrgId === levels[levels.length - 1]?.orgId
  const allowed =
    n?.status === 'awaiting_consent'
      ? (['reject'] as const)
      : isTop
        ? (['accept', 'reject'] as const)
        : (['forward', 'reject'] as const)
  const reviewable = n && (n.status === 'submitted' || n.status === 'awaiting_consent')
  const nominatingOrgs = [
    ...new Set(
      (n?.supporters ?? []).flatMap((s) => (s.nominatingOrgName ? [s.nominatingOrgName] : [])),
    ),
  ]

  return (
    <Drawer
      open={nominationId !== null}
      onClose={onClose}
      width={screens.md ? 560 : '100%'}
      title={
        n ? t('campaigns.nominations.drawerTitle', { name: n.nomineeName }) : t('common.loading')
      }
      afterOpenChange={(open) => {
        if (!open) review.reset()
      }}
    >
      {detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : null}
      {detail.isLoading ? <Spin /> : null}
      {n ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'status',
                label: t('campaigns.fields.status'),
                children: (
                  <ContrastTag color={NOMINATION_STATUS_COLORS[n.status]}>
                    {t(`campaigns.nominationStatus.${n.status}`)}
                  </ContrastTag>
                ),
              },
              { key: 'cat', label: t('campaigns.fields.category'), children: n.categoryName },
              ...(nominatingOrgs.length > 0
                ? [
                    {
                      key: 'orgs',
                      label: t('campaigns.nominations.nominatingOrgs'),
                      children: nominatingOrgs.join(t('common.listSeparator')),
                    },
                  ]
                : []),
              {
                key: 'mobile',
                label: t('campaigns.fields.mobile'),
                children: (
                  <RevealContact
                    masked={n.nomineeMobileMasked}
                    label={n.nomineeName}
                    reveal={() => revealNomineeContact(campaign.id, n.id)}
                  />
                ),
              },
              {
                key: 'employer',
                label: t('campaigns.fields.employer'),
                children: n.employerOrgName,
              },
              { key: 'trade', label: t('campaigns.fields.trade'), children: n.trade },
              { key: 'years', label: t('campaigns.fields.years'), children: n.years },
              {
                key: 'fl',
                label: t('campaigns.fields.isFrontLine'),
                children: n.isFrontLine ? t('campaigns.common.yes') : t('campaigns.common.no'),
              },
              {
                key: 'level',
                label: t('campaigns.nominations.reviewLevel'),
                children: n.reviewLevelOrgName ?? '—',
              },
              {
                key: 'levels',
                label: t('campaigns.nominations.reviewLevels'),
                children: levels.map((l) => l.orgName).join(' → ') || '—',
              },
              {
                key: 'consent',
                label: t('campaigns.nominations.consent'),
                children: n.consentedAt ? (
                  formatDateTime(n.consentedAt)
                ) : n.consentUrl ? (
                  <Typography.Text copyable={{ text: publicUrl(origin, n.consentUrl) }}>
                    {t('campaigns.nominations.consentPending')}
                  </Typography.Text>
                ) : (
                  '—'
                ),
              },
              ...(n.status === 'awaiting_consent' || n.consentSms.sentAt
                ? [
                    {
                      key: 'consentSms',
                      label: t('campaigns.nominations.consentSms'),
                      children: (
                        <ConsentSmsControl
                          campaignId={campaign.id}
                          nomination={n}
                          canResend={can('campaign:review')}
                        />
                      ),
                    },
                  ]
                : []),
              ...(n.reviewReason
                ? [
                    {
                      key: 'reason',
                      label: t('campaigns.review.reason'),
                      children: `${t(`campaigns.review.reasons.${n.reviewReason}`)}${n.reviewNote ? `：${n.reviewNote}` : ''}`,
                    },
                  ]
                : []),
            ]}
          />
          <div>
            <Typography.Title level={3} style={{ fontSize: '1em' }}>
              {t('campaigns.fields.achievements')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              {n.achievements}
            </Typography.Paragraph>
            {n.photoUrls.length > 0 ? (
              <Image.PreviewGroup>
                <Space wrap>
                  {n.photoUrls.map((u, i) => (
                    <Image
                      key={u}
                      src={u}
                      width={96}
                      alt={t('campaigns.nominations.photoAlt', { name: n.nomineeName, n: i + 1 })}
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ) : null}
            {webLinkOrNull(n.videoUrl) ? (
              <Typography.Link href={webLinkOrNull(n.videoUrl)!} target="_blank" rel="noreferrer">
                {t('campaigns.nominations.video')}
              </Typography.Link>
            ) : null}
          </div>
          <div>
            <Typography.Title level={3} style={{ fontSize: '1em' }}>
              {t('campaigns.nominations.supporters', { count: n.supporters.length })}
            </Typography.Title>
            <List
              size="small"
              bordered
              dataSource={n.supporters}
              renderItem={(s) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Flex gap={8} align="center" wrap>
                        <span>
                          {`${s.nominatingOrgName ?? s.nominatorName ?? '—'} · ${formatDateTime(s.createdAt)}`}
                        </span>
                        {s.nominatingOrgName ? (
                          <ContrastTag color="gold">
                            {t('campaigns.nominations.fromOrg')}
                          </ContrastTag>
                        ) : null}
                      </Flex>
                    }
                    description={
                      <>
                        <div style={{ whiteSpace: 'pre-wrap' }}>{s.reason}</div>
                        {s.recommendationLetter ? (
                          <section
                            aria-label={t('campaigns.nominations.letter')}
                            style={{ marginTop: 8 }}
                          >
                            <Typography.Text strong>
                              {t('campaigns.nominations.letter')}
                            </Typography.Text>
                            <Typography.Paragraph
                              ellipsis={{ rows: 6, expandable: true }}
                              style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                            >
                              {s.recommendationLetter}
                            </Typography.Paragraph>
                          </section>
                        ) : null}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </div>
          {reviewable && can('campaign:review') ? (
            <Card
              size="small"
              title={<h3 style={{ margin: 0, fontSize: '1em' }}>{t('campaigns.review.title')}</h3>}
            >
              <ReviewDecisionForm
                resetKey={`${n.id}:${n.status}:${n.reviewLevelOrgId ?? ''}`}
                allowed={allowed}
                submitting={review.isPending}
                error={review.error}
                onSubmit={(body) =>
                  review.mutate(
                    { id: campaign.id, nid: n.id, body },
                    {
                      onSuccess: () => {
                        void message.success(t('campaigns.review.done'))
                        onClose()
                      },
                    },
                  )
                }
              />
            </Card>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  )
}

const MergeModal = ({
  campaign,
  selected,
  open,
  onClose,
  onDone,
}: {
  campaign: Campaign
  selected: Nomination[]
  open: boolean
  onClose: () => void
  onDone: () => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const merge = useMergeNominations()
  const [intoId, setIntoId] = useState<string | undefined>()
  const target = intoId ?? selected[0]?.id
  return (
    <Modal
      open={open}
      title={t('campaigns.nominations.mergeTitle')}
      okText={t('campaigns.nominations.merge')}
      cancelText={t('common.cancel')}
      confirmLoading={merge.isPending}
      onCancel={onClose}
      afterClose={() => {
        setIntoId(undefined)
        merge.reset()
      }}
      onOk={() =>
        target &&
        merge.mutate(
          {
            id: campaign.id,
            intoId: target,
            fromIds: selected.map((s) => s.id).filter((id) => id !== target),
          },
          {
            onSuccess: () => {
              void message.success(t('campaigns.nominations.mergeDone'))
              onDone()
            },
          },
        )
      }
    >
      <Typography.Paragraph>{t('campaigns.nominations.mergeHint')}</Typography.Paragraph>
      <Radio.Group
        aria-label={t('campaigns.nominations.mergeInto')}
        value={target}
        onChange={(e) => setIntoId(e.target.value as string)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        options={selected.map((n) => ({
          value: n.id,
          // Duplicates read alike by name and employer: what tells them apart goes below.
          label: (
            <span>
              {`${n.nomineeName} · ${n.employerOrgName} · ${t(`campaigns.nominationStatus.${n.status}`)}`}
              <br />
              <Typography.Text type="secondary">
                {t('campaigns.nominations.mergeOption', {
                  mobile: n.nomineeMobileMasked,
                  time: formatBeijingDateTime(n.createdAt),
                  count: n.supporterCount,
                  consent: t(
                    `campaigns.nominations.mergeConsent.${
                      n.consentedAt
                        ? 'consented'
                        : n.status === 'awaiting_consent'
                          ? 'awaiting'
                          : 'none'
                    }`,
                  ),
                })}
              </Typography.Text>
            </span>
          ),
        }))}
      />
      {merge.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorMessage(t, merge.error)}
          style={{ marginTop: 12 }}
        />
      ) : null}
    </Modal>
  )
}

export const NominationsTab = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<NominationStatus | undefined>('submitted')
  const [categoryId, setCategoryId] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [openId, setOpenId] = useState<string | null>(null)
  const [selected, setSelected] = useState<Nomination[]>([])
  const [merging, setMerging] = useState(false)
  const nominations = useNominations(campaign.id, {
    q: q || undefined,
    status,
    categoryId,
    page,
    pageSize,
  })
  const categoryName = new Map(campaign.categories.map((c) => [c.id, c.name]))

  return (
    <>
      <OrgNominationAction campaign={campaign} />
      <Form layout="vertical" component="div">
        <Row gutter={[12, 0]}>
          <Col xs={24} md={8}>
            <Form.Item label={t('campaigns.nominations.search')} htmlFor="nominations-search">
              <Input.Search
                id="nominations-search"
                allowClear
                value={search}
                placeholder={t('campaigns.nominations.searchPlaceholder')}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={(v) => {
                  setQ(v.trim())
                  setPage(1)
                }}
                enterButton={t('common.search')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('campaigns.fields.status')} htmlFor="nominations-status">
              <Select
                id="nominations-status"
                allowClear
                placeholder={t('campaigns.common.all')}
                value={status}
                onChange={(v: NominationStatus | undefined) => {
                  setStatus(v)
                  setPage(1)
                  setSelected([])
                }}
                options={NOMINATION_STATUSES.map((s) => ({
                  value: s,
                  label: t(`campaigns.nominationStatus.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('campaigns.fields.category')} htmlFor="nominations-category">
              <Select
                id="nominations-category"
                allowClear
                placeholder={t('campaigns.common.all')}
                value={categoryId}
                onChange={(v: string | undefined) => {
                  setCategoryId(v)
                  setPage(1)
                }}
                options={campaign.categories.map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={4} style={{ alignSelf: 'end', paddingBottom: 24 }}>
            <Button
              icon={<MergeCellsOutlined />}
              disabled={selected.length < 2}
              onClick={() => setMerging(true)}
              block
            >
              {t('campaigns.nominations.mergeSelected', { count: selected.length })}
            </Button>
          </Col>
        </Row>
      </Form>
      {nominations.isError ? (
        <QueryError error={nominations.error} onRetry={() => void nominations.refetch()} />
      ) : null}
      <A11yTable
        data-testid="nominations-table"
        rowKey="id"
        loading={nominations.isFetching}
        dataSource={nominations.data?.items ?? []}
        scroll={{ x: 980 }}
        rowSelection={{
          selectedRowKeys: selected.map((s) => s.id),
          onChange: (_keys, rows) => setSelected(rows),
          getCheckboxProps: (n) => ({
            disabled: n.status === 'merged' || n.status === 'accepted',
            'aria-label': t('campaigns.nominations.select', { name: n.nomineeName }),
          }),
        }}
        pagination={{
          current: page,
          pageSize,
          total: nominations.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p)
            setPageSize(s)
          },
        }}
        columns={[
          {
            title: t('campaigns.fields.nominee'),
            dataIndex: 'nomineeName',
            render: (name: string, n) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(n.id)}>
                {name}
              </Button>
            ),
          },
          {
            title: t('campaigns.fields.category'),
            dataIndex: 'categoryId',
            render: (id: string) => categoryName.get(id) ?? '—',
          },
          { title: t('campaigns.fields.employer'), dataIndex: 'employerOrgName' },
          {
            title: t('campaigns.nominations.nominatingOrgs'),
            dataIndex: 'nominatingOrgNames',
            width: 160,
            // Empty: nominated by people only.
            render: (names: string[]) =>
              names.length > 0 ? names.join(t('common.listSeparator')) : '—',
          },
          { title: t('campaigns.fields.trade'), dataIndex: 'trade', width: 120 },
          {
            title: t('campaigns.fields.isFrontLine'),
            dataIndex: 'isFrontLine',
            width: 90,
            render: (b: boolean) => (b ? t('campaigns.common.yes') : t('campaigns.common.no')),
          },
          {
            title: t('campaigns.nominations.supporterCount'),
            dataIndex: 'supporterCount',
            width: 90,
          },
          {
            title: t('campaigns.fields.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: NominationStatus) => (
              <ContrastTag color={NOMINATION_STATUS_COLORS[s]}>
                {t(`campaigns.nominationStatus.${s}`)}
              </ContrastTag>
            ),
          },
          {
            title: t('campaigns.fields.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
      <NominationDrawer campaign={campaign} nominationId={openId} onClose={() => setOpenId(null)} />
      <MergeModal
        campaign={campaign}
        selected={selected}
        open={merging}
        onClose={() => setMerging(false)}
        onDone={() => {
          setMerging(false)
          setSelected([])
        }}
      />
    </>
  )
}
