import { useOnChange } from '../../../components/form/use-on-change'
import { DownloadOutlined, EditOutlined } from '@ant-design/icons'
import { type Campaign, type Candidate, UpdateCandidateBodySchema } from '@unionhall/contracts'
import {
  Alert,
  App,
  Button,
  Col,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { Can } from '../../../components/page/can'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { candidatePosterUrl, candidatePublicUrl, exportCandidates } from '../api/campaigns-api'
import { useCandidates, useUpdateCandidate } from '../api/use-campaigns'
import { A11yTable, ContrastTag } from './a11y'
import { ImageListUpload } from '../../../components/image-upload/image-list-upload'

type EditValues = { story?: string; photoUrls?: string[]; videoUrl?: string }

const CandidateEditDrawer = ({
  campaign,
  candidate,
  onClose,
}: {
  campaign: Campaign
  candidate: Candidate | null
  onClose: () => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<EditValues>()
  const rules = useZodRules(UpdateCandidateBodySchema)
  const update = useUpdateCandidate()

  useOnChange(candidate?.id, () => {
    if (!candidate) return
    update.reset()
    form.setFieldsValue({
      story: candidate.story,
      photoUrls: candidate.photoUrls,
      videoUrl: candidate.videoUrl ?? '',
    })
  })

  return (
    <Drawer
      open={candidate !== null}
      onClose={onClose}
      width={screens.md ? 520 : '100%'}
      title={candidate ? t('campaigns.candidates.editTitle', { name: candidate.name }) : ''}
      forceRender
      extra={
        <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (!candidate) return
          const photoUrls = values.photoUrls ?? []
          const body = parseFormValues(t, form, UpdateCandidateBodySchema, {
            story: values.story ?? '',
            photoUrls,
            videoUrl: values.videoUrl?.trim() ? values.videoUrl.trim() : null,
          })
          if (!body) return
          update.mutate(
            { id: campaign.id, cid: candidate.id, body },
            {
              onSuccess: () => {
                void message.success(t('common.saved'))
                onClose()
              },
            },
          )
        }}
      >
        {update.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={errorMessage(t, update.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item label={t('campaigns.candidates.story')} name="story" rules={rules.story}>
          <Input.TextArea rows={8} maxLength={10000} showCount />
        </Form.Item>
        <Form.Item label={t('campaigns.candidates.photoUrls')} name="photoUrls">
          <ImageListUpload max={9} alt={t('campaigns.candidates.photoUrls')} />
        </Form.Item>
        <Form.Item
          label={t('campaigns.candidates.videoUrl')}
          name="videoUrl"
          rules={rules.videoUrl}
        >
          <Input type="url" maxLength={500} placeholder="https://" />
        </Form.Item>
      </Form>
    </Drawer>
  )
}

export const CandidatesTab = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [categoryId, setCategoryId] = useState<string | undefined>()
  const [status, setStatus] = useState<'active' | 'withdrawn' | undefined>()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [editing, setEditing] = useState<Candidate | null>(null)
  const [exporting, setExporting] = useState(false)
  const candidates = useCandidates(campaign.id, {
    q: q || undefined,
    categoryId,
    status,
    page,
    pageSize,
  })
  const update = useUpdateCandidate()
  const categoryName = new Map(campaign.categories.map((c) => [c.id, c.name]))

  const setCandidateStatus = (c: Candidate, to: 'active' | 'withdrawn') =>
    update
      .mutateAsync({ id: campaign.id, cid: c.id, body: { status: to } })
      .then(() => void message.success(t(`campaigns.candidates.${to}Done`)))
      .catch((e: unknown) => void message.error(errorMessage(t, e)))

  const onExport = () => {
    setExporting(true)
    exportCandidates(campaign.id)
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
      .finally(() => setExporting(false))
  }

  return (
    <>
      <Form layout="vertical" component="div">
        <Row gutter={[12, 0]}>
          <Col xs={24} md={8}>
            <Form.Item label={t('campaigns.candidates.search')} htmlFor="candidates-search">
              <Input.Search
                id="candidates-search"
                allowClear
                value={search}
                placeholder={t('campaigns.candidates.searchPlaceholder')}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={(v) => {
                  setQ(v.trim())
                  setPage(1)
                }}
                enterButton={t('common.search')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item label={t('campaigns.fields.category')} htmlFor="candidates-category">
              <Select
                id="candidates-category"
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
          <Col xs={12} md={5}>
            <Form.Item label={t('campaigns.fields.status')} htmlFor="candidates-status">
              <Select
                id="candidates-status"
                allowClear
                placeholder={t('campaigns.common.all')}
                value={status}
                onChange={(v: 'active' | 'withdrawn' | undefined) => {
                  setStatus(v)
                  setPage(1)
                }}
                options={(['active', 'withdrawn'] as const).map((s) => ({
                  value: s,
                  label: t(`campaigns.candidateStatus.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6} style={{ alignSelf: 'end', paddingBottom: 24 }}>
            <Flex justify="flex-end">
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
                {t('campaigns.candidates.export')}
              </Button>
            </Flex>
          </Col>
        </Row>
      </Form>
      {candidates.isError ? (
        <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : null}
      <A11yTable
        data-testid="candidates-table"
        rowKey="id"
        loading={candidates.isFetching}
        dataSource={candidates.data?.items ?? []}
        scroll={{ x: 980 }}
        pagination={{
          current: page,
          pageSize,
          total: candidates.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p)
            setPageSize(s)
          },
        }}
        columns={[
          { title: t('campaigns.fields.number'), dataIndex: 'number', width: 70 },
          { title: t('campaigns.fields.candidate'), dataIndex: 'name', width: 110 },
          {
            title: t('campaigns.fields.category'),
            dataIndex: 'categoryId',
            width: 130,
            render: (id: string) => categoryName.get(id) ?? '—',
          },
          { title: t('campaigns.fields.employer'), dataIndex: 'employerName' },
          { title: t('campaigns.fields.trade'), dataIndex: 'trade', width: 110 },
          {
            title: t('campaigns.fields.votes'),
            dataIndex: 'votes',
            width: 90,
            render: (v: number | null) =>
              v === null ? (
                <Typography.Text type="secondary">{t('campaigns.common.sealed')}</Typography.Text>
              ) : (
                v
              ),
          },
          {
            title: t('campaigns.fields.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: 'active' | 'withdrawn') => (
              <ContrastTag color={s === 'active' ? 'success' : 'default'}>
                {t(`campaigns.candidateStatus.${s}`)}
              </ContrastTag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 260,
            render: (_: unknown, c) => (
              <Space size={4} wrap>
                <Typography.Link
                  href={candidatePublicUrl(campaign.id, c.id)}
                  target="_blank"
                  aria-label={`${t('campaigns.candidates.profile')} ${c.name}`}
                >
                  {t('campaigns.candidates.profile')}
                </Typography.Link>
                <Typography.Link
                  href={candidatePosterUrl(campaign.id, c.id)}
                  target="_blank"
                  aria-label={`${t('campaigns.candidates.poster')} ${c.name}`}
                >
                  {t('campaigns.candidates.poster')}
                </Typography.Link>
                <Can permission="campaign:manage">
                  <Button
                    size="small"
                    type="link"
                    icon={<EditOutlined />}
                    aria-label={`${t('common.edit')} ${c.name}`}
                    onClick={() => setEditing(c)}
                  />
                  {c.status === 'active' ? (
                    <Popconfirm
                      title={t('campaigns.candidates.withdrawConfirm', { name: c.name })}
                      okText={t('campaigns.candidates.withdraw')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => void setCandidateStatus(c, 'withdrawn')}
                    >
                      <Button size="small" type="link" danger>
                        {t('campaigns.candidates.withdraw')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => void setCandidateStatus(c, 'active')}
                    >
                      {t('campaigns.candidates.restore')}
                    </Button>
                  )}
                </Can>
              </Space>
            ),
          },
        ]}
      />
      <CandidateEditDrawer
        campaign={campaign}
        candidate={editing}
        onClose={() => setEditing(null)}
      />
    </>
  )
}
