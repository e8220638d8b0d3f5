import { CheckCircleFilled } from '@ant-design/icons'
import type { JuryCandidatesSchema } from '@unionhall/contracts'
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Image,
  Input,
  InputNumber,
  Row,
  Slider,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { errorMessage } from '../../../lib/error-message'
import { imageSrcOrNull, sizedImageSrc, webLinkOrNull } from '../../../lib/web-link'
import { ContrastTag } from './a11y'

type JuryData = z.infer<typeof JuryCandidatesSchema>
type Item = JuryData['items'][number]
type RubricItem = JuryData['rubric'][number]

/** Scores filled in for every rubric item, each between 0 and its maximum. */
export const scoresComplete = (
  rubric: readonly RubricItem[],
  scores: Record<string, number | null>,
) =>
  rubric.every((r) => {
    const v = scores[r.key]
    return typeof v === 'number' && v >= 0 && v <= r.maxScore
  })

export const scoresTotal = (scores: Record<string, number | null>) =>
  Object.values(scores).reduce<number>((s, v) => s + (v ?? 0), 0)

type Props = {
  item: Item
  rubric: readonly RubricItem[]
  onSave: (scores: Record<string, number>, comment: string) => Promise<unknown>
  disabled?: boolean
}

/** One candidate's material and the juror's rubric scores, saved on their own. */
export const JuryScoreCard = ({ item, rubric, onSave, disabled }: Props) => {
  const { t } = useTranslation()
  const [scores, setScores] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(rubric.map((r) => [r.key, item.myScores?.[r.key] ?? null])),
  )
  const [comment, setComment] = useState(item.myComment ?? '')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [dirty, setDirty] = useState(false)
  const complete = scoresComplete(rubric, scores)
  const max = rubric.reduce((s, r) => s + r.maxScore, 0)

  const set = (key: string, v: number | null) => {
    setScores((s) => ({ ...s, [key]: v }))
    setDirty(true)
  }

  const save = () => {
    if (!complete) return
    setSaving(true)
    setError(null)
    onSave(scores as Record<string, number>, comment)
      .then(() => setDirty(false))
      .catch((e: unknown) => setError(e))
      .finally(() => setSaving(false))
  }

  const idBase = `score-${item.id}`
  // The candidate's material as the public page shows it: a juror scoring "事迹" needs the
  // photos and the video too. Stored links are checked again before they become src or href.
  const photos = item.photoUrls.map(imageSrcOrNull).filter((u): u is string => u !== null)
  const video = webLinkOrNull(item.videoUrl)
  return (
    <Card
      data-testid={`jury-card-${item.id}`}
      title={
        <h2 style={{ margin: 0, fontSize: '1em' }}>
          {item.number} {item.name}
        </h2>
      }
      extra={
        item.myTotal !== null && !dirty ? (
          <ContrastTag color="success" icon={<CheckCircleFilled />}>
            {t('campaigns.jury.savedTotal', { total: item.myTotal })}
          </ContrastTag>
        ) : null
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Paragraph type="secondary">
            {item.categoryName} · {item.employerName} · {item.trade}
            {item.isFrontLine ? ` · ${t('campaigns.results.frontLine')}` : ''}
          </Typography.Paragraph>
          <Typography.Paragraph
            ellipsis={{ rows: 6, expandable: true }}
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {item.story || item.achievements}
          </Typography.Paragraph>
          {photos.length > 0 ? (
            <Image.PreviewGroup>
              <Flex wrap gap={8} role="list" aria-label={t('campaigns.jury.photos')}>
                {photos.map((u, i) => (
                  <div role="listitem" key={u}>
                    <Image
                      // A 96 px thumbnail; the preview opens the photo at a screen's width.
                      src={sizedImageSrc(u, 320)}
                      preview={{ src: sizedImageSrc(u, 1280) }}
                      width={96}
                      height={96}
                      style={{ objectFit: 'cover', borderRadius: 6 }}
                      alt={t('campaigns.jury.photoAlt', { name: item.name, n: i + 1 })}
                    />
                  </div>
                ))}
              </Flex>
            </Image.PreviewGroup>
          ) : null}
          {video ? (
            <Typography.Paragraph style={{ marginTop: photos.length > 0 ? 12 : 0 }}>
              <Typography.Link href={video} target="_blank" rel="noopener noreferrer">
                {t('campaigns.jury.video', { name: item.name })}
              </Typography.Link>
            </Typography.Paragraph>
          ) : null}
        </Col>
        <Col xs={24} lg={12}>
          {rubric.map((r) => (
            <div key={r.key} style={{ marginBottom: 12 }}>
              <label htmlFor={`${idBase}-${r.key}`}>
                {t('campaigns.jury.rubricItem', { label: r.label, max: r.maxScore })}
              </label>
              <Flex gap={12} align="center">
                <Slider
                  style={{ flex: 1 }}
                  min={0}
                  max={r.maxScore}
                  value={scores[r.key] ?? 0}
                  disabled={disabled}
                  onChange={(v) => set(r.key, v)}
                  // The name goes on the handle (role=slider); a plain aria-label stays on the
                  // wrapper <div> and leaves the slider itself unnamed.
                  ariaLabelForHandle={r.label}
                />
                <InputNumber
                  id={`${idBase}-${r.key}`}
                  min={0}
                  max={r.maxScore}
                  step={1}
                  value={scores[r.key]}
                  disabled={disabled}
                  onChange={(v) => set(r.key, v)}
                  style={{ width: 80 }}
                />
              </Flex>
            </div>
          ))}
          <label htmlFor={`${idBase}-comment`}>{t('campaigns.jury.comment')}</label>
          <Input.TextArea
            id={`${idBase}-comment`}
            rows={2}
            maxLength={2000}
            value={comment}
            disabled={disabled}
            onChange={(e) => {
              setComment(e.target.value)
              setDirty(true)
            }}
          />
          {error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={errorMessage(t, error)}
              style={{ marginTop: 12 }}
            />
          ) : null}
          <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
            <Typography.Text strong>
              {t('campaigns.jury.total', { total: scoresTotal(scores), max })}
            </Typography.Text>
            <Button type="primary" loading={saving} disabled={!complete || disabled} onClick={save}>
              {t('campaigns.jury.save')}
            </Button>
          </Flex>
        </Col>
      </Row>
    </Card>
  )
}
