import type { Org } from '@unionhall/contracts'
import { App, Card, Col, Empty, Input, List, Row, Skeleton, Tag, Tree, Typography } from 'antd'
import type { TreeDataNode } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import {
  useArchiveOrg,
  useFetchChildren,
  useOrg,
  useOrgChildren,
  useOrgList,
} from '../api/use-orgs'
import { OrgDetailPanel } from '../components/org-detail-panel'
import { OrgFormModal } from '../components/org-form-modal'
import { orgKindLabel } from '../components/org-kind'
import { OrgMoveModal } from '../components/org-move-modal'

type NodeOrg = Pick<Org, 'id' | 'name' | 'childCount' | 'isArchived' | 'parentId'>

type Dialog =
  { type: 'create'; org: Org } | { type: 'edit'; org: Org } | { type: 'move'; org: Org } | null

export const Component = () => {
  const { t } = useTranslation()
  const { currentOrgId } = useSession()

  useEffect(() => {
    document.title = `${t('orgs.tree.title')} · ${t('app.name')}`
  }, [t])

  if (!currentOrgId) return <Empty description={t('common.noOrg')} />
  // A new scope from the org switcher starts a fresh tree.
  return <OrgTreeView key={currentOrgId} rootId={currentOrgId} />
}

const OrgTreeView = ({ rootId }: { rootId: string }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const root = useOrg(rootId)
  const fetchChildren = useFetchChildren()
  const archive = useArchiveOrg()

  const [children, setChildren] = useState<Record<string, NodeOrg[]>>({})
  const [expanded, setExpanded] = useState<string[]>([rootId])
  const [loaded, setLoaded] = useState<string[]>([])
  const [selected, setSelected] = useState<string | null>(rootId)
  const [search, setSearch] = useState('')
  const [dialog, setDialog] = useState<Dialog>(null)

  const loadChildren = useCallback(
    async (parentId: string) => {
      const page = await fetchChildren(parentId)
      setChildren((prev) => ({ ...prev, [parentId]: page.items }))
      setLoaded((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]))
    },
    [fetchChildren],
  )

  // The scope's first level comes from a query (shown straight away, refreshed on changes).
  const rootChildren = useOrgChildren(rootId)
  const nodes = useMemo(
    () => (rootChildren.data ? { ...children, [rootId]: rootChildren.data.items } : children),
    [children, rootChildren.data, rootId],
  )
  const loadedKeys = useMemo(
    () => (rootChildren.data ? [...loaded, rootId] : loaded),
    [loaded, rootChildren.data, rootId],
  )

  const reload = (parentId: string | null) => {
    if (parentId === rootId) {
      void rootChildren.refetch()
    } else if (parentId && children[parentId]) {
      loadChildren(parentId).catch((e: unknown) => void message.error(errorMessage(t, e)))
    }
  }

  const treeData = useMemo<TreeDataNode[]>(() => {
    if (!root.data) return []
    const build = (o: NodeOrg): TreeDataNode => ({
      key: o.id,
      title: (
        <span>
          {o.name}
          {o.isArchived ? (
            <Tag style={{ marginInlineStart: 6 }}>{t('orgs.status.archived')}</Tag>
          ) : null}
        </span>
      ),
      isLeaf: o.childCount === 0 && !nodes[o.id]?.length,
      children: nodes[o.id]?.map(build),
    })
    return [build(root.data)]
  }, [root.data, nodes, t])

  const q = search.trim()
  const results = useOrgList({ within: rootId, q, pageSize: 50 }, q.length > 0)

  const closeDialog = (changed?: Org, extra?: { oldParentId: string | null }) => {
    const current = dialog
    setDialog(null)
    if (!changed || !current) return
    if (current.type === 'create') {
      reload(current.org.id)
      setExpanded((prev) => (prev.includes(current.org.id) ? prev : [...prev, current.org.id]))
      setSelected(changed.id)
    } else if (current.type === 'edit') {
      reload(current.org.parentId)
    } else {
      reload(extra?.oldParentId ?? null)
      reload(changed.parentId)
    }
  }

  return (
    <>
      <PageHeader title={t('orgs.tree.title')} />
      {root.isError ? <QueryError error={root.error} onRetry={() => void root.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <Input.Search
              aria-label={t('orgs.tree.search')}
              placeholder={t('orgs.tree.searchPlaceholder')}
              allowClear
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
            />
            {q ? (
              <List
                aria-label={t('orgs.tree.results')}
                loading={results.isFetching}
                dataSource={results.data?.items ?? []}
                locale={{ emptyText: t('orgs.tree.noResults') }}
                renderItem={(o) => (
                  <List.Item>
                    <Typography.Link onClick={() => setSelected(o.id)}>{o.name}</Typography.Link>
                    <Typography.Text type="secondary">{orgKindLabel(t, o.kind)}</Typography.Text>
                  </List.Item>
                )}
              />
            ) : root.isLoading ? (
              <Skeleton active />
            ) : (
              <Tree
                data-testid="org-tree"
                aria-label={t('orgs.tree.treeLabel')}
                treeData={treeData}
                loadData={(node) => loadChildren(String(node.key))}
                loadedKeys={loadedKeys}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => {
                  if (keys[0] !== undefined) setSelected(String(keys[0]))
                }}
                showLine
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selected ? (
            <OrgDetailPanel
              orgId={selected}
              onSelect={setSelected}
              onCreateChild={(org) => setDialog({ type: 'create', org })}
              onEdit={(org) => setDialog({ type: 'edit', org })}
              onMove={(org) => setDialog({ type: 'move', org })}
              archiving={archive.isPending}
              onArchive={(org) =>
                archive.mutate(org.id, {
                  onSuccess: () => {
                    void message.success(t('orgs.archive.done'))
                    reload(org.parentId)
                  },
                  onError: (e) => void message.error(errorMessage(t, e)),
                })
              }
            />
          ) : null}
        </Col>
      </Row>
      {dialog?.type === 'create' ? (
        <OrgFormModal mode="create" open parent={dialog.org} onClose={(o) => closeDialog(o)} />
      ) : null}
      {dialog?.type === 'edit' ? (
        <OrgFormModal mode="edit" open org={dialog.org} onClose={(o) => closeDialog(o)} />
      ) : null}
      {dialog?.type === 'move' ? (
        <OrgMoveModal
          open
          org={dialog.org}
          withinOrgId={rootId}
          onClose={(r) => closeDialog(r?.org, { oldParentId: r?.oldParentId ?? null })}
        />
      ) : null}
    </>
  )
}
