import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MyWish } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../lib/error-message'
import { LoadError, Loading, Notice } from '../../campaigns-public/components/shell'
import { formatWhen } from '../../campaigns-public/lib/time'
import {
  confirmMyWish,
  getMyWish,
  listMyWishes,
  reopenMyWish,
  wishPublicKeys,
} from '../api/wishes-public-api'
import { Pager } from '../components/pager'
import { RequireMember, StatusTag, WishShell } from '../components/wish-shell'
import { REASON_MAX, THANKS_MAX } from '../lib/wish-form'
import { dayText } from './wall-page'

const k = 'wishesPublic.mine'

/** /w/mine (all my wishes) and /w/my/wishes/:wishId (one, from a notification). */
export const Component = () => {
  const { t } = useTranslation()
  const wishId = useParams().wishId
  return (
    <WishShell title={t(`${k}.title`)}>
      <RequireMember hint={t(`${k}.signInHint`)}>
        {wishId ? <OneWish id={wishId} /> : <AllWishes />}
      </RequireMember>
    </WishShell>
  )
}

const OneWish = ({ id }: { id: string }) => {
  const { t } = useTranslation()
  const wish = useQuery({
    queryKey: wishPublicKeys.myWish(id),
    queryFn: ({ signal }) => getMyWish(id, signal),
  })
  return (
    <>
      {wish.isLoading ? <Loading /> : null}
      {wish.error ? <LoadError error={wish.error} onRetry={() => void wish.refetch()} /> : null}
      {wish.data ? (
        <ul className="cp-list">
          <WishCard wish={wish.data} />
        </ul>
      ) : null}
      <Link className="cp-btn cp-btn-block" to="/w/mine">
        {t(`${k}.all`)}
      </Link>
    </>
  )
}

const AllWishes = () => {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const mine = useQuery({
    queryKey: wishPublicKeys.mine(page),
    queryFn: ({ signal }) => listMyWishes(page, signal),
  })
  return (
    <>
      <Link className="cp-btn cp-btn-primary cp-btn-block" to="/w/new">
        {t(`${k}.post`)}
      </Link>
      {mine.isLoading ? <Loading /> : null}
      {mine.error ? <LoadError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && mine.data.items.length === 0 ? <p>{t(`${k}.empty`)}</p> : null}
      <ul className="cp-list">
        {mine.data?.items.map((w) => (
          <WishCard key={w.id} wish={w} />
        ))}
      </ul>
      {mine.data ? (
        <Pager page={page} pageSize={20} total={mine.data.total} onPage={setPage} />
      ) : null}
    </>
  )
}

type Step = { key: string; state: 'done' | 'current' | 'todo'; text: string; at?: string | null }

/** The steps a wish goes through, with where this one stands. */
const stepsOf = (t: TFunction, w: MyWish): Step[] => {
  const s = w.status
  const reached = (list: MyWish['status'][]) => list.includes(s)
  const steps: Step[] = [
    { key: 'posted', state: 'done', text: t(`${k}.steps.posted`), at: w.createdAt },
  ]
  if (s === 'pending_review')
    steps.push({ key: 'review', state: 'current', text: t(`${k}.steps.review`) })
  else if (s === 'rejected')
    steps.push({
      key: 'rejected',
      state: 'current',
      text: t(`${k}.steps.rejected`, { reason: w.rejectedReason ?? '' }),
    })
  else
    steps.push({
      key: 'published',
      state: s === 'published' ? 'current' : 'done',
      text: t(`${k}.steps.published`),
      at: w.publishedAt,
    })
  if (s === 'expired')
    steps.push({ key: 'expired', state: 'current', text: t(`${k}.steps.expired`) })
  if (w.claim && reached(['claimed', 'fulfilled', 'confirmed']))
    steps.push({
      key: 'claimed',
      state: s === 'claimed' ? 'current' : 'done',
      text: t(`${k}.steps.claimed`, {
        name: w.claim.claimantName,
        kind: t(`wishesPublic.claimantKind.${w.claim.claimantKind}`),
        date: dayText(t, w.claim.dueDate),
      }),
      at: w.claim.claimedAt,
    })
  if (w.claim && reached(['fulfilled', 'confirmed']))
    steps.push({
      key: 'fulfilled',
      state: s === 'fulfilled' ? 'current' : 'done',
      text: t(`${k}.steps.fulfilled`),
      at: w.claim.fulfilledAt,
    })
  if (s === 'confirmed')
    steps.push({
      key: 'confirmed',
      state: 'done',
      text: t(`${k}.steps.confirmed`),
      at: w.confirmedAt,
    })
  return steps
}

