import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type MyWish, WISH_AUTO_CONFIRM_DAYS, isWishEditable } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../lib/error-message'
import { LoadError, Loading, Notice } from '../../campaigns-public/components/shell'
import { formatDay, formatWhen } from '../../campaigns-public/lib/time'
import {
  confirmMyWish,
  getMyWish,
  listMyWishes,
  reopenMyWish,
  updateMyWish,
  withdrawMyWish,
  wishPublicKeys,
} from '../api/wishes-public-api'
import { Pager } from '../components/pager'
import { WishFields } from '../components/wish-fields'
import { RequireMember, StatusTag, WishShell } from '../components/wish-shell'
import {
  type PostFormErrors,
  type PostFormValues,
  REASON_MAX,
  THANKS_MAX,
  chinaToday,
  editValuesOf,
  validateEdit,
} from '../lib/wish-form'
import { asClause } from '../lib/clause'
import { dayText } from './wall-page'
import { sizedImageSrc } from '../../../lib/web-link'

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
    steps.push({
      key: 'review',
      state: 'current',
      // An edited wish is checked again before it (re)appears on the wall.
      text: w.editedAt ? t(`${k}.steps.reviewAgain`) : t(`${k}.steps.review`),
    })
  else if (s === 'withdrawn') {
    if (w.publishedAt)
      steps.push({
        key: 'published',
        state: 'done',
        text: t(`${k}.steps.published`),
        at: w.publishedAt,
      })
    steps.push({
      key: 'withdrawn',
      state: 'current',
      text: w.withdrawnReason
        ? t(`${k}.steps.withdrawnWithReason`, { reason: w.withdrawnReason })
        : t(`${k}.steps.withdrawn`),
      at: w.withdrawnAt,
    })
  } else if (s === 'rejected')
    steps.push({
      key: 'rejected',
      state: 'current',
      text: t(`${k}.steps.rejected`, { reason: w.rejectedReason ?? '' }),
    })
  else {
    const past = w.pastClaims
    steps.push({
      key: 'published',
      state: s === 'published' && past.length === 0 ? 'current' : 'done',
      text: t(`${k}.steps.published`),
      at: w.publishedAt,
    })
    // Claims that ended and put the wish back on the wall stay in its history.
    past.forEach((c, i) => {
      steps.push({
        key: `past-claimed-${c.id}`,
        state: 'done',
        text: t(`${k}.steps.pastClaimed`, {
          name: c.claimantName,
          kind: t(`wishesPublic.claimantKind.${c.claimantKind}`),
        }),
        at: c.claimedAt,
      })
      if (c.fulfilledAt)
        steps.push({
          key: `past-fulfilled-${c.id}`,
          state: 'done',
          text: t(`${k}.steps.pastFulfilled`),
          at: c.fulfilledAt,
        })
      steps.push({
        key: `past-ended-${c.id}`,
        state: s === 'published' && i === past.length - 1 ? 'current' : 'done',
        text:
          c.status === 'reopened'
            ? t(`${k}.steps.pastReopened`, { reason: asClause(c.reopenReason ?? '') })
            : t(`${k}.steps.past_${c.status}`),
        at: c.endedAt,
      })
    })
  }
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
      text:
        s === 'fulfilled' && w.claim.fulfilledAt
          ? t(`${k}.steps.autoConfirmHint`, {
              date: formatDay(
                t,
                new Date(
                  Date.parse(w.claim.fulfilledAt) + WISH_AUTO_CONFIRM_DAYS * 86_400_000,
                ).toISOString(),
              ),
            })
          : t(`${k}.steps.fulfilled`),
      at: w.claim.fulfilledAt,
    })
  if (s === 'confirmed')
    steps.push({
      key: 'confirmed',
      state: 'done',
      text: w.confirmedAutomatically
        ? t(`${k}.steps.autoConfirmed`, { days: WISH_AUTO_CONFIRM_DAYS })
        : t(`${k}.steps.confirmed`),
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
            <img
              key={src}
              src={sizedImageSrc(src, 320)}
              alt={t(`${k}.photoAlt`, { n: i + 1 })}
              loading="lazy"
            />
          ))}
        </div>
      ) : null}
      {w.claim?.note ? <p className="cp-pre cp-small">{w.claim.note}</p> : null}
      {w.thanks ? <p className="cp-small">{t(`${k}.thanksSent`, { thanks: w.thanks })}</p> : null}
      {isWishEditable(w.status) ? <EditActions wish={w} /> : <WishActions wish={w} />}
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

/**
 * Before anyone claims it, the worker may correct the wish or take it back. Editing a wish on
 * the wall sends it back to review, which the form says before they save.
 */
