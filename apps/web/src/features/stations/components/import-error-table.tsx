import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StationImportResult } from '../api/stations-api'
import { codeOrText } from '../lib/station-form-model'

type RowError = StationImportResult['errors'][number]

/** The problems of a refused import file: spreadsheet row, field path, what is wrong. */
export const StationImportErrorTable = ({ errors }: { errors: RowError[] }) => {
  const { t } = useTranslation()
  return (
    <Table<RowError & { key: string }>
      data-testid="station-import-errors"
      size="small"
      rowKey="key"
      // One row may have several problems on one path; the position keeps keys unique.
      dataSource={errors.map((e, i) => ({ ...e, key: `${i}-${e.row}-${e.path}` }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('stations.import.errorRow'), dataIndex: 'row', key: 'row', width: 80 },
        {
          title: t('stations.import.errorField'),
          dataIndex: 'path',
          key: 'path',
          render: (p: string) => {
            const head = p.split('.')[0] ?? ''
            const label = head ? t(`stations.fields.${head}`, { defaultValue: '' }) : ''
            return label ? `${label}（${p}）` : p || '—'
          },
        },
        {
          title: t('stations.import.errorMessage'),
          dataIndex: 'message',
          key: 'message',
          render: (m: string) => codeOrText(t, m),
        },
      ]}
    />
  )
}
