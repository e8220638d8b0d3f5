import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  CLAIMANT_KINDS,
  type MyClaim,
  type PublicWish,
  WISH_CATEGORIES,
  type WishCategory,
} from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import { useLoginPath } from '../../campaigns-public/components/hooks'
import { LoadError, Loading, Notice } from '../../campaigns-public/components/shell'
import { formatDay } from '../../campaigns-public/lib/time'
import { getStation } from '../../stations-public/api/public-stations-api'
import {
  claimWish,
  getWall,
  listMyPartnersFor,
  listMyPublishedWishIds,
  wishPublicKeys,
} from '../api/wishes-public-api'
import { Pager } from '../components/pager'
import { WishShell } from '../components/wish-shell'
import { chinaToday, type ClaimFormValues, validateClaim } from '../lib/wish-form'

const k = 'wishesPublic.wall'
const PAGE_SIZE = 10

/** A China day (YYYY-MM-DD) in words. */
export const dayText = (t: TFunction, date: string) => formatDay(t, `${date}T12:00:00+08:00`)

/** The conflicts a claimant meets, in plain words; anything else in the server's words. */
export const claimErrorText = (t: TFunction, error: unknown): string => {
  if (isApiError(error)) {
    const known = [
      'WISH_PARTNER_NOT_YOURS',
      'WISH_CLAIMANT_NOT_PARTY_MEMBER',
      'WISH_PARTNER_ARCHIVED',
      'WISH_PARTNER_OUT_OF_SCOPE',
      'WISH_ALREADY_CLAIMED',
      'WISH_CLAIM_DUPLICATE',
      'WISH_NOT_CLAIMABLE',
      'WISH_CLAIM_OWN',
      'WISH_CLAIM_DUE_INVALID',
    ]
    if (known.includes(error.code)) return t(`${k}.claimErrors.${error.code}`)
  }
  return errorMessage(t, error)
}

/** /w/wall?orgId=|stationId= — published wishes of an org or a station, to claim. */
export const Component = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const { session } = useSession()
  const stationId = params.get('stationId') ?? undefined
  const orgId = stationId ? undefined : (params.get('orgId') ?? session?.member.orgId)
  const category = (params.get('category') as WishCategory | null) ?? undefined
  const page = Math.max(1, Number(params.get('page')) || 1)
  // A claim refused because the wish left the wall meanwhile (409): the wall reloads and the
  // card goes with it, so the reason is said here, above the list, not inside the card.
  const [conflict, setConflict] = useState<string | null>(null)
  const query = { orgId, stationId, category, page, pageSize: PAGE_SIZE }
  const wall = useQuery({
    queryKey: wishPublicKeys.wall(query),
    queryFn: ({ signal }) => getWall(query, signal),
    enabled: Boolean(orgId ?? stationId),
  })
  // A signed-in worker's own wishes on the wall get a note instead of a claim button.
  const mine = useQuery({
    queryKey: wishPublicKeys.minePublished(),
    queryFn: ({ signal }) => listMyPublishedWishIds(signal),
    enabled: session !== null,
    staleTime: 60_000,
  })
  const station = useQuery({
    queryKey: ['wishes-public', 'station', stationId],
    queryFn: ({ signal }) => getStation(stationId ?? '', 'wgs84', signal),
    enabled: stationId !== undefined,
    staleTime: 300_000,
  })
  const update = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params)
    for (const [key, v] of Object.entries(next)) {
      if (v === undefined) p.delete(key)
      else p.set(key, v)
    }
    setParams(p)
    setConflict(null)
    window.scrollTo(0, 0)
  }
  const onConflict = (message: string) => {
    setConflict(message)
    window.scrollTo(0, 0)
  }

  const place = station.data?.name ?? wall.data?.items[0]?.orgName
  const title = place ? t(`${k}.titleOf`, { place }) : t(`${k}.title`)
  const home = stationId
    ? { to: `/s/${encodeURIComponent(stationId)}`, label: station.data?.name ?? t(`${k}.station`) }
    : undefined

  return (
    <WishShell title={title} home={home}>
      <p>{t(`${k}.intro`)}</p>
      {/* Always rendered: a live region announces what is put into it, not its arrival. */}
      <div role="status" aria-live="polite" data-testid="wall-notice">
        {conflict ? <Notice kind="warn">{conflict}</Notice> : null}
      </div>
      {!orgId && !stationId ? (
        <Notice kind="warn">
          <p>{t(`${k}.pickPlace`)}</p>
          <Link className="cp-btn" to="/s">
            {t(`${k}.findStation`)}
          </Link>
        </Notice>
      ) : (
        <>
          <div className="wp-chips" role="group" aria-label={t(`${k}.categoryFilter`)}>
            <button
              type="button"
              aria-pressed={!category}
              onClick={() => update({ category: undefined, page: undefined })}
            >
              {t(`${k}.allCategories`)}
            </button>
            {WISH_CATEGORIES.map((c) => (
              <button
                key={c}
                type="button"
                aria-pressed={category === c}
                onClick={() => update({ category: c, page: undefined })}
              >
                {t(`wishesPublic.category.${c}`)}
              </button>
            ))}
          </div>
          {stationId ? (
            <Link
              className="cp-btn cp-btn-block"
              to={`/w/new?stationId=${encodeURIComponent(stationId)}`}
            >
              {t(`${k}.postHere`)}
            </Link>
          ) : null}
          {wall.isLoading ? <Loading /> : null}
          {wall.error ? <LoadError error={wall.error} onRetry={() => void wall.refetch()} /> : null}
          {wall.data && wall.data.items.length === 0 ? (
            <p className="cp-card">{t(`${k}.empty`)}</p>
          ) : null}
          <ul className="cp-list" aria-label={t(`${k}.listLabel`)}>
            {wall.data?.items.map((w) => (
              <WallItem
                key={w.id}
                wish={w}
                signedIn={session !== null}
                mine={mine.data?.has(w.id) ?? false}
                onConflict={onConflict}
              />
            ))}
          </ul>
          {wall.data ? (
            <Pager
              page={page}
              pageSize={PAGE_SIZE}
              total={wall.data.total}
              onPage={(p) => update({ page: String(p) })}
            />
          ) : null}
        </>
      )}
    </WishShell>
  )
}

