import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type WishClaim,
  type WishDetail,
  WISH_AUTO_CONFIRM_DAYS,
  isWishEditable,
} from '@unionhall/contracts'
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Image,
  Input,
  Modal,
  Skeleton,
  Timeline,
  Typography,
} from 'antd'
import type { TFunction } from 'i18next'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import {
  confirmWish,
  getWish,
  getWorkerContact,
  publishWish,
  rejectWish,
  reopenWish,
  wishKeys,
} from '../api/wishes-api'
import { WishEditModal } from './wish-edit-modal'
import { WishStatusTag } from './wishes-table'

type Props = { wishId: string | null; onClose: () => void }

type TimelineItem = { key: string; color: string; children: ReactNode }

/** The wish's history from its fields and its claims, oldest first. */
export const wishTimeline = (t: TFunction, w: WishDetail): TimelineItem[] => {
  const at = (iso: string | null) => (iso ? ` · ${formatDateTime(iso)}` : '')
  const items: TimelineItem[] = [
    {
      key: 'created',
      color: 'gray',
      children: `${t(`wishes.timeline.created.${w.source}`)}${at(w.createdAt)}`,
    },
  ]
  if (w.status === 'rejected')
    items.push({
      key: 'rejected',
      color: 'red',
      children: t('wishes.timeline.rejected', { reason: w.rejectedReason ?? '' }),
    })
  if (w.publishedAt)
    items.push({
      key: 'published',
      color: 'blue',
      children: `${t('wishes.timeline.published')}${at(w.publishedAt)}`,
    })
  const claims = [...w.claims].sort((a, b) => a.claimedAt.localeCompare(b.claimedAt))
  // Edits happen only while nobody holds a claim: before the first claim or after a reopen.
  const edited: TimelineItem | null = w.editedAt
    ? { key: 'edited', color: 'gray', children: `${t('wishes.timeline.edited')}${at(w.editedAt)}` }
    : null
  const editedFirst = edited && (!claims[0] || w.editedAt! < claims[0].claimedAt)
  if (editedFirst) items.push(edited)
  for (const c of claims) items.push(...claimItems(t, c, at))
  if (edited && !editedFirst) items.push(edited)
  // Last, not after 'created': a published wish its worker edits is back in review, and the
  // wait comes after the publishing and the edit that caused it.
  if (w.status === 'pending_review')
    items.push({ key: 'review', color: 'gold', children: t('wishes.timeline.awaitingReview') })
  if (w.confirmedAt)
    items.push({
      key: 'confirmed',
      color: 'green',
      children: (
        <>
          {w.confirmedAutomatically
            ? t('wishes.timeline.autoConfirmed', { days: WISH_AUTO_CONFIRM_DAYS })
            : t('wishes.timeline.confirmed')}
          {at(w.confirmedAt)}
          {w.thanks ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('wishes.timeline.thanks', { thanks: w.thanks })}
            </Typography.Paragraph>
          ) : null}
        </>
      ),
    })
  if (w.status === 'expired')
    items.push({ key: 'expired', color: 'gray', children: t('wishes.timeline.expired') })
  if (w.status === 'withdrawn')
    items.push({
      key: 'withdrawn',
      color: 'gray',
      children: `${
        w.withdrawnReason
          ? t('wishes.timeline.withdrawnWithReason', { reason: w.withdrawnReason })
          : t('wishes.timeline.withdrawn')
      }${at(w.withdrawnAt)}`,
    })
  return items
}

