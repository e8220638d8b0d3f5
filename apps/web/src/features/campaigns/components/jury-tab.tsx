import { DeleteOutlined, FormOutlined, UserAddOutlined } from '@ant-design/icons'
import type { Campaign } from '@unionhall/contracts'
import { Alert, App, Button, Card, Col, Flex, Form, Popconfirm, Progress, Row, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Can } from '../../../components/page/can'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import {
  useAddJuror,
  useJurors,
  useJuryProgress,
  useMemberSearch,
  useRemoveJuror,
} from '../api/use-campaigns'
import { A11yTable } from './a11y'

const useDebounced = (value: string, ms: number) => {
  const [v, setV] = useState(value)
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms)
    return () => clearTimeout(h)
  }, [value, ms])
  return v
}

const AddJuror = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [search, setSearch] = useState('')
  const [memberId, setMemberId] = useState<string | undefined>()
  const q = useDebounced(search, 300)
  const members = useMemberSearch(q, campaign.orgId)
  const add = useAddJuror()
  return (
    <Form layout="vertical" component="div">
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item
            label={t('campaigns.jury.addJuror')}
            htmlFor="juror-member"
            extra={t('campaigns.jury.addJurorHint')}
          >
            <Select
              id="juror-member"
              showSearch
              allowClear
              filterOption={false}
              value={memberId}
              onSearch={setSearch}
              onChange={(v: string | undefined) => setMemberId(v)}
              placeholder={t('campaigns.jury.memberPlaceholder')}
              loading={members.isFetching}
              options={(members.data?.items ?? []).map((m) => ({
                value: m.id,
                label: `${m.name} · ${m.mobileMasked} · ${m.orgName}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} style={{ alignSelf: 'end', paddingBottom: 24 }}>
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={!memberId}
            loading={add.isPending}
            onClick={() =>
              memberId &&
              add.mutate(
                { id: campaign.id, memberId },
                {
                  onSuccess: () => {
                    void message.success(t('campaigns.jury.added'))
                    setMemberId(undefined)
                  },
                  onError: (e) => void message.error(errorMessage(t, e)),
                },
              )
            }
          >
            {t('campaigns.jury.add')}
          </Button>
        </Col>
      </Row>
    </Form>
  )
}

export const JuryTab = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const jurors = useJurors(campaign.id)
  const progress = useJuryProgress(campaign.id)
  const remove = useRemoveJuror()
  const p = progress.data
  const expected = (p?.candidateCount ?? 0) * (p?.jurors.length ?? 0)
  const done = (p?.jurors ?? []).reduce((s, j) => s + j.scored, 0)

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card
          title={<h2 style={{ margin: 0, fontSize: '1em' }}>{t('campaigns.jury.jurors')}</h2>}
          extra={
            <Button
              icon={<FormOutlined />}
              onClick={() => void navigate(`/campaigns/${campaign.id}/jury`)}
            >
              {t('campaigns.jury.myScoring')}
            </Button>
          }
        >
          <Can permission="campaign:manage">
            <AddJuror campaign={campaign} />
          </Can>
          {jurors.isError ? (
            <QueryError error={jurors.error} onRetry={() => void jurors.refetch()} />
          ) : null}
          <A11yTable
            rowKey="memberId"
            size="small"
            loading={jurors.isFetching}
            dataSource={jurors.data ?? []}
            pagination={false}
            scroll={{ x: 420 }}
            locale={{ emptyText: t('campaigns.jury.noJurors') }}
            columns={[
              { title: t('campaigns.jury.name'), dataIndex: 'name' },
              { title: t('campaigns.fields.org'), dataIndex: 'orgName' },
              { title: t('campaigns.jury.scored'), dataIndex: 'scoredCount', width: 80 },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 80,
                render: (_: unknown, j) => (
                  <Can permission="campaign:manage">
                    <Popconfirm
                      title={t('campaigns.jury.removeConfirm', { name: j.name })}
                      okText={t('campaigns.jury.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        void remove
                          .mutateAsync({ id: campaign.id, memberId: j.memberId })
                          .then(() => void message.success(t('campaigns.jury.removed')))
                          .catch((e: unknown) => void message.error(errorMessage(t, e)))
                      }
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('campaigns.jury.remove')} ${j.name}`}
                      />
                    </Popconfirm>
                  </Can>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={<h2 style={{ margin: 0, fontSize: '1em' }}>{t('campaigns.jury.progress')}</h2>}
        >
          {progress.isError ? (
            <QueryError error={progress.error} onRetry={() => void progress.refetch()} />
          ) : null}
          {p ? (
            <>
              <Flex vertical gap={4} style={{ marginBottom: 16 }}>
                <span>{t('campaigns.jury.progressText', { done, count: expected })}</span>
                <Progress
                  percent={expected === 0 ? 0 : Math.round((done / expected) * 100)}
                  aria-label={t('campaigns.jury.progress')}
                />
              </Flex>
              {p.jurors.length === 0 ? (
                <Alert type="info" showIcon message={t('campaigns.jury.noJurors')} />
              ) : null}
              <A11yTable
                rowKey="candidateId"
                size="small"
                dataSource={p.candidates}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 360 }}
                columns={[
                  { title: t('campaigns.fields.number'), dataIndex: 'number', width: 60 },
                  { title: t('campaigns.fields.candidate'), dataIndex: 'name' },
                  {
                    title: t('campaigns.jury.scoreCount'),
                    dataIndex: 'scoreCount',
                    width: 90,
                    render: (n: number) => `${n}/${p.jurors.length}`,
                  },
                  {
                    title: t('campaigns.jury.average'),
                    dataIndex: 'averageTotal',
                    width: 90,
                    render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                  },
                ]}
              />
              {p.scores.length > 0 ? (
                <div style={{ marginTop: 8, color: 'inherit' }}>
                  {t('campaigns.jury.lastScore', {
                    at: formatDateTime(
                      p.scores
                        .map((s) => s.submittedAt)
                        .sort()
                        .at(-1) ?? null,
                    ),
                  })}
                </div>
              ) : null}
            </>
          ) : null}
        </Card>
      </Col>
    </Row>
  )
}
