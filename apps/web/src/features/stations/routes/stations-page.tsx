import {
  BarChartOutlined,
  DownOutlined,
  DownloadOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons'
import type { AmenityCodeValue, StationKind } from '@unionhall/contracts'
import { App, Button, Card, Col, Dropdown, Form, Input, Row, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { OrgSelect } from '../../../components/org-select/org-select'
import { Can } from '../../../components/page/can'
import { PageHeader } from '../../../components/page/page-header'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { type ExportFormat, exportStations } from '../api/stations-api'
import { useStations } from '../api/use-stations'
import { StationImportModal } from '../components/station-import-modal'
import { StationsTable } from '../components/stations-table'
import { stationOptions } from '../lib/station-labels'

type Status = 'active' | 'closed'

/** Stations of the current org's subtree: search, filters, export, import. */
export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { currentOrgId, currentOrgName } = useSession()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const [kind, setKind] = useState<StationKind | undefined>()
  const [status, setStatus] = useState<Status | undefined>()
  const [amenities, setAmenities] = useState<AmenityCodeValue[]>([])
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [exporting, setExporting] = useState(false)
  const [importing, setImporting] = useState(false)
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
  const filtered =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v)
      setPage(1)
    }
  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

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
                ],
                onClick: ({ key }) => onExport(key as ExportFormat),
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
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form layout="vertical" component="div">
          <Row gutter={[12, 0]}>
            <Col xs={24} md={8}>
              <Form.Item label={t('stations.list.search')} htmlFor="stations-search">
                <Input.Search
                  id="stations-search"
                  allowClear
                  placeholder={t('stations.list.searchPlaceholder')}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  onSearch={(v) => {
                    setQ(v.trim())
                    setPage(1)
                  }}
                  enterButton={t('common.search')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('stations.list.orgFilter')} htmlFor="stations-org">
                <OrgSelect
                  id="stations-org"
                  withinOrgId={currentOrgId}
                  initialOption={scope}
                  value={orgId}
                  onChange={(v) => {
                    setOrgId(v ?? currentOrgId ?? undefined)
                    setPage(1)
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('stations.list.kindFilter')} htmlFor="stations-kind">
                <Select
                  id="stations-kind"
                  allowClear
                  placeholder={t('stations.list.allKinds')}
                  value={kind}
                  onChange={filtered(setKind)}
                  options={options.kinds}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('stations.list.statusFilter')} htmlFor="stations-status">
                <Select
                  id="stations-status"
                  allowClear
                  placeholder={t('stations.list.allStatuses')}
                  value={status}
                  onChange={filtered(setStatus)}
                  options={options.statuses}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('stations.list.amenityFilter')} htmlFor="stations-amenities">
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
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {stations.isError ? (
        <QueryError error={stations.error} onRetry={() => void stations.refetch()} />
      ) : null}
      <StationsTable
        items={stations.data?.items ?? []}
        total={stations.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={stations.isFetching}
        onPageChange={(p, s) => {
          setPage(s !== pageSize ? 1 : p)
          setPageSize(s)
        }}
      />
      <StationImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  )
}