const claimItems = (
  t: TFunction,
  c: WishClaim,
  at: (iso: string | null) => string,
): TimelineItem[] => {
  const items: TimelineItem[] = [
    {
      key: `${c.id}-claimed`,
      color: 'cyan',
      children: `${t('wishes.timeline.claimed', {
        name: c.claimantName,
        kind: t(`wishes.claimantKind.${c.claimantKind}`),
        due: c.dueDate,
      })}${at(c.claimedAt)}`,
    },
  ]
  if (c.fulfilledAt)
    items.push({
      key: `${c.id}-fulfilled`,
      color: 'purple',
      children: (
        <>
          {t('wishes.timeline.fulfilled')}
          {at(c.fulfilledAt)}
          {c.note ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {c.note}
            </Typography.Paragraph>
          ) : null}
          {c.photos.length ? (
            <Image.PreviewGroup>
              <Flex gap={8} wrap style={{ marginTop: 4 }}>
                {c.photos.map((src, i) => (
                  <Image
                    key={src}
                    src={src}
                    width={72}
                    height={72}
                    style={{ objectFit: 'cover' }}
                    alt={t('wishes.timeline.photoAlt', { n: i + 1 })}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          ) : null}
        </>
      ),
    })
  if (['released', 'reopened', 'expired'].includes(c.status))
    items.push({
      key: `${c.id}-ended`,
      color: 'red',
      children: `${t(`wishes.timeline.claimEnded.${c.status}`, { reason: c.endReason ?? '' })}${at(c.endedAt)}`,
    })
  return items
}

type ReasonAction = 'reject' | 'reopen' | 'confirm'

/** A wish in full: fields, timeline, and the staff actions its status allows. */
export const WishDrawer = ({ wishId, onClose }: Props) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { can } = useSession()
  const qc = useQueryClient()
  const [action, setAction] = useState<ReasonAction | null>(null)
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState('')
  const [contact, setContact] = useState<{ workerName: string; workerMobile: string } | null>(null)
  const detail = useQuery({
    queryKey: wishKeys.detail(wishId ?? ''),
    queryFn: ({ signal }) => getWish(wishId ?? '', signal),
    enabled: wishId !== null,
  })
  const done = (key: string) => () => {
    void message.success(t(key))
    setAction(null)
    setText('')
    void qc.invalidateQueries({ queryKey: wishKeys.all })
  }
  const fail = (e: unknown) => void message.error(errorMessage(t, e))
  const publish = useMutation({
    mutationFn: publishWish,
    onSuccess: done('wishes.detail.published'),
    onError: fail,
  })
  const reject = useMutation({
    mutationFn: rejectWish,
    onSuccess: done('wishes.detail.rejected'),
  })
  const reopen = useMutation({
    mutationFn: reopenWish,
    onSuccess: done('wishes.detail.reopened'),
  })
  const confirm = useMutation({
    mutationFn: confirmWish,
    onSuccess: done('wishes.detail.confirmed'),
  })
  const reveal = useMutation({
    mutationFn: getWorkerContact,
    onSuccess: setContact,
    onError: fail,
  })
  const w = detail.data
  const manage = can('wish:manage')
  const mutations = { reject, reopen, confirm }
  const current = action ? mutations[action] : null
  const needsText = action === 'reject' || action === 'reopen'

  return (
    <Drawer
      open={wishId !== null}
      onClose={() => {
        setContact(null)
        onClose()
      }}
      width={560}
      title={w ? w.title : t('wishes.detail.title')}
      destroyOnHidden
    >
      {detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : null}
      {detail.isLoading ? <Skeleton active /> : null}
      {w ? (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            {manage && isWishEditable(w.status) ? (
              <Button onClick={() => setEditing(true)}>{t('wishes.detail.edit')}</Button>
            ) : null}
            {manage && w.status === 'pending_review' ? (
              <>
                <Button
                  type="primary"
                  loading={publish.isPending}
                  onClick={() => publish.mutate(w.id)}
                >
                  {t('wishes.detail.publish')}
                </Button>
                <Button danger onClick={() => setAction('reject')}>
                  {t('wishes.detail.reject')}
                </Button>
              </>
            ) : null}
            {manage && (w.status === 'claimed' || w.status === 'fulfilled') ? (
              <Button danger onClick={() => setAction('reopen')}>
                {t('wishes.detail.reopen')}
              </Button>
            ) : null}
            {manage && w.status === 'fulfilled' && w.source === 'staff' ? (
              <Button type="primary" onClick={() => setAction('confirm')}>
                {t('wishes.detail.confirm')}
              </Button>
            ) : null}
          </Flex>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('wishes.fields.status')}>
              <WishStatusTag status={w.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('wishes.fields.category')}>
              {t(`wishes.category.${w.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('wishes.fields.description')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{w.description || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('wishes.fields.worker')}>
              <Flex gap={8} align="center" wrap>
                <span>
                  {contact
                    ? `${contact.workerName} ${contact.workerMobile}`
                    : `${w.workerNameMasked} ${w.workerMobileMasked}`}
                </span>
                {manage && !contact ? (
                  <Button
                    size="small"
                    loading={reveal.isPending}
                    onClick={() => reveal.mutate(w.id)}
                  >
                    {t('wishes.detail.revealContact')}
                  </Button>
                ) : null}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('wishes.fields.org')}>{w.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('wishes.fields.station')}>
              {w.stationName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('wishes.fields.deadline')}>{w.deadline}</Descriptions.Item>
            <Descriptions.Item label={t('wishes.fields.source')}>
              {t(`wishes.source.${w.source}`)}
            </Descriptions.Item>
            {w.status === 'withdrawn' ? (
              <Descriptions.Item label={t('wishes.fields.withdrawnReason')}>
                {w.withdrawnReason ?? '—'}
              </Descriptions.Item>
            ) : null}
            {w.reopenCount > 0 ? (
              <Descriptions.Item label={t('wishes.fields.reopened')}>
                {t('wishes.detail.reopenedTimes', {
                  count: w.reopenCount,
                  reason: w.reopenReason ?? '',
                })}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: '1.1em', marginTop: 24 }}>
            {t('wishes.detail.timeline')}
          </Typography.Title>
          <Timeline items={wishTimeline(t, w)} />
          <WishEditModal wish={w} open={editing} onClose={() => setEditing(false)} />
        </>
      ) : null}
      <Modal
        open={action !== null}
        title={action ? t(`wishes.detail.${action}Title`) : ''}
        okText={action ? t(`wishes.detail.${action}`) : ''}
        okButtonProps={{
          danger: action !== 'confirm',
          disabled: needsText && !text.trim(),
        }}
        confirmLoading={current?.isPending}
        onCancel={() => {
          setAction(null)
          setText('')
          current?.reset()
        }}
        onOk={() => {
          if (!w || !action) return
          if (action === 'confirm') confirm.mutate({ id: w.id, thanks: text })
          else mutations[action].mutate({ id: w.id, reason: text.trim() })
        }}
        destroyOnHidden
      >
        {current?.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={errorMessage(t, current.error)}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <label htmlFor="wish-action-text" style={{ display: 'block', marginBottom: 4 }}>
          {action ? t(`wishes.detail.${action}Label`) : ''}
        </label>
        <Input.TextArea
          id="wish-action-text"
          rows={3}
          maxLength={action === 'confirm' ? 300 : 200}
          showCount
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </Drawer>
  )
}
