import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type MyClaim, WISH_MAX_PHOTOS } from '@unionhall/contracts'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../lib/error-message'
import { Field } from '../../campaigns-public/components/field'
import { PhotoPicker } from '../../campaigns-public/components/photo-picker'
import { LoadError, Loading, Notice } from '../../campaigns-public/components/shell'
import { formatWhen } from '../../campaigns-public/lib/time'
import { fulfilClaim, listMyClaims, releaseClaim, wishPublicKeys } from '../api/wishes-public-api'
import { Pager } from '../components/pager'
import { RequireMember, StatusTag, WishShell } from '../components/wish-shell'
import { chinaToday, REASON_MAX } from '../lib/wish-form'
import { dayText } from './wall-page'
import { sizedImageSrc } from '../../../lib/web-link'

const k = 'wishesPublic.claims'

/** /w/claims — wishes I claimed: deliver them (with a photo) by the due date, or give them back. */
export const Component = () => {
  const { t } = useTranslation()
  return (
    <WishShell title={t(`${k}.title`)}>
      <RequireMember hint={t(`${k}.signInHint`)}>
        <Claims />
      </RequireMember>
    </WishShell>
  )
}

const Claims = () => {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const claims = useQuery({
    queryKey: wishPublicKeys.claims(page),
    queryFn: ({ signal }) => listMyClaims(page, signal),
  })
  return (
    <>
      {claims.isLoading ? <Loading /> : null}
      {claims.error ? (
        <LoadError error={claims.error} onRetry={() => void claims.refetch()} />
      ) : null}
      {claims.data && claims.data.items.length === 0 ? <p>{t(`${k}.empty`)}</p> : null}
      <ul className="cp-list">
        {claims.data?.items.map((c) => (
          <ClaimCard key={c.id} claim={c} />
        ))}
      </ul>
      {claims.data ? (
        <Pager page={page} pageSize={20} total={claims.data.total} onPage={setPage} />
      ) : null}
    </>
  )
}

const ClaimCard = ({ claim: c }: { claim: MyClaim }) => {
  const { t } = useTranslation()
  const headingId = useId()
  const overdue = c.status === 'active' && c.dueDate < chinaToday()
  return (
    <li className="cp-card" aria-labelledby={headingId}>
      <div className="wp-wish-head">
        <h2 id={headingId}>{c.wish.title}</h2>
        <StatusTag kind="claim" status={c.status} />
      </div>
      {c.wish.description ? <p className="cp-pre cp-small">{c.wish.description}</p> : null}
      <p className="cp-small cp-muted">
        {t(`wishesPublic.category.${c.wish.category}`)} ·{' '}
        {t('wishesPublic.wall.who', { name: c.wish.workerNameMasked })} ·{' '}
        {c.wish.stationName ?? c.wish.orgName}
      </p>
      <p className={overdue ? 'cp-error' : 'cp-small'}>
        {t(`${k}.due`, { date: dayText(t, c.dueDate) })}
        {overdue ? ` · ${t(`${k}.overdue`)}` : ''}
      </p>
      <p className="cp-small cp-muted">
        {t(`${k}.claimedAt`, {
          when: formatWhen(t, c.claimedAt),
          kind: t(`wishesPublic.claimantKind.${c.claimantKind}`),
        })}
      </p>
      {c.status === 'fulfilled' ? <p>{t(`${k}.waiting`)}</p> : null}
      {c.status === 'confirmed' ? (
        <Notice kind="ok">
          <p>{t(c.wish.confirmedAutomatically ? `${k}.autoConfirmed` : `${k}.confirmed`)}</p>
          {c.wish.thanks ? (
            <p className="cp-pre">{t(`${k}.thanks`, { thanks: c.wish.thanks })}</p>
          ) : null}
        </Notice>
      ) : null}
      {c.endReason && ['released', 'reopened', 'expired'].includes(c.status) ? (
        <p className="cp-small">{t(`${k}.endReason`, { reason: c.endReason })}</p>
      ) : null}
      {c.photos.length ? (
        <div className="wp-photos">
          {c.photos.map((src, i) => (
            <img
              key={src}
              src={sizedImageSrc(src, 320)}
              alt={t(`${k}.photoAlt`, { n: i + 1 })}
              loading="lazy"
            />
          ))}
        </div>
      ) : null}
      {c.status === 'active' ? <ActiveClaim claim={c} /> : null}
    </li>
  )
}

const ActiveClaim = ({ claim: c }: { claim: MyClaim }) => {
  const { t } = useTranslation()
  const id = useId()
  const qc = useQueryClient()
  const [mode, setMode] = useState<'none' | 'fulfil' | 'release'>('none')
  const [photos, setPhotos] = useState<string[]>([])
  const [photoError, setPhotoError] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const refresh = () => void qc.invalidateQueries({ queryKey: wishPublicKeys.all })
  const fulfil = useMutation({
    mutationFn: () => fulfilClaim(c.id, { photos, note: note.trim() }),
    onSuccess: refresh,
  })
  const release = useMutation({
    mutationFn: () => releaseClaim(c.id, reason),
    onSuccess: refresh,
  })

  if (mode === 'none')
    return (
      <div className="cp-actions">
        <button type="button" className="cp-btn cp-btn-primary" onClick={() => setMode('fulfil')}>
          {t(`${k}.fulfil`)}
        </button>
        <button type="button" className="cp-btn cp-btn-danger" onClick={() => setMode('release')}>
          {t(`${k}.release`)}
        </button>
      </div>
    )

  if (mode === 'release')
    return (
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault()
          release.mutate()
        }}
      >
        <p>{t(`${k}.releaseHelp`)}</p>
        <div className="cp-field">
          <label htmlFor={`${id}-reason`}>{t(`${k}.releaseReason`)}</label>
          <textarea
            id={`${id}-reason`}
            className="cp-textarea"
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {release.error ? (
          <Notice kind="error" role="alert">
            {errorMessage(t, release.error)}
          </Notice>
        ) : null}
        <div className="cp-actions">
          <button type="submit" className="cp-btn cp-btn-danger" disabled={release.isPending}>
            {t(`${k}.releaseSubmit`)}
          </button>
          <button type="button" className="cp-btn" onClick={() => setMode('none')}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    )

  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault()
        if (photos.length === 0) {
          setPhotoError(t(`${k}.errors.photoRequired`))
          return
        }
        fulfil.mutate()
      }}
    >
      <p>{t(`${k}.fulfilHelp`)}</p>
      <Field
        label={t(`${k}.photos`)}
        hint={t(`${k}.photosHint`, { max: WISH_MAX_PHOTOS })}
        error={photoError ?? undefined}
      >
        {(a11y) => (
          <PhotoPicker
            value={photos}
            onChange={(update) => {
              setPhotos(update)
              setPhotoError(null)
            }}
            onError={setPhotoError}
            max={WISH_MAX_PHOTOS}
            a11y={a11y}
          />
        )}
      </Field>
      <div className="cp-field">
        <label htmlFor={`${id}-note`}>{t(`${k}.note`)}</label>
        <textarea
          id={`${id}-note`}
          className="cp-textarea"
          maxLength={300}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {fulfil.error ? (
        <Notice kind="error" role="alert">
          {errorMessage(t, fulfil.error)}
        </Notice>
      ) : null}
      <div className="cp-actions">
        <button type="submit" className="cp-btn cp-btn-primary" disabled={fulfil.isPending}>
          {t(`${k}.fulfilSubmit`)}
        </button>
        <button type="button" className="cp-btn" onClick={() => setMode('none')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
