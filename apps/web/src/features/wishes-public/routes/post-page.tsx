import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type MyWish, WishCategorySchema } from '@unionhall/contracts'
import { type FormEvent, useEffect, useMemo, useState } from 'react'
import { sessionDraft } from '../../../lib/session-draft'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../lib/error-message'
import { Notice } from '../../campaigns-public/components/shell'
import { getStation } from '../../stations-public/api/public-stations-api'
import { postWish, wishPublicKeys } from '../api/wishes-public-api'
import { WishFields } from '../components/wish-fields'
import { RequireMember, WishShell } from '../components/wish-shell'
import {
  chinaToday,
  type PostFormErrors,
  type PostFormValues,
  validatePost,
} from '../lib/wish-form'

const k = 'wishesPublic.post'

/** /w/new?stationId= — a worker posts a wish from a phone; staff review it before the wall. */
export const Component = () => {
  const { t } = useTranslation()
  return (
    <WishShell title={t(`${k}.title`)}>
      <RequireMember hint={t(`${k}.signInHint`)}>
        <PostWish />
      </RequireMember>
    </WishShell>
  )
}

type WishDraft = Pick<PostFormValues, 'title' | 'description' | 'category' | 'deadline'>

/** The unsent wish at one station (or none), kept for this tab for a day. */
const wishDraft = (stationId: string) =>
  sessionDraft<WishDraft>(`uh.wishDraft:${stationId}`, 24 * 3_600_000, (raw) => {
    if (typeof raw !== 'object' || raw === null) return null
    const d = raw as Record<string, unknown>
    const text = (k: string) => {
      const v = d[k]
      return typeof v === 'string' ? v : ''
    }
    return {
      title: text('title'),
      description: text('description'),
      category: WishCategorySchema.safeParse(d.category).data ?? '',
      deadline: text('deadline'),
    }
  })

const PostWish = () => {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const stationId = params.get('stationId') ?? ''
  const today = chinaToday()
  const draft = useMemo(() => wishDraft(stationId), [stationId])
  const [values, setValues] = useState<PostFormValues>(() => ({
    title: '',
    description: '',
    category: '',
    deadline: '',
    ...draft.load(),
    stationId,
  }))
  // A half-written wish survives a reload (the phone dropped the page in the background).
  useEffect(() => {
    const { title, description, category, deadline } = values
    if (title || description || category || deadline)
      draft.save({ title, description, category, deadline })
  }, [draft, values])
  const [errors, setErrors] = useState<PostFormErrors>({})
  const [done, setDone] = useState<MyWish | null>(null)
  const qc = useQueryClient()
  const station = useQuery({
    queryKey: ['wishes-public', 'station', stationId],
    queryFn: ({ signal }) => getStation(stationId, 'wgs84', signal),
    enabled: stationId !== '',
    staleTime: 300_000,
  })
  const submit = useMutation({
    mutationFn: postWish,
    onSuccess: (w) => {
      draft.clear()
      setDone(w)
      void qc.invalidateQueries({ queryKey: wishPublicKeys.all })
      window.scrollTo(0, 0)
    },
  })

  const set = <K extends keyof PostFormValues>(key: K, value: PostFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const { errors: found, body } = validatePost(values, today)
    setErrors(found)
    if (!body) {
      const first = Object.keys(found)[0]
      document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus()
      return
    }
    submit.mutate(body)
  }

  if (done)
    return (
      <>
        <Notice kind="ok" role="status">
          <p className="cp-lead">{t(`${k}.doneTitle`)}</p>
          <p>{t(`${k}.doneText`, { title: done.title })}</p>
        </Notice>
        <div className="cp-actions">
          <Link className="cp-btn cp-btn-primary cp-btn-block" to="/w/mine">
            {t(`${k}.toMine`)}
          </Link>
          <button
            type="button"
            className="cp-btn cp-btn-block"
            onClick={() => {
              submit.reset()
              setDone(null)
              setValues((v) => ({ ...v, title: '', description: '', category: '', deadline: '' }))
            }}
          >
            {t(`${k}.another`)}
          </button>
        </div>
      </>
    )

  const stationName = station.data?.name
  return (
    <form noValidate onSubmit={onSubmit}>
      <p>{t(`${k}.intro`)}</p>
      {submit.error ? (
        <Notice kind="error" role="alert">
          {errorMessage(t, submit.error)}
        </Notice>
      ) : null}
      <WishFields values={values} errors={errors} today={today} onChange={set} />
      {values.stationId ? (
        <div className="cp-field">
          <p>
            <strong>{t(`${k}.stationLabel`)}</strong>{' '}
            <span data-testid="post-station">
              {stationName ?? (station.isError ? t(`${k}.stationUnknown`) : t('common.loading'))}
            </span>
          </p>
          <button type="button" className="cp-btn" onClick={() => set('stationId', '')}>
            {t(`${k}.stationRemove`)}
          </button>
        </div>
      ) : (
        <p className="cp-small cp-muted">{t(`${k}.noStation`)}</p>
      )}
      <p className="cp-small cp-muted">{t(`${k}.privacy`)}</p>
      <button
        type="submit"
        className="cp-btn cp-btn-primary cp-btn-block"
        disabled={submit.isPending}
      >
        {submit.isPending ? t(`${k}.submitting`) : t(`${k}.submit`)}
      </button>
    </form>
  )
}
