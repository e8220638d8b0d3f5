import { PlusOutlined, SendOutlined } from '@ant-design/icons'
import type { Campaign, CampaignPhase } from '@unionhall/contracts'
import { Alert, App, Button, Checkbox, Flex, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { Can } from '../../../components/page/can'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import type { ChildCampaign } from '../api/campaigns-api'
import { useChildCampaigns, usePutForward, useResults } from '../api/use-campaigns'
import { PhaseTag } from './phase'
import { A11yTable } from './a11y'

const PutForwardModal = ({
  campaign,
  child,
  onClose,
}: {
  campaign: Campaign
  child: ChildCampaign | null
  onClose: () => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const results = useResults(child?.id ?? '', Boolean(child))
  const put = usePutForward()
  const [selected, setSelected] = useState<string[]>([])
  const winners = (results.data?.categories ?? []).flatMap((c) =>
    c.rows.filter((r) => r.isWinner).map((r) => ({ ...r, categoryName: c.name })),
  )
  return (
    <Modal
      open={child !== null}
      title={t('campaigns.children.putForwardTitle', { name: child?.name ?? '' })}
      okText={t('campaigns.children.putForward')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={put.isPending}
      onCancel={onClose}
      afterClose={() => {
        setSelected([])
        put.reset()
      }}
      onOk={() =>
        child &&
        put.mutate(
          { id: campaign.id, body: { childCampaignId: child.id, candidateIds: selected } },
          {
            onSuccess: (r) => {
              void message.success(
                t('campaigns.children.putForwardDone', {
                  created: r.created.length,
                  skipped: r.skipped.length,
                }),
              )
              onClose()
            },
          },
        )
      }
    >
      {results.isError ? <QueryError error={results.error} /> : null}
      {put.error ? (
        <Alert type="error" showIcon role="alert" message={errorMessage(t, put.error)} />
      ) : null}
      <Checkbox.Group
        value={selected}
        onChange={(v) => setSelected(v)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 12 }}
        options={winners.map((w) => ({
          value: w.candidateId,
          label: `${w.categoryName} · ${w.number} ${w.name}（${w.employerName}）`,
        }))}
      />
      {results.isSuccess && winners.length === 0 ? (
        <Alert type="info" showIcon message={t('campaigns.children.noWinners')} />
      ) : null}
    </Modal>
  )
}

export const ChildrenTab = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const children = useChildCampaigns(campaign.id)
  const [putting, setPutting] = useState<ChildCampaign | null>(null)
  const isTop = campaign.parentCampaignId === null
  return (
    <>
      {isTop ? (
        <Can permission="campaign:manage">
          <Flex justify="flex-end" style={{ marginBottom: 12 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => void navigate(`/campaigns/new?parent=${campaign.id}`)}
            >
              {t('campaigns.children.create')}
            </Button>
          </Flex>
        </Can>
      ) : null}
      {children.isError ? (
        <QueryError error={children.error} onRetry={() => void children.refetch()} />
      ) : null}
      <A11yTable
        rowKey="id"
        loading={children.isFetching}
        dataSource={children.data ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('campaigns.children.empty') }}
        columns={[
          {
            title: t('campaigns.fields.name'),
            dataIndex: 'name',
            render: (name: string, c) => <Link to={`/campaigns/${c.id}`}>{name}</Link>,
          },
          { title: t('campaigns.fields.org'), dataIndex: 'orgName' },
          {
            title: t('campaigns.fields.phase'),
            dataIndex: 'phase',
            width: 120,
            render: (p: CampaignPhase) => <PhaseTag phase={p} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, c) =>
              c.phase === 'announced' ? (
                <Can permission="campaign:manage">
                  <Button
                    size="small"
                    icon={<SendOutlined />}
                    aria-label={`${t('campaigns.children.putForward')} ${c.name}`}
                    onClick={() => setPutting(c)}
                  >
                    {t('campaigns.children.putForward')}
                  </Button>
                </Can>
              ) : null,
          },
        ]}
      />
      <PutForwardModal campaign={campaign} child={putting} onClose={() => setPutting(null)} />
    </>
  )
}