const WallItem = ({
  wish,
  signedIn,
  mine,
  onConflict,
}: {
  wish: PublicWish
  signedIn: boolean
  /** The signed-in worker posted it: no claim button (the server refuses a claim of one's own). */
  mine: boolean
  /** Says, above the wall, why a claim was refused with 409 (the wall reloads without the card). */
  onConflict: (message: string) => void
}) => {
  const { t } = useTranslation()
  const loginPath = useLoginPath()
  const headingId = useId()
  const [open, setOpen] = useState(false)
  const [claimed, setClaimed] = useState<MyClaim | null>(null)
  return (
    <li className="cp-card" aria-labelledby={headingId}>
      <div className="wp-wish-head">
        <h2 id={headingId}>{wish.title}</h2>
        <span className="cp-tag">{t(`wishesPublic.category.${wish.category}`)}</span>
      </div>
      {wish.description ? <p className="cp-pre">{wish.description}</p> : null}
      <p className="cp-small cp-muted">
        {t(`${k}.who`, { name: wish.workerNameMasked })} · {wish.stationName ?? wish.orgName}
      </p>
      <p className="cp-small">{t(`${k}.deadline`, { date: dayText(t, wish.deadline) })}</p>
      {claimed ? (
        <Notice kind="ok" role="status">
          <p>{t(`${k}.claimed`, { date: dayText(t, claimed.dueDate) })}</p>
          <Link to="/w/claims">{t(`${k}.toClaims`)}</Link>
        </Notice>
      ) : mine ? (
        <p className="cp-small cp-muted">{t(`${k}.yours`)}</p>
      ) : !signedIn ? (
        <Link className="cp-btn cp-btn-primary cp-btn-block" to={loginPath}>
          {t(`${k}.signInToClaim`)}
        </Link>
      ) : open ? (
        <ClaimForm
          wish={wish}
          onDone={setClaimed}
          onConflict={onConflict}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button
          type="button"
          className="cp-btn cp-btn-primary cp-btn-block"
          onClick={() => setOpen(true)}
        >
          {t(`${k}.claim`)}
        </button>
      )}
    </li>
  )
}

