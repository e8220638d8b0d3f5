import {
  BarChartOutlined,
  DownOutlined,
  DownloadOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons'
import { AMENITY_CODES, type AmenityCodeValue, STATION_KINDS } from '@unionhall/contracts'
import { App, Button, Dropdown, Select } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { Can } from '../../../components/page/can'
import {
  ListFilter,
  ListOrgFilter,
  ListSearch,
  ListSelectFilter,
  ListToolbar,
} from '../../../components/page/list-toolbar'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { type ExportFormat, exportStations } from '../api/stations-api'
import { useStations } from '../api/use-stations'
import { OpenDataLinks } from '../components/open-data-links'
import { StationImportModal } from '../components/station-import-modal'
import { StationsTable } from '../components/stations-table'
import { stationOptions } from '../lib/station-labels'

type Status = 'active' | 'closed'

/** The table's page sizes (AntD's default choices). */
const PAGE_SIZES = [10, 20, 50, 100]
const DEFAULT_PAGE_SIZE = 20

const oneOf = <V extends string>(list: readonly V[], v: string | null): V | undefined =>
  list.find((x) => x === v)

/**
 * The list's search, filters and page as the address keeps them (?q=&kind=&status=&amenities=
 * &orgId=&page=&pageSize=), so a reload, Back from a station or a shared link shows the same
 * page. Anything unreadable is left out; the defaults (page 1, 20 a page, the current org) are
 * not written.
 */
const useListParams = (currentOrgId: string | null) => {
  const [params, setParams] = useSearchParams()
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1)
  const size = Number(params.get('pageSize'))
  const pageSize = PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE
  const amenities = (params.get('amenities') ?? '')
    .split(',')
    .flatMap((a) => oneOf(AMENITY_CODES, a) ?? [])
  const list = {
    q: params.get('q') ?? '',
    orgId: params.get('orgId') || (currentOrgId ?? undefined),
    kind: oneOf(STATION_KINDS, params.get('kind')),
    status: oneOf<Status>(['active', 'closed'], params.get('status')),
    amenities,
    page,
    pageSize,
  }
  /** Sets (or, for undefined and empty, removes) parameters; a filter change starts at page 1. */
  const update = useCallback(
    (changes: Record<string, string | undefined>, keepPage = false) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p)
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value)
            else next.delete(key)
          }
          if (!keepPage) next.delete('page')
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  return { list, update }
}

/** Stations of the current org's subtree: search, filters, export, import. */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { currentOrgId } = useSession()
  const { list, update } = useListParams(currentOrgId)
  // A new scope from the org switcher resets the org filter and the page. (Until the address
  // says so, one render still asks for the old filter; its answer is for another query key and
  // is not shown.)
  const scopeSeen = useRef(currentOrgId)
  useEffect(() => {
    if (scopeSeen.current === currentOrgId) return
    scopeSeen.current = currentOrgId
    update({ orgId: undefined })
  }, [currentOrgId, update])
  const { q, orgId, kind, status, amenities, page, pageSize } = list
  const onPageChange = (p: number, s: number) =>
    update(
      {
        page: s !== pageSize || p <= 1 ? undefined : String(p),
        pageSize: s === DEFAULT_PAGE_SIZE ? undefined : String(s),
      },
      true,
    )
  const [exporting, setExporting] = useState(false)
  const [importing, setImporting] = useState(false)
  const [sharing, setSharing] = useState(false)
  const options = stationOptions(t)

  useEffect(() => {
    document.title = `${t('stations.list.title')} · ${t('app.name')}`
  }, [t])

  const filterOrgId = orgId ?? currentOrgId ?? undefined
  const stations = useStations({
    page,
    pageSize,
    q: q || undefined,
    orgId: filterOrgId,
    kind,
    status,
    amenities: amenities.length > 0 ? amenities.join(',') : undefined,
  })

  const onExport = (format: ExportFormat) => {
    setExporting(true)
    exportStations(format, filterOrgId)
      .catch((e: unknown) => void message.error(errorMessage(t, e)))
      .finally(() => setExporting(false))
  }

  return (
    <>
      <PageHeader
        title={t('stations.list.title')}
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => void navigate('/stations/overview')}>
              {t('stations.overview.title')}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'xlsx', label: t('stations.export.xlsx') },
                  { key: 'hsds', label: t('stations.export.hsds') },
                  { key: 'geojson', label: t('stations.export.geojson') },
                  { type: 'divider' },
                  {
                    key: 'public',
                    label: t('stations.export.publicLinks'),
                    disabled: !filterOrgId,
                  },
                ],
                onClick: ({ key }) =>
                  key === 'public' ? setSharing(true) : onExport(key as ExportFormat),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exporting}>
                {t('stations.export.button')} <DownOutlined />
              </Button>
            </Dropdown>
            <Can permission="station:manage">
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('stations.import.button')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => void navigate('/stations/new')}
              >
                {t('stations.list.create')}
              </Button>
            </Can>
          </>
        }
      />
      <ListToolbar>
        <ListSearch list="stations" initialText={q} onSearch={(v) => update({ q: v })} />
        <ListOrgFilter
          list="stations"
          span={{ xs: 24, md: 8 }}
          value={orgId}
          onChange={(v) => update({ orgId: v && v !== currentOrgId ? v : undefined })}
        />
        <ListSelectFilter
          id="stations-kind"
          label={t('stations.list.kindFilter')}
          placeholder={t('stations.list.allKinds')}
          span={{ xs: 12, md: 4 }}
          value={kind}
          onChange={(v) => update({ kind: v })}
          options={options.kinds}
        />
        <ListSelectFilter
          id="stations-status"
          label={t('stations.list.statusFilter')}
          placeholder={t('stations.list.allStatuses')}
          span={{ xs: 12, md: 4 }}
          value={status}
          onChange={(v) => update({ status: v })}
          options={options.statuses}
        />
        <ListFilter
          label={t('stations.list.amenityFilter')}
          htmlFor="stations-amenities"
          span={{ xs: 24, md: 12 }}
        >
          <Select
            id="stations-amenities"
            mode="multiple"
            allowClear
            placeholder={t('stations.list.amenityPlaceholder')}
            value={amenities}
            onChange={(v: AmenityCodeValue[]) => update({ amenities: v.join(',') })}
            options={options.amenities}
            optionFilterProp="label"
          />
        </ListFilter>
      </ListToolbar>
      {stations.isError ? (
        <QueryError error={stations.error} onRetry={() => void stations.refetch()} />
      ) : null}
      <StationsTable
        items={stations.data?.items ?? []}
        total={stations.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={stations.isFetching}
        onPageChange={onPageChange}
      />
      {filterOrgId ? (
        <OpenDataLinks orgId={filterOrgId} open={sharing} onClose={() => setSharing(false)} />
      ) : null}
      <StationImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  )
}
