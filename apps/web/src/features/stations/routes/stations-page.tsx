import {
  BarChartOutlined,
  DownOutlined,
  DownloadOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons'
import type { AmenityCodeValue, StationKind } from '@unionhall/contracts'
import { App, Button, Dropdown, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
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
import { type ExportFormat, exportStations } from '../api/stations-api'
import { useStations } from '../api/use-stations'
import { OpenDataLinks } from '../components/open-data-links'
import { StationImportModal } from '../components/station-import-modal'
import { StationsTable } from '../components/stations-table'
import { stationOptions } from '../lib/station-labels'

type Status = 'active' | 'closed'

/** Stations of the current org's subtree: search, filters, export, import. */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { currentOrgId } = useSession()
  const [q, setQ] = useState('')
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const [kind, setKind] = useState<StationKind | undefined>()
  const [status, setStatus] = useState<Status | undefined>()
  const [amenities, setAmenities] = useState<AmenityCodeValue[]>([])
  const { page, pageSize, setPage, filtered, onPageChange } = useListPage()
  const [exporting, setExporting] = useState(false)
  const [importing, setImporting] = useState(false)
  const [sharing, setSharing] = useState(false)
  const options = stationOptions(t)

  useEffect(() => {
    document.title = `${t('stations.list.title')} · ${t('app.name')}`
  }, [t])
  // A new scope from the org switcher resets the org filter.
  const [scopeSeen, setScopeSeen] = useState(currentOrgId)
  if (scopeSeen !== currentOrgId) {
    setScopeSeen(currentOrgId)
    setOrgId(currentOrgId ?? undefined)
    setPage(1)
  }

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
        <ListSearch list="stations" onSearch={filtered(setQ)} />
        <ListOrgFilter
          list="stations"
          span={{ xs: 24, md: 8 }}
          value={orgId}
          onChange={(v) => {
            setOrgId(v ?? currentOrgId ?? undefined)
            setPage(1)
          }}
        />
        <ListSelectFilter
          id="stations-kind"
          label={t('stations.list.kindFilter')}
          placeholder={t('stations.list.allKinds')}
          span={{ xs: 12, md: 4 }}
          value={kind}
          onChange={filtered(setKind)}
          options={options.kinds}
        />
        <ListSelectFilter
          id="stations-status"
          label={t('stations.list.statusFilter')}
          placeholder={t('stations.list.allStatuses')}
          span={{ xs: 12, md: 4 }}
          value={status}
          onChange={filtered(setStatus)}
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
            onChange={filtered(setAmenities)}
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