const ClaimForm = ({
  wish,
  onDone,
  onConflict,
  onCancel,
}: {
  wish: PublicWish
  onDone: (c: MyClaim) => void
  onConflict: (message: string) => void
  onCancel: () => void
}) => {
  const { t } = useTranslation()
  const id = useId()
  const qc = useQueryClient()
  const today = chinaToday()
  const [values, setValues] = useState<ClaimFormValues>({
    claimantKind: 'volunteer',
    partnerId: '',
    dueDate: '',
  })
  // The partner companies I claim for that may claim this wish: a company is not a name to type.
  const partners = useQuery({
    queryKey: wishPublicKeys.partnersFor(wish.id),
    queryFn: ({ signal }) => listMyPartnersFor(wish.id, signal),
  })
  const myPartners = partners.data?.items ?? []
  // Claiming as a party member needs the union's record to say so (ADR 0033): offered only then.
  const partyMember = partners.data?.partyMember ?? false
  const partnerId =
    values.partnerId || (myPartners.length === 1 ? myPartners[0]!.id : values.partnerId)
  const [error, setError] = useState<string | null>(null)
  const claim = useMutation({
    mutationFn: (body: Parameters<typeof claimWish>[1]) => claimWish(wish.id, body),
    onSuccess: (c) => {
      onDone(c)
      // Not the wall: refetched now it would drop this card, and its confirmation with it.
      void qc.invalidateQueries({ queryKey: ['wishes-public', 'claims'] })
    },
    onError: (e) => {
      // Taken by someone else meanwhile: the wall is stale, fetch it again. That drops this
      // card and any message in it, so the page says why, with the wish's title.
      if (isApiError(e) && e.status === 409) {
        onConflict(t(`${k}.conflict`, { title: wish.title, reason: claimErrorText(t, e) }))
        void qc.invalidateQueries({ queryKey: ['wishes-public', 'wall'] })
      }
    },
  })
  // A 409 is told above the wall (onConflict), once; other refusals stay with the form.
  const inCard = isApiError(claim.error) && claim.error.status === 409 ? null : claim.error
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const { error: found, body } = validateClaim({ ...values, partnerId }, today, wish.deadline)
    setError(found ? t(`${k}.errors.${found}`, { date: dayText(t, wish.deadline) }) : null)
    if (body) claim.mutate(body)
  }
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label={t(`${k}.claimFormLabel`, { title: wish.title })}
    >
      <div className="cp-field">
        <fieldset>
          <legend>{t(`${k}.kindLabel`)}</legend>
          <div className="wp-choices">
            {CLAIMANT_KINDS.map((kind) => {
              const unavailable = kind === 'party_member' && !partyMember
              return (
                <label key={kind} className="cp-choice">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    value={kind}
                    checked={values.claimantKind === kind}
                    disabled={unavailable}
                    aria-describedby={unavailable && partners.isSuccess ? `${id}-party` : undefined}
                    onChange={() => setValues((v) => ({ ...v, claimantKind: kind }))}
                  />
                  {t(`wishesPublic.claimantKind.${kind}`)}
                </label>
              )
            })}
          </div>
          {partners.isSuccess && !partyMember ? (
            <div className="cp-hint" id={`${id}-party`}>
              {t(`${k}.notPartyMember`)}
            </div>
          ) : null}
        </fieldset>
      </div>
      {values.claimantKind === 'partner_company' ? (
        partners.isPending ? (
          <p className="cp-spinner" role="status">
            {t('common.loading')}
          </p>
        ) : myPartners.length === 0 ? (
          <Notice kind="warn" role="status">
            {t(`${k}.noPartner`)}
          </Notice>
        ) : (
          <div className="cp-field">
            <label htmlFor={`${id}-company`}>{t(`${k}.companyLabel`)}</label>
            <select
              id={`${id}-company`}
              className="cp-input"
              value={partnerId}
              onChange={(e) => setValues((v) => ({ ...v, partnerId: e.target.value }))}
            >
              {myPartners.length > 1 ? <option value="">{t(`${k}.companyPick`)}</option> : null}
              {myPartners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <div className="cp-hint">{t(`${k}.companyHint`)}</div>
          </div>
        )
      ) : null}
      <div className="cp-field">
        <label htmlFor={`${id}-due`}>{t(`${k}.dueLabel`)}</label>
        <input
          id={`${id}-due`}
          className="cp-input"
          type="date"
          min={today}
          max={wish.deadline}
          value={values.dueDate}
          aria-describedby={`${id}-due-hint`}
          onChange={(e) => setValues((v) => ({ ...v, dueDate: e.target.value }))}
        />
        <div className="cp-hint" id={`${id}-due-hint`}>
          {t(`${k}.dueHint`, { date: dayText(t, wish.deadline) })}
        </div>
      </div>
      {(error ?? inCard) ? (
        <Notice kind="error" role="alert">
          {error ?? claimErrorText(t, inCard)}
        </Notice>
      ) : null}
      <div className="cp-actions">
        <button type="submit" className="cp-btn cp-btn-primary" disabled={claim.isPending}>
          {t(`${k}.claimSubmit`)}
        </button>
        <button type="button" className="cp-btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