const EditActions = ({ wish: w }: { wish: MyWish }) => {
  const { t } = useTranslation()
  const [mode, setMode] = useState<'none' | 'edit' | 'withdraw'>('none')
  const [saved, setSaved] = useState<'edited' | 'reviewAgain' | null>(null)
  if (mode === 'edit')
    return (
      <EditWishForm
        wish={w}
        onCancel={() => setMode('none')}
        onSaved={(after) => {
          setMode('none')
          setSaved(
            w.status === 'published' && after.status === 'pending_review'
              ? 'reviewAgain'
              : 'edited',
          )
        }}
      />
    )
  if (mode === 'withdraw') return <WithdrawForm wish={w} onCancel={() => setMode('none')} />
  return (
    <>
      {saved ? (
        <Notice kind="ok" role="status">
          {t(`${k}.saved.${saved}`)}
        </Notice>
      ) : null}
      <div className="cp-actions">
        <button
          type="button"
          className="cp-btn"
          onClick={() => {
            setSaved(null)
            setMode('edit')
          }}
        >
          {t(`${k}.edit`)}
        </button>
        <button
          type="button"
          className="cp-btn cp-btn-danger"
          onClick={() => {
            setSaved(null)
            setMode('withdraw')
          }}
        >
          {t(`${k}.withdraw`)}
        </button>
      </div>
    </>
  )
}

const EditWishForm = ({
  wish: w,
  onCancel,
  onSaved,
}: {
  wish: MyWish
  onCancel: () => void
  onSaved: (after: MyWish) => void
}) => {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const today = chinaToday()
  const [values, setValues] = useState<PostFormValues>(() => editValuesOf(w))
  const [errors, setErrors] = useState<PostFormErrors>({})
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateMyWish>[1]) => updateMyWish(w.id, body),
    onSuccess: (after) => {
      void qc.invalidateQueries({ queryKey: wishPublicKeys.all })
      onSaved(after)
    },
  })
  const set = <K extends keyof PostFormValues>(key: K, value: PostFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const { errors: found, body } = validateEdit(values, today)
    setErrors(found)
    if (!body) {
      // This card's own field: other cards may have a form open too.
      const first = Object.keys(found)[0]
      formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus()
      return
    }
    save.mutate(body)
  }
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} aria-label={t(`${k}.editTitle`)}>
      {w.status === 'published' ? (
        <Notice kind="warn">{t(`${k}.editReviewAgain`)}</Notice>
      ) : (
        <p>{t(`${k}.editHelp`)}</p>
      )}
      <WishFields values={values} errors={errors} today={today} onChange={set} />
      {values.stationId ? (
        <div className="cp-field">
          <p>
            <strong>{t('wishesPublic.post.stationLabel')}</strong> {w.stationName ?? w.orgName}
          </p>
          <button type="button" className="cp-btn" onClick={() => set('stationId', '')}>
            {t('wishesPublic.post.stationRemove')}
          </button>
        </div>
      ) : (
        <p className="cp-small cp-muted">{t('wishesPublic.post.noStation')}</p>
      )}
      {save.error ? (
        <Notice kind="error" role="alert">
          {errorMessage(t, save.error)}
        </Notice>
      ) : null}
      <div className="cp-actions">
        <button type="submit" className="cp-btn cp-btn-primary" disabled={save.isPending}>
          {save.isPending ? t(`${k}.editSaving`) : t(`${k}.editSubmit`)}
        </button>
        <button type="button" className="cp-btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

const WithdrawForm = ({ wish: w, onCancel }: { wish: MyWish; onCancel: () => void }) => {
  const { t } = useTranslation()
  const id = useId()
  const qc = useQueryClient()
  const [reason, setReason] = useState('')
  const withdraw = useMutation({
    mutationFn: () => withdrawMyWish(w.id, reason),
    onSuccess: () => void qc.invalidateQueries({ queryKey: wishPublicKeys.all }),
  })
  return (
    <form
      noValidate
      aria-label={t(`${k}.withdrawTitle`)}
      onSubmit={(e) => {
        e.preventDefault()
        withdraw.mutate()
      }}
    >
      <Notice kind="warn">{t(`${k}.withdrawHelp`)}</Notice>
      <div className="cp-field">
        <label htmlFor={`${id}-reason`}>{t(`${k}.withdrawReason`)}</label>
        <textarea
          id={`${id}-reason`}
          className="cp-textarea"
          maxLength={REASON_MAX}
          value={reason}
          aria-describedby={`${id}-count`}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="cp-hint" id={`${id}-count`}>
          {t('wishesPublic.common.counter', { count: reason.trim().length, max: REASON_MAX })}
        </div>
      </div>
      {withdraw.error ? (
        <Notice kind="error" role="alert">
          {errorMessage(t, withdraw.error)}
        </Notice>
      ) : null}
      <div className="cp-actions">
        <button
          type="submit"
          className="cp-btn cp-btn-danger"
          disabled={withdraw.isPending || withdraw.isSuccess}
        >
          {t(`${k}.withdrawSubmit`)}
        </button>
        <button type="button" className="cp-btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
