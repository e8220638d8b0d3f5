import { BankOutlined, BarChartOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import {
  WishListSortSchema,
  type WishCategory,
  type WishListSort,
  type WishStatus,
} from '@unionhall/contracts'
import { App, Button } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
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
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { exportWishes, listWishes, wishKeys } from '../api/wishes-api'
import { StationSelect } from '../components/station-select'
import { WishCreateModal } from '../components/wish-create-modal'
import { WishDrawer } from '../components/wish-drawer'
import { WishesTable } from '../components/wishes-table'
import { wishOptions } from '../lib/wish-labels'

/** /wishes and /wishes/:wishId (the drawer open, e.g. from a notification). */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const openId = useParams().wishId ?? null
  // The order lives in the URL (?sort=oldest|deadline), so a reload, a shared link or opening a
  // wish and closing it again keeps it; newest first needs no parameter.
  const { search } = useLocation()
  const [params, setParams] = useSearchParams()
  const parsedSort = WishListSortSchema.safeParse(params.get('sort'))
  const sort: WishListSort = parsedSort.success ? parsedSort.data : 'newest'
  const { currentOrgId } = useSession()
  const [q, setQ] = useState('')
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const [stationId, setStationId] = useState<string | undefined>()
  const [status, setStatus] = useState<WishStatus | undefined>()
  const [category, setCategory] = useState<WishCategory | undefined>()
  const { page, pageSize, setPage, filtered, onPageChange } = useListPage()
  const [creating, setCreating] = useState(false)
  const [exporting, setExporting] = useState(false)
  const options = wishOptions(t)

  useEffect(() => {
    document.title = `${t('wishes.list.title')} · ${t('app.name')}`
  }, [t])
  // A new scope from the org switcher resets the org and station filters.
  const [scopeSeen, setScopeSeen] = useState(currentOrgId)
  if (scopeSeen !== currentOrgId) {
    setScopeSeen(currentOrgId)
    setOrgId(currentOrgId ?? undefined)
    setStationId(undefined)
    setPage(1)
  }
  const filterOrgId = orgId ?? currentOrgId ?? undefined
  const filters = {
    q: q || undefined,
    orgId: filterOrgId,
    stationId,
    status,
    category,
    sort: sort === 'newest' ? undefined : sort,
  }
  const onSortChange = (next: WishListSort) => {
    setParams(
      (p) => {
        if (next === 'newest') p.delete('sort')
        else p.set('sort', next)
        return p
      },
      { replace: true },
    )
    setPage(1)
  }
  const query = { page, pageSize, ...filters }
  const wishes = useQuery({
    queryKey: wishKeys.list(query),
    queryFn: ({ signal }) => listWishes(query, signal),
    enabled: currentOrgId !== null,
    placeholderData: keepPreviousData,
  })
  // The file holds every wish the current filters select, not just the page on screen.
  const onExport = () => {
    setExporting(true)
    exportWishes(filters)
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
      .finally(() => setExporting(false))
  }

  return (
    <>
      <PageHeader
        title={t('wishes.list.title')}
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => void navigate('/wishes/reports')}>
              {t('wishes.reports.title')}
            </Button>
            <Button icon={<BankOutlined />} onClick={() => void navigate('/wishes/partners')}>
              {t('partners.list.title')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
              {t('wishes.list.export')}
            </Button>
            <Can permission="wish:manage">
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('wishes.list.create')}
              </Button>
            </Can>
          </>
        }
      />
      <ListToolbar>
        <ListSearch list="wishes" onSearch={filtered(setQ)} />
        <ListOrgFilter
          list="wishes"
          span={{ xs: 24, md: 8 }}
          value={orgId}
          onChange={(v) => {
            setOrgId(v ?? currentOrgId ?? undefined)
            setStationId(undefined)
            setPage(1)
          }}
        />
        <ListFilter
          label={t('wishes.list.stationFilter')}
          htmlFor="wishes-station"
          span={{ xs: 24, md: 8 }}
        >
          <StationSelect
            id="wishes-station"
            orgId={filterOrgId ?? null}
            value={stationId}
            onChange={filtered(setStationId)}
            placeholder={t('wishes.list.allStations')}
          />
        </ListFilter>
        <ListSelectFilter
          id="wishes-status"
          label={t('wishes.list.statusFilter')}
          placeholder={t('wishes.list.allStatuses')}
          span={{ xs: 12, md: 6 }}
          value={status}
          onChange={filtered(setStatus)}
          options={options.statuses}
        />
        <ListSelectFilter
          id="wishes-category"
          label={t('wishes.list.categoryFilter')}
          placeholder={t('wishes.list.allCategories')}
          span={{ xs: 12, md: 6 }}
          value={category}
          onChange={filtered(setCategory)}
          options={options.categories}
        />
      </ListToolbar>
      {wishes.isError ? (
        <QueryError error={wishes.error} onRetry={() => void wishes.refetch()} />
      ) : null}
      <WishesTable
        items={wishes.data?.items ?? []}
        total={wishes.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={wishes.isFetching}
        sort={sort}
        onSortChange={onSortChange}
        onPageChange={onPageChange}
        onOpen={(id) => void navigate({ pathname: `/wishes/${id}`, search })}
      />
      <WishDrawer wishId={openId} onClose={() => void navigate({ pathname: '/wishes', search })} />
      <WishCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false)
          void navigate(`/wishes/${id}`)
        }}
      />
    </>
  )
}
