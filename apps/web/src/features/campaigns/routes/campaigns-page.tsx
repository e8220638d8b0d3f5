import { PlusOutlined } from '@ant-design/icons'
import type { CampaignPhase } from '@unionhall/contracts'
import { Button, InputNumber } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { Can } from '../../../components/page/can'
import {
  ListFilter,
  ListOrgFilter,
  ListSearch,
  ListSelectFilter,
  ListToolbar,
  useListPage,
} from '../../../components/page/list-toolbar'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { useSession } from '../../../lib/session'
import { imageSrcOrNull, sizedImageSrc } from '../../../lib/web-link'
import { useCampaigns } from '../api/use-campaigns'
import { PhaseTag, phaseOptions } from '../components/phase'
import { A11yTable, ContrastTag } from '../components/a11y'

export const Component = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { currentOrgId, can } = useSession()
  const [q, setQ] = useState('')
  const [phase, setPhase] = useState<CampaignPhase | undefined>()
  const [year, setYear] = useState<number | undefined>()
  const [orgId, setOrgId] = useState<string | undefined>()
  const { page, pageSize, filtered, onPageChange } = useListPage()

  useEffect(() => {
    document.title = `${t('campaigns.list.title')} · ${t('app.name')}`
  }, [t])

  const campaigns = useCampaigns({
    q: q || undefined,
    phase,
    year,
    orgId: orgId ?? currentOrgId ?? undefined,
    page,
    pageSize,
  })

  return (
    <>
      <PageHeader
        title={t('campaigns.list.title')}
        extra={
          <Can permission="campaign:manage">
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/campaigns/new')}
            >
              {t('campaigns.list.create')}
            </Button>
          </Can>
        }
      />
      <ListToolbar>
        <ListSearch list="campaigns" onSearch={filtered(setQ)} />
        <ListSelectFilter
          id="campaigns-phase"
          label={t('campaigns.list.phaseFilter')}
          placeholder={t('campaigns.list.allPhases')}
          span={{ xs: 12, md: 4 }}
          value={phase}
          onChange={filtered(setPhase)}
          options={phaseOptions(t)}
        />
        <ListFilter
          label={t('campaigns.list.yearFilter')}
          htmlFor="campaigns-year"
          span={{ xs: 12, md: 4 }}
        >
          <InputNumber
            id="campaigns-year"
            min={2000}
            max={2100}
            precision={0}
            style={{ width: '100%' }}
            placeholder={t('campaigns.list.allYears')}
            value={year ?? null}
            onChange={(v) => filtered(setYear)(v ?? undefined)}
          />
        </ListFilter>
        <ListOrgFilter
          list="campaigns"
          span={{ xs: 24, md: 8 }}
          allowClear
          value={orgId ?? currentOrgId ?? undefined}
          onChange={filtered(setOrgId)}
        />
      </ListToolbar>
      {campaigns.isError ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : null}
      <A11yTable
        data-testid="campaigns-table"
        rowKey="id"
        loading={campaigns.isFetching}
        dataSource={campaigns.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{
          current: page,
          pageSize,
          total: campaigns.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: onPageChange,
        }}
        columns={[
          {
            title: t('campaigns.fields.name'),
            dataIndex: 'name',
            render: (name: string, c) => (
              <>
                {imageSrcOrNull(c.coverImageUrl) ? (
                  // A small thumbnail: decorative, the name beside it is the link.
                  <img
                    data-testid="campaign-thumb"
                    src={sizedImageSrc(imageSrcOrNull(c.coverImageUrl)!, 320)}
                    alt=""
                    width={48}
                    height={27}
                    loading="lazy"
                    decoding="async"
                    style={{
                      objectFit: 'cover',
                      borderRadius: 4,
                      marginInlineEnd: 8,
                      verticalAlign: 'middle',
                    }}
                  />
                ) : null}
                <Link to={`/campaigns/${c.id}`}>{name}</Link>
                {c.reviewOnly ? (
                  <>
                    {' '}
                    <ContrastTag color="blue">{t('campaigns.list.reviewOnly')}</ContrastTag>
                  </>
                ) : null}
              </>
            ),
          },
          { title: t('campaigns.fields.honourTitle'), dataIndex: 'honourTitle', width: 140 },
          { title: t('campaigns.fields.year'), dataIndex: 'year', width: 80 },
          { title: t('campaigns.fields.org'), dataIndex: 'orgName', width: 180 },
          {
            title: t('campaigns.fields.phase'),
            dataIndex: 'phase',
            width: 120,
            render: (p: CampaignPhase) => <PhaseTag phase={p} />,
          },
          {
            title: t('campaigns.fields.level'),
            dataIndex: 'parentCampaignId',
            width: 100,
            render: (p: string | null) =>
              p ? t('campaigns.list.childCampaign') : t('campaigns.list.topCampaign'),
          },
          ...(can('campaign:manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, c: { id: string; name: string; reviewOnly: boolean }) =>
                    // Run above the caller's org: they review their nominees there, not edit it.
                    c.reviewOnly ? null : (
                      <Link
                        to={`/campaigns/${c.id}/edit`}
                        aria-label={t('campaigns.edit.actionFor', { name: c.name })}
                      >
                        {t('campaigns.edit.action')}
                      </Link>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  )
}
