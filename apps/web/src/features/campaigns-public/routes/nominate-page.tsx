import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MyNomination } from '@unionhall/contracts'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../lib/error-message'
import { useSession } from '../../../lib/session'
import {
  createNomination,
  listMyNominations,
  publicCampaignKeys,
} from '../api/public-campaigns-api'
import {
  campaignPath,
  useCampaign,
  useCampaignId,
  useLoginPath,
  useNominationEligibility,
  useRegisterPath,
} from '../components/hooks'
import { NominationForm } from '../components/nomination-form'
import { LoadError, Loading, Notice, PublicShell } from '../components/shell'
import { phaseSummary } from '../lib/phase'

const statusTag: Record<MyNomination['status'], string> = {
  awaiting_consent: 'cp-tag cp-tag-warn',
  submitted: 'cp-tag',
  accepted: 'cp-tag cp-tag-ok',
  rejected: 'cp-tag cp-tag-bad',
  merged: 'cp-tag',
}

const MyNominations = ({ campaignId }: { campaignId: string }) => {
  const { t } = useTranslation()
  const mine = useQuery({
    queryKey: publicCampaignKeys.myNominations(campaignId),
    queryFn: ({ signal }) => listMyNominations(campaignId, signal),
  })
  return (
    <section className="cp-card" aria-labelledby="mine" id="mine-section">
      <h2 id="mine">{t('campaignsPublic.nominate.mineTitle')}</h2>
      {mine.isLoading ? <Loading /> : null}
      {mine.error ? <LoadError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && mine.data.length === 0 ? (
        <p>{t('campaignsPublic.nominate.mineEmpty')}</p>
      ) : null}
      <ul className="cp-list">
        {mine.data?.map((n) => (
          <li key={n.id} style={{ padding: '0.5em 0', borderBottom: '1px solid #e5e7eb' }}>
            <p className="cp-row" style={{ justifyContent: 'space-between' }}>
              <strong>{n.nomineeName}</strong>
              <span className={statusTag[n.status]}>
                {t(`campaignsPublic.nominate.status.${n.status}`)}
              </span>
            </p>
            <p className="cp-small cp-muted">
              {n.employerOrgName} · {n.trade}
            </p>
            <p className="cp-small">{t(`campaignsPublic.nominate.statusHelp.${n.status}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

export const Component = () => {
  const { t } = useTranslation()
  const loginPath = useLoginPath()
  const registerPath = useRegisterPath()
  const campaignId = useCampaignId()
  const campaign = useCampaign(campaignId)
  const c = campaign.data
  const { session, isLoading: sessionLoading } = useSession()
  const eligible = useNominationEligibility(campaign.data)
  const queryClient = useQueryClient()
  const [done, setDone] = useState<(MyNomination & { merged: boolean }) | null>(null)
  const submit = useMutation({
    mutationFn: (body: Parameters<typeof createNomination>[1]) =>
      createNomination(campaignId, body),
    onSuccess: (n) => {
      setDone(n)
      void queryClient.invalidateQueries({ queryKey: publicCampaignKeys.myNominations(campaignId) })
      window.scrollTo(0, 0)
    },
  })

  useEffect(() => {
    if (window.location.hash === '#mine' && session)
      document.getElementById('mine-section')?.scrollIntoView()
  }, [session])

  const title = done ? t('campaignsPublic.nominate.doneTitle') : t('campaignsPublic.nominate.title')
  if (!c) {
    return (
      <PublicShell title={title}>
        {campaign.error ? (
          <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />
        ) : (
          <Loading />
        )}
      </PublicShell>
    )
  }
  const home = { to: campaignPath(c.id), label: c.name }

  if (sessionLoading) {
    return (
      <PublicShell title={title} home={home}>
        <Loading />
      </PublicShell>
    )
  }
  if (!session) {
    return (
      <PublicShell title={title} home={home}>
        <Notice>
          <p>{t('campaignsPublic.nominate.signInHint')}</p>
          <Link className="cp-btn cp-btn-primary" to={loginPath}>
            {t('campaignsPublic.common.signIn')}
          </Link>
        </Notice>
        <p>
          {t('campaignsPublic.nominate.noAccount')}{' '}
          <Link className="cp-link-tap" to={registerPath}>
            {t('campaignsPublic.nominate.register')}
          </Link>
        </p>
      </PublicShell>
    )
  }

  if (done) {
    return (
      <PublicShell title={title} home={home}>
        <Notice kind="ok" role="status">
          <p className="cp-lead">
            {done.merged
              ? t('campaignsPublic.nominate.merged', { name: done.nomineeName })
              : t('campaignsPublic.nominate.done', { name: done.nomineeName })}
          </p>
          {done.status === 'awaiting_consent' ? (
            <p>
              {t('campaignsPublic.nominate.consentExplain', { mobile: done.nomineeMobileMasked })}
            </p>
          ) : null}
        </Notice>
        <div className="cp-actions">
          <button
            type="button"
            className="cp-btn cp-btn-block"
            onClick={() => {
              submit.reset()
              setDone(null)
            }}
          >
            {t('campaignsPublic.nominate.another')}
          </button>
          <Link className="cp-btn cp-btn-block" to={home.to}>
            {t('campaignsPublic.common.backHome')}
          </Link>
        </div>
        <MyNominations campaignId={c.id} />
      </PublicShell>
    )
  }

  return (
    <PublicShell title={title} home={home}>
      {c.phase !== 'nomination' ? (
        <Notice kind="warn" role="status">
          {t('campaignsPublic.nominate.closed', { state: phaseSummary(t, c) })}
        </Notice>
      ) : eligible === false ? (
        // Said before the long form, not after it (the server would refuse the submit).
        <Notice kind="warn" role="status">
          {t('campaignsPublic.nominate.notEligible', {
            org: c.orgName,
            own: session.member.orgName,
          })}
        </Notice>
      ) : (
        <>
          <p>{t('campaignsPublic.nominate.intro', { honour: c.honourTitle })}</p>
          <NominationForm
            categories={c.categories}
            pending={submit.isPending}
            serverError={submit.error ? errorMessage(t, submit.error) : null}
            onSubmit={(body) => submit.mutate(body)}
          />
        </>
      )}
      <MyNominations campaignId={c.id} />
    </PublicShell>
  )
}