const WishCard = ({ wish: w }: { wish: MyWish }) => {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <li className="cp-card" aria-labelledby={headingId}>
      <div className="wp-wish-head">
        <h2 id={headingId}>{w.title}</h2>
        <StatusTag kind="wish" status={w.status} />
      </div>
      <p className="cp-small cp-muted">
        {t(`wishesPublic.category.${w.category}`)} · {w.stationName ?? w.orgName} ·{' '}
        {t('wishesPublic.wall.deadline', { date: dayText(t, w.deadline) })}
      </p>
      {w.reopenReason && w.status === 'published' ? (
        <p className="cp-small">{t(`${k}.reopened`, { reason: w.reopenReason })}</p>
      ) : null}
      <ol className="cp-list cp-timeline" aria-label={t(`${k}.timeline`)}>
        {stepsOf(t, w).map((step) => (
          <li key={step.key} data-state={step.state}>
            {step.text}
            {step.at ? (
              <span className="cp-small cp-muted"> · {formatWhen(t, step.at)}</span>
            ) : null}
          </li>
        ))}
      </ol>
      {w.claim?.photos.length ? (
        <div className="wp-photos">
          {w.claim.photos.map((src, i) => (
            <img key={src} src={src} alt={t(`${k}.photoAlt`, { n: i + 1 })} loading="lazy" />
          ))}
        </div>
      ) : null}
      {w.claim?.note ? <p className="cp-pre cp-small">{w.claim.note}</p> : null}
      {w.thanks ? <p className="cp-small">{t(`${k}.thanksSent`, { thanks: w.thanks })}</p> : null}
      <WishActions wish={w} />
    </li>
  )
}

const WishActions = ({ wish: w }: { wish: MyWish }) => {
  const { t } = useTranslation()
  const id = useId()
  const qc = useQueryClient()
  const [mode, setMode] = useState<'none' | 'confirm' | 'reopen'>('none')
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const refresh = () => void qc.invalidateQueries({ queryKey: wishPublicKeys.all })
  const confirm = useMutation({
    mutationFn: () => confirmMyWish(w.id, text),
    onSuccess: () => {
      setMode('none')
      refresh()
    },
  })
  const reopen = useMutation({
    mutationFn: () => reopenMyWish(w.id, text.trim()),
    onSuccess: () => {
      setMode('none')
      refresh()
    },
  })
  const canConfirm = w.status === 'fulfilled'
  const canReopen = w.status === 'claimed' || w.status === 'fulfilled'
  if (!canConfirm && !canReopen) return null

  const open = (m: 'confirm' | 'reopen') => {
    setMode(m)
    setText('')
    setError(null)
    confirm.reset()
    reopen.reset()
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (mode === 'reopen') {
      if (!text.trim()) return setError(t(`${k}.errors.reasonRequired`))
      reopen.mutate()
    } else confirm.mutate()
  }
  const failed = confirm.error ?? reopen.error
  const max = mode === 'confirm' ? THANKS_MAX : REASON_MAX

  if (mode === 'none')
    return (
      <div className="cp-actions">
        {canConfirm ? (
          <button type="button" className="cp-btn cp-btn-primary" onClick={() => open('confirm')}>
            {t(`${k}.confirm`)}
          </button>
        ) : null}
        <button type="button" className="cp-btn cp-btn-danger" onClick={() => open('reopen')}>
          {t(`${k}.reopen`)}
        </button>
      </div>
    )
  return (
    <form noValidate onSubmit={onSubmit}>
      {mode === 'confirm' ? <p>{t(`${k}.confirmHelp`)}</p> : <p>{t(`${k}.reopenHelp`)}</p>}
      <div className="cp-field">
        <label htmlFor={`${id}-text`}>
          {mode === 'confirm' ? t(`${k}.thanksLabel`) : t(`${k}.reasonLabel`)}
        </label>
        <textarea
          id={`${id}-text`}
          className="cp-textarea"
          maxLength={max}
          value={text}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            setText(e.target.value)
            setError(null)
          }}
        />
        <div className="cp-hint" id={`${id}-count`}>
          {t('wishesPublic.common.counter', { count: text.trim().length, max })}
        </div>
        {error ? (
          <div className="cp-error" id={`${id}-error`}>
            {error}
          </div>
        ) : null}
      </div>
      {failed ? (
        <Notice kind="error" role="alert">
          {errorMessage(t, failed)}
        </Notice>
      ) : null}
      <div className="cp-actions">
        <button
          type="submit"
          className={mode === 'confirm' ? 'cp-btn cp-btn-primary' : 'cp-btn cp-btn-danger'}
          disabled={confirm.isPending || reopen.isPending}
        >
          {mode === 'confirm' ? t(`${k}.confirmSubmit`) : t(`${k}.reopenSubmit`)}
        </button>
        <button type="button" className="cp-btn" onClick={() => setMode('none')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
