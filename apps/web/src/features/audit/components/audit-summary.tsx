import { Col, Row, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null

const Json = ({ value, label }: { value: unknown; label: string }) => {
  const { token } = theme.useToken()
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      style={{
        margin: 0,
        padding: 12,
        background: token.colorFillQuaternary,
        borderRadius: token.borderRadius,
        fontSize: token.fontSizeSM,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  )
}

/** The summary of one audit entry: before/after side by side when the entry has both. */
export const AuditSummary = ({ summary }: { summary: unknown }) => {
  const { t } = useTranslation()
  const rec = asRecord(summary)
  if (!rec || Object.keys(rec).length === 0) {
    return <Typography.Text type="secondary">{t('audit.list.noSummary')}</Typography.Text>
  }
  if ('before' in rec || 'after' in rec) {
    const { before, after, ...rest } = rec
    return (
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.list.before')}</Typography.Text>
          <Json value={before ?? null} label={t('audit.list.before')} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.list.after')}</Typography.Text>
          <Json value={after ?? null} label={t('audit.list.after')} />
        </Col>
        {Object.keys(rest).length > 0 ? (
          <Col span={24}>
            <Json value={rest} label={t('audit.list.summary')} />
          </Col>
        ) : null}
      </Row>
    )
  }
  return <Json value={rec} label={t('audit.list.summary')} />
}
