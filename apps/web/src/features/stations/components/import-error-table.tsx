import { Table } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { StationImportResult } from '../api/stations-api'

type RowError = StationImportResult['errors'][number]

/**
 * The column of a problem: as the uploaded sheet names it ("纬度*"), or for an HSDS file the
 * place in the JSON with the record's name ("locations[2].latitude（城关区驿站）"); else the
 * field, with its path after it.
 */
const columnOf = (t: TFunction, e: RowError, withField: boolean) => {
  const head = /^schedule\.exceptions(\.|$)/.test(e.path)
    ? 'exceptions'
    : (e.path.split('.')[0] ?? '')
  const label = head ? t(`stations.fields.${head}`, { defaultValue: '' }) : ''
  if (e.column) {
    // The sheet's own header ("纬度*") is what the clerk finds in the file; a reader of another
    // language is told which field it is as well: "纬度* (Latitude)".
    return withField && label
      ? t('stations.import.columnWithField', { column: e.column, field: label })
      : e.column
  }
  return label ? `${label}（${e.path}）` : e.path || '—'
}

/** The problem in the reader's language, from its code; the server's sentence otherwise. */
const messageOf = (t: TFunction, e: RowError) =>
  t(`stations.import.problems.${e.code}`, { ...e.params, defaultValue: e.message })

/** Long sentences wrap in full: a clerk has to read what to write instead. */
const WRAP = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const

/**
 * The problems of a refused file: spreadsheet row, column, what is wrong and what to write; for
 * an HSDS file the location's position and the place in the JSON (a problem outside every
 * location, in `organizations` say, has location 0, shown as "—").
 * Paged, and scrolled within the modal, so a file with many problems stays usable.
 */
export const StationImportErrorTable = ({
  errors,
  hsds = false,
}: {
  errors: RowError[]
  hsds?: boolean
}) => {
  const { t, i18n } = useTranslation()
  // Sheet headers are Chinese; an HSDS place is the JSON's own path.
  const withField = !hsds && !i18n.language.startsWith('zh')
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
        {
          title: t(hsds ? 'stations.import.errorLocation' : 'stations.import.errorRow'),
          key: 'row',
          width: 64,
          render: (_: unknown, e: RowError) => (e.row > 0 ? e.row : '—'),
        },
        {
          title: t(hsds ? 'stations.import.errorPlace' : 'stations.import.errorField'),
          key: 'column',
          width: hsds ? 220 : 150,
          onCell: () => ({ style: WRAP }),
          render: (_: unknown, e: RowError) => columnOf(t, e, withField),
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
