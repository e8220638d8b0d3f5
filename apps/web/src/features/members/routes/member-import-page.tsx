import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import type { ImportMode } from '@unionhall/contracts'
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Radio,
  Result,
  Spin,
  Statistic,
  Steps,
  Typography,
  Upload,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { OrgSelect } from '../../../components/org-select/org-select'
import { PageHeader } from '../../../components/page/page-header'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { downloadImportTemplate, type ImportResult } from '../api/members-api'
import { useImportMembers } from '../api/use-members'
import { ImportErrorTable } from '../components/import-error-table'

const ACCEPT = '.xlsx,.csv'

export const Component = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentOrgId, currentOrgName } = useSession()
  const [orgId, setOrgId] = useState<string | undefined>(currentOrgId ?? undefined)
  const [file, setFile] = useState<File | null>(null)
  const [mode, setMode] = useState<ImportMode>('all-or-nothing')
  const [check, setCheck] = useState<ImportResult | null>(null)
  const [done, setDone] = useState<ImportResult | null>(null)
  const run = useImportMembers()

  useEffect(() => {
    document.title = `${t('members.import.title')} · ${t('app.name')}`
  }, [t])

  const reset = (next: File | null) => {
    setFile(next)
    setCheck(null)
    setDone(null)
    run.reset()
  }

  const start = (dryRun: boolean) => {
    if (!file || !orgId) return
    run.mutate(
      { file, orgId, mode, dryRun },
      {
        onSuccess: (r) => (dryRun ? setCheck(r) : setDone(r)),
        onError: (e) => void message.error(errorMessage(t, e)),
      },
    )
  }

  const step = done ? 2 : check ? 1 : 0
  const report = done?.report ?? check?.report
  const scope = currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null

  return (
    <>
      <PageHeader
        title={t('members.import.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadImportTemplate().catch(
                (e: unknown) => void message.error(errorMessage(t, e)),
              )
            }
          >
            {t('members.import.template')}
          </Button>
        }
      />
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('members.import.stepFile') },
          { title: t('members.import.stepCheck') },
          { title: t('members.import.stepImport') },
        ]}
      />
      <Spin spinning={run.isPending} tip={t('members.import.working')}>
        <Card style={{ marginBottom: 16 }}>
          <Form layout="vertical" component="div">
            <Form.Item label={t('members.import.org')} htmlFor="import-org" required>
              <OrgSelect
                id="import-org"
                withinOrgId={currentOrgId}
                initialOption={scope}
                value={orgId}
                onChange={(v) => {
                  setOrgId(v)
                  reset(file)
                }}
              />
            </Form.Item>
            <Form.Item label={t('members.import.file')} required>
              <Upload.Dragger
                accept={ACCEPT}
                maxCount={1}
                multiple={false}
                fileList={
                  file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []
                }
                beforeUpload={(f) => {
                  reset(f)
                  return false
                }}
                onRemove={() => reset(null)}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">{t('members.import.dropHint')}</p>
                <p className="ant-upload-hint">{t('members.import.fileHint')}</p>
              </Upload.Dragger>
            </Form.Item>
            <Form.Item label={t('members.import.mode')}>
              <Radio.Group
                value={mode}
                onChange={(e) => {
                  setMode(e.target.value as ImportMode)
                  setDone(null)
                }}
                aria-label={t('members.import.mode')}
              >
                <Flex vertical gap={4}>
                  <Radio value="all-or-nothing">{t('members.import.modeAll')}</Radio>
                  <Radio value="valid-only">{t('members.import.modeValid')}</Radio>
                </Flex>
              </Radio.Group>
            </Form.Item>
            <Flex gap={8} wrap>
              <Button disabled={!file || !orgId} onClick={() => start(true)}>
                {t('members.import.dryRun')}
              </Button>
              <Button
                type="primary"
                disabled={!file || !orgId || !check || done !== null}
                onClick={() => start(false)}
              >
                {mode === 'valid-only'
                  ? t('members.import.importValid')
                  : t('members.import.importAll')}
              </Button>
            </Flex>
            {!check && file ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('members.import.checkFirst')}
              </Typography.Paragraph>
            ) : null}
          </Form>
        </Card>
      </Spin>
      {report ? (
        <Card
          title={
            <h2 style={{ margin: 0, fontSize: '1.1em' }}>
              {done ? t('members.import.resultTitle') : t('members.import.checkTitle')}
            </h2>
          }
        >
          {done ? (
            <Result
              status={done.rejected || done.report.importedRows === 0 ? 'warning' : 'success'}
              title={
                done.rejected
                  ? t('members.import.rejected')
                  : t('members.import.imported', { count: done.report.importedRows })
              }
              extra={<Link to="/members">{t('members.import.toMembers')}</Link>}
            />
          ) : check && report.errors.length === 0 ? (
            <Alert
              type="success"
              showIcon
              message={t('members.import.checkOk', { count: report.validRows })}
              style={{ marginBottom: 16 }}
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              message={t('members.import.checkHasErrors', { count: report.errors.length })}
              description={
                mode === 'all-or-nothing'
                  ? t('members.import.checkHintAll')
                  : t('members.import.checkHintValid')
              }
              style={{ marginBottom: 16 }}
            />
          )}
          <Flex gap={32} wrap style={{ marginBottom: 16 }}>
            <Statistic title={t('members.import.totalRows')} value={report.totalRows} />
            <Statistic title={t('members.import.validRows')} value={report.validRows} />
            <Statistic title={t('members.import.errorRows')} value={report.errors.length} />
            {done ? (
              <Statistic title={t('members.import.importedRows')} value={report.importedRows} />
            ) : null}
          </Flex>
          {report.errors.length > 0 ? <ImportErrorTable errors={report.errors} /> : null}
        </Card>
      ) : null}
    </>
  )
}
