import { Table } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { StationImportResult } from '../api/stations-api'

type RowError = StationImportResult['errors'][number]

/**
 * The column of a problem: as the uploaded sheet names it ("纬度*"); an HSDS file has no
 * columns, so its field is named with the JSON path after it.
 */
const columnOf = (t: TFunction, e: RowError) => {
  if (e.column) return e.column
  const head = e.path.split('.')[0] ?? ''
  const label = head ? t(`stations.fields.${head}`, { defaultValue: '' }) : ''
  return label ? `${label}（${e.path}）` : e.path || '—'
}

/** The problem in the reader's language, from its code; the server's sentence otherwise. */
const messageOf = (t: TFunction, e: RowError) =>
  t(`stations.import.problems.${e.code}`, { ...e.params, defaultValue: e.message })

/** Long sentences wrap in full: a clerk has to read what to write instead. */
const WRAP = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const

/**
 * The problems of a refused file: spreadsheet row, column, what is wrong and what to write.
 * Paged, and scrolled within the modal, so a file with many problems stays usable.
 */
export const StationImportErrorTable = ({ errors }: { errors: RowError[] }) => {
  const { t } = useTranslation()
  return (
    <Table<RowError & { key: string }>
      data-testid="station-import-errors"
      size="small"
      rowKey="key"
      tableLayout="fixed"
      // One row may have several problems on one path; the position keeps keys unique.
      dataSource={errors.map((e, i) => ({ ...e, key: `${i}-${e.row}-${e.path}` }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ y: 420 }}
      columns={[
        { title: t('stations.import.errorRow'), dataIndex: 'row', key: 'row', width: 64 },
        {
          title: t('stations.import.errorField'),
          key: 'column',
          width: 150,
          onCell: () => ({ style: WRAP }),
          render: (_: unknown, e: RowError) => columnOf(t, e),
        },
        {
          title: t('stations.import.errorMessage'),
          key: 'message',
          onCell: () => ({ style: WRAP }),
          render: (_: unknown, e: RowError) => messageOf(t, e),
        },
      ]}
    />
  )
}
