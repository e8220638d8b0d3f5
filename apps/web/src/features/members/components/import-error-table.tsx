import type { ImportRowError } from '@unionhall/contracts'
import { Table } from 'antd'
import { useTranslation } from 'react-i18next'

/** The per-row problems of an import file: row number, column, what is wrong. */
export const ImportErrorTable = ({ errors }: { errors: ImportRowError[] }) => {
  const { t } = useTranslation()
  return (
    <Table<ImportRowError>
      data-testid="import-errors-table"
      size="small"
      rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
      dataSource={errors}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('members.import.errorRow'), dataIndex: 'row', key: 'row', width: 80 },
        {
          title: t('members.import.errorField'),
          dataIndex: 'field',
          key: 'field',
          render: (f: string) => t(`members.import.fields.${f}`, { defaultValue: f }),
        },
        { title: t('members.import.errorMessage'), dataIndex: 'message', key: 'message' },
      ]}
    />
  )
}
