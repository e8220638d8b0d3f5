import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Modal, Result, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../lib/error-message'
import {
  downloadStationImportTemplate,
  isHsdsFile,
  type StationImportResult,
} from '../api/stations-api'
import { useImportStations } from '../api/use-stations'
import { StationImportErrorTable } from './import-error-table'

type Props = { open: boolean; onClose: () => void }

/**
 * Upload an .xlsx of stations or an HSDS .json dataset; the import is all or nothing, problems
 * listed per row (per location and place in the file for HSDS).
 */
export const StationImportModal = ({ open, onClose }: Props) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<StationImportResult | null>(null)
  const run = useImportStations()

  const reset = (next: File | null) => {
    setFile(next)
    setResult(null)
    run.reset()
  }
  const close = () => {
    reset(null)
    onClose()
  }

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('stations.import.title')}
      width={760}
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadStationImportTemplate().catch(
                (e: unknown) => void message.error(errorMessage(t, e)),
              )
            }
          >
            {t('stations.import.template')}
          </Button>
          <Flex gap={8}>
            <Button onClick={close}>{t('stations.import.close')}</Button>
            <Button
              type="primary"
              disabled={!file || (result !== null && result.created + result.updated > 0)}
              loading={run.isPending}
              onClick={() => file && run.mutate(file, { onSuccess: setResult })}
            >
              {t('stations.import.start')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Upload.Dragger
        accept=".xlsx,.json"
        maxCount={1}
        multiple={false}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
        beforeUpload={(f) => {
          reset(f)
          return false
        }}
        onRemove={() => reset(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('stations.import.dropHint')}</p>
        <p className="ant-upload-hint">{t('stations.import.fileHint')}</p>
      </Upload.Dragger>
      {run.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={errorMessage(t, run.error)}
          style={{ marginTop: 16 }}
        />
      ) : null}
      {result && result.errors.length === 0 ? (
        <Result
          status="success"
          title={
            result.created === 0 && result.updated > 0
              ? t('stations.import.updatedOnly', { count: result.updated })
              : t('stations.import.created', { count: result.created })
          }
          subTitle={
            result.created > 0 && result.updated > 0
              ? t('stations.import.updated', { count: result.updated })
              : undefined
          }
        />
      ) : null}
      {result && result.errors.length > 0 ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="warning"
            showIcon
            message={t('stations.import.refused', { count: result.errors.length })}
            description={t('stations.import.refusedHint')}
            style={{ marginBottom: 12 }}
          />
          <StationImportErrorTable errors={result.errors} hsds={!!file && isHsdsFile(file)} />
        </div>
      ) : null}
      {!result ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('stations.import.allOrNothing')} {t('stations.import.matchHint')}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  )
}
