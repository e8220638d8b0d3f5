import type { Org } from '@unionhall/contracts'
import { Badge, Breadcrumb, Button, Card, Descriptions, Flex, Popconfirm, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { Can } from '../../../components/page/can'
import { QueryError } from '../../../components/page/query-error'
import { formatDateTime } from '../../../lib/format'
import { useBreadcrumbs, useOrg } from '../api/use-orgs'
import { orgKindLabel } from './org-kind'

type Props = {
  orgId: string
  onSelect: (id: string) => void
  onCreateChild: (org: Org) => void
  onEdit: (org: Org) => void
  onMove: (org: Org) => void
  onArchive: (org: Org) => void
  archiving: boolean
}

export const OrgDetailPanel = ({
  orgId,
  onSelect,
  onCreateChild,
  onEdit,
  onMove,
  onArchive,
  archiving,
}: Props) => {
  const { t } = useTranslation()
  const org = useOrg(orgId)
  const crumbs = useBreadcrumbs(orgId)

  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} />
  if (!org.data) return <Skeleton active />
  const o = org.data

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: '1.15em' }}>{o.name}</h2>}
      aria-label={t('orgs.detail.title')}
    >
      <nav aria-label={t('orgs.detail.breadcrumbs')}>
        <Breadcrumb
          style={{ marginBottom: 16 }}
          items={(crumbs.data ?? []).map((c, i, all) => ({
            key: c.id,
            title:
              i === all.length - 1 ? (
                c.name
              ) : (
                <a
                  href={`#${c.id}`}
                  onClick={(e) => {
                    e.preventDefault()
                    onSelect(c.id)
                  }}
                >
                  {c.name}
                </a>
              ),
          }))}
        />
      </nav>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('orgs.detail.kind')}>
          {orgKindLabel(t, o.kind)}
        </Descriptions.Item>
        <Descriptions.Item label={t('orgs.detail.childCount')}>{o.childCount}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.detail.status')}>
          <Badge
            status={o.isArchived ? 'default' : 'success'}
            text={o.isArchived ? t('orgs.status.archived') : t('orgs.status.active')}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('orgs.detail.createdAt')}>
          {formatDateTime(o.createdAt)}
        </Descriptions.Item>
      </Descriptions>
      {!o.isArchived ? (
        <Can permission="org:manage">
          <Flex gap={8} wrap style={{ marginTop: 16 }}>
            <Button type="primary" data-testid="org-create-child" onClick={() => onCreateChild(o)}>
              {t('orgs.actions.createChild')}
            </Button>
            <Button onClick={() => onEdit(o)}>{t('orgs.actions.edit')}</Button>
            <Button onClick={() => onMove(o)}>{t('orgs.actions.move')}</Button>
            <Popconfirm
              title={t('orgs.archive.confirmTitle', { name: o.name })}
              description={t('orgs.archive.confirmDescription')}
              okText={t('orgs.actions.archive')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: archiving }}
              onConfirm={() => onArchive(o)}
            >
              <Button danger>{t('orgs.actions.archive')}</Button>
            </Popconfirm>
          </Flex>
        </Can>
      ) : null}
    </Card>
  )
}
