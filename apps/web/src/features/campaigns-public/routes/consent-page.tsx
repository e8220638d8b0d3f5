import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage } from '../../../lib/error-message'
import { decideConsent, getConsent, publicCampaignKeys } from '../api/public-campaigns-api'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'
import { PAGE_WIDE_IMAGE, imageSrcSet, sizedImageSrc, webLinkOrNull } from '../../../lib/web-link'

/** The nominee's page (link sent to them): exactly what will be published, then consent or decline. */
export const Component = () => {
  const { t } = useTranslation()
  const token = useParams().token ?? ''
  const queryClient = useQueryClient()
  const preview = useQuery({
    queryKey: publicCampaignKeys.consent(token),
    queryFn: ({ signal }) => getConsent(token, signal),
    retry: false,
  })
  const decide = useMutation({
    mutationFn: (d: 'consent' | 'decline') => decideConsent(token, d),
    onSuccess: (p) => queryClient.setQueryData(publicCampaignKeys.consent(token), p),
  })
  const p = preview.data
  const k = 'campaignsPublic.consent'

  if (!p) {
    return (
      <PublicShell title={t(`${k}.title`)}>
        {preview.isLoading ? <Loading /> : null}
        {preview.error ? <LoadError error={preview.error} /> : null}
      </PublicShell>
    )
  }
  const video = webLinkOrNull(p.videoUrl)

  return (
    <PublicShell title={t(`${k}.title`)}>
      <p className="cp-lead">
        {t(`${k}.intro`, { name: p.nomineeName, campaign: p.campaignName, honour: p.honourTitle })}
      </p>
      {p.state === 'consented' ? (
        <Notice kind="ok" role="status">
          {t(`${k}.consented`)}
        </Notice>
      ) : null}
      {p.state === 'declined' ? (
        <Notice kind="warn" role="status">
          {t(`${k}.declined`)}
        </Notice>
      ) : null}

      <section className="cp-card" aria-labelledby="cp-published">
        <h2 id="cp-published">{t(`${k}.published`)}</h2>
        <dl className="cp-dl">
          <dt>{t(`${k}.name`)}</dt>
          <dd>{p.nomineeName}</dd>
          <dt>{t(`${k}.category`)}</dt>
          <dd>{p.categoryName}</dd>
          <dt>{t(`${k}.employer`)}</dt>
          <dd>{p.employerName}</dd>
          <dt>{t(`${k}.trade`)}</dt>
          <dd>{p.trade}</dd>
          <dt>{t(`${k}.years`)}</dt>
          <dd>{t(`${k}.yearsValue`, { count: p.years })}</dd>
          <dt>{t(`${k}.frontLine`)}</dt>
          <dd>
            {p.isFrontLine ? t('campaignsPublic.nominate.yes') : t('campaignsPublic.nominate.no')}
          </dd>
        </dl>
        <h3>{t(`${k}.achievements`)}</h3>
        <p className="cp-pre">{p.achievements}</p>
        {p.photoUrls.length > 0 ? (
          <>
            <h3>{t(`${k}.photos`)}</h3>
            {p.photoUrls.map((url, i) => (
              <img
                key={url}
                className="cp-photo-lg"
                style={{ marginBottom: '0.6em' }}
                src={sizedImageSrc(url, 640)}
                srcSet={imageSrcSet(url)}
                sizes={PAGE_WIDE_IMAGE}
                alt={t('campaignsPublic.candidate.photoAltN', { name: p.nomineeName, n: i + 1 })}
              />
            ))}
          </>
        ) : null}
        {video ? (
          <p>
            {t(`${k}.video`)}{' '}
            <a href={video} target="_blank" rel="noopener noreferrer">
              {video}
            </a>
          </p>
        ) : null}
        <p className="cp-small cp-muted">{t(`${k}.notPublished`)}</p>
      </section>

      {p.state === 'awaiting_consent' ? (
        <>
          <p>{t(`${k}.question`)}</p>
          {decide.error ? (
            <Notice kind="error" role="alert">
              {errorMessage(t, decide.error)}
            </Notice>
          ) : null}
          <div className="cp-actions">
            <button
              type="button"
              className="cp-btn cp-btn-primary cp-btn-block"
              disabled={decide.isPending}
              onClick={() => decide.mutate('consent')}
            >
              {t(`${k}.consent`)}
            </button>
            <button
              type="button"
              className="cp-btn cp-btn-danger cp-btn-block"
              disabled={decide.isPending}
              onClick={() => {
                if (window.confirm(t(`${k}.declineConfirm`))) decide.mutate('decline')
              }}
            >
              {t(`${k}.decline`)}
            </button>
          </div>
        </>
      ) : null}
    </PublicShell>
  )
}
