import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { useSession } from '../../../lib/session'
import { PAGE_WIDE_IMAGE, imageSrcOrNull, imageSrcSet, sizedImageSrc } from '../../../lib/web-link'
import { LoadError, Loading, PublicShell } from '../components/shell'
import {
  campaignPath,
  useCampaign,
  useCampaignId,
  useNominationEligibility,
  useNow,
} from '../components/hooks'
import { useVoter } from '../components/use-voter'
import { dailyLimitText, todayAllowance, voterRefusal } from '../lib/ballot-messages'
import {
  hoursText,
  phaseAtLeast,
  phaseSummary,
  timeline,
  votingClosedText,
  votingFromText,
} from '../lib/phase'
import { formatWhen } from '../lib/time'

export const Component = () => {
  const { t } = useTranslation()
  const campaignId = useCampaignId()
  const query = useCampaign(campaignId)
  const now = useNow()
  const c = query.data
  // The same receipts query as the vote page (shared cache): without a voter it stays idle.
  const { hasVoter, receipts } = useVoter(campaignId, c, now)
  const { session } = useSession()
  const eligibleToNominate = useNominationEligibility(c)

  if (!c) {
    const notFound = isApiError(query.error) && query.error.status === 404
    return (
      <PublicShell
        title={notFound ? t('campaignsPublic.home.notFound') : t('campaignsPublic.home.title')}
      >
        {query.isLoading ? <Loading /> : null}
        {query.error && !notFound ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : null}
        {notFound ? <p>{t('campaignsPublic.home.notFoundHint')}</p> : null}
      </PublicShell>
    )
  }

  const to = (rest: string) => campaignPath(c.id, rest)
  const cover = imageSrcOrNull(c.coverImageUrl)
  const voting = c.phase === 'voting'
  // During the voting phase a ballot may still not be taken now (outside the daily hours, or
  // before the first day): the banner says why and the vote button steps back, as on the vote
  // page, instead of inviting a vote the server refuses.
  // A signed-in voter who cannot vote today (today's votes used, or outside the campaign's
  // unions) is told so here too, and not invited to vote.
  const open = voting && votingClosedText(t, c, now) === null
  const refusal = open && hasVoter ? voterRefusal(t, receipts.error, c, now) : null
  const usedUp =
    open && hasVoter && receipts.data
      ? todayAllowance(receipts.data.items, c.rules, now).leftToday === 0
      : false
  const whyNotNow = voting
    ? (votingClosedText(t, c, now) ?? refusal ?? (usedUp ? dailyLimitText(t, c, now) : null))
    : null
  const leaderboardOpen =
    phaseAtLeast(c, 'voting') &&
    c.phase !== 'announced' &&
    (!c.rules.sealed || c.phase !== 'voting')

  return (
    <PublicShell title={c.name}>
      {cover ? (
        // Lazy, decoded off the main thread and after the page's own files; the box keeps its
        // 16:9 place while the image loads on a slow network, so the page below does not jump.
        <img
          className="cp-cover"
          src={sizedImageSrc(cover, 640)}
          srcSet={imageSrcSet(cover)}
          sizes={PAGE_WIDE_IMAGE}
          alt=""
          width={640}
          height={360}
          loading="lazy"
          decoding="async"
          fetchPriority="low"
        />
      ) : null}
      <p className="cp-lead">
        {t('campaignsPublic.home.honour', { honour: c.honourTitle, year: c.year })}
      </p>
      <p className="cp-muted">{t('campaignsPublic.home.organiser', { org: c.orgName })}</p>

      <div className="cp-notice" role="status">
        <p className="cp-lead">{phaseSummary(t, c, now)}</p>
        {whyNotNow ? <p>{whyNotNow}</p> : null}
        {phaseAtLeast(c, 'nomination') && !phaseAtLeast(c, 'voting') ? (
          <p>{votingFromText(t, c, now)}</p>
        ) : null}
      </div>

      <nav className="cp-actions" aria-label={t('campaignsPublic.home.actions')}>
        {c.phase === 'nomination' ? (
          <>
            {eligibleToNominate === false ? (
              <p className="cp-muted">
                {t('campaignsPublic.nominate.notEligible', {
                  org: c.orgName,
                  own: session?.member.orgName ?? '',
                })}
              </p>
            ) : (
              <Link className="cp-btn cp-btn-primary cp-btn-block" to={to('/nominate')}>
                {t('campaignsPublic.home.nominate')}
              </Link>
            )}
            <Link className="cp-btn cp-btn-block" to={to('/nominate#mine')}>
              {t('campaignsPublic.home.myNominations')}
            </Link>
          </>
        ) : null}
        {voting && !whyNotNow ? (
          <Link className="cp-btn cp-btn-primary cp-btn-block" to={to('/candidates')}>
            {t('campaignsPublic.home.vote')}
          </Link>
        ) : null}
        {voting && whyNotNow ? (
          <Link className="cp-btn cp-btn-block" to={to('/candidates')}>
            {t('campaignsPublic.home.candidates')}
          </Link>
        ) : null}
        {c.phase === 'announced' ? (
          <Link className="cp-btn cp-btn-primary cp-btn-block" to={to('/results')}>
            {t('campaignsPublic.home.results')}
          </Link>
        ) : c.phase === 'result_publicity' ? (
          <Link className="cp-btn cp-btn-primary cp-btn-block" to={to('/results')}>
            {t('campaignsPublic.home.resultsProvisional')}
          </Link>
        ) : null}
        {phaseAtLeast(c, 'publicity') && !voting ? (
          <Link className="cp-btn cp-btn-block" to={to('/candidates')}>
            {t('campaignsPublic.home.candidates')}
          </Link>
        ) : null}
        {leaderboardOpen ? (
          <Link className="cp-btn cp-btn-block" to={to('/leaderboard')}>
            {t('campaignsPublic.home.leaderboard')}
          </Link>
        ) : null}
        {phaseAtLeast(c, 'voting') ? (
          <Link className="cp-btn cp-btn-block" to={to('/receipts')}>
            {t('campaignsPublic.home.myReceipts')}
          </Link>
        ) : null}
      </nav>

      {c.phase === 'publicity' ? <p>{t('campaignsPublic.home.objectionHint')}</p> : null}

      <section className="cp-card" aria-labelledby="cp-rules">
        <h2 id="cp-rules">{t('campaignsPublic.home.rulesTitle')}</h2>
        <ul>
          <li>
            {c.rules.eligibility === 'sms'
              ? t('campaignsPublic.rules.smsVoters')
              : t('campaignsPublic.rules.memberVoters', { org: c.orgName })}
          </li>
          <li>{t('campaignsPublic.rules.perDay', { count: c.rules.votesPerDay })}</li>
          <li>{t('campaignsPublic.rules.perBallot', { count: c.rules.maxChoicesPerBallot })}</li>
          <li>
            {t('campaignsPublic.rules.perCandidate', { count: c.rules.maxPerCandidatePerDay })}
          </li>
          <li>{hoursText(t, c)}</li>
          {c.rules.sealed ? <li>{t('campaignsPublic.rules.sealed')}</li> : null}
          <li>
            {t('campaignsPublic.rules.weights', {
              vote: Math.round(c.rules.weights.publicVote * 100),
              jury: Math.round(c.rules.weights.jury * 100),
            })}
          </li>
        </ul>
      </section>

      <section className="cp-card" aria-labelledby="cp-cats">
        <h2 id="cp-cats">{t('campaignsPublic.home.categories')}</h2>
        <ul>
          {c.categories.map((cat) => (
            <li key={cat.id}>
              {t('campaignsPublic.home.category', { name: cat.name, count: cat.honourCount })}
            </li>
          ))}
        </ul>
      </section>

      {c.description ? (
        <section className="cp-card" aria-labelledby="cp-about">
          <h2 id="cp-about">{t('campaignsPublic.home.about')}</h2>
          <p className="cp-pre">{c.description}</p>
        </section>
      ) : null}

      <section className="cp-card" aria-labelledby="cp-timeline">
        <h2 id="cp-timeline">{t('campaignsPublic.home.timeline')}</h2>
        <ol className="cp-list cp-timeline">
          {timeline(c).map((item) => (
            <li
              key={item.phase}
              data-state={item.state}
              aria-current={item.state === 'current' ? 'step' : undefined}
            >
              <span>{t(`campaignsPublic.phase.${item.phase}`)}</span>
              {item.startsAt && item.endsAt ? (
                <span className="cp-muted cp-small">
                  {' '}
                  {t('campaignsPublic.time.range', {
                    from: formatWhen(t, item.startsAt, now),
                    to: formatWhen(t, item.endsAt, now),
                  })}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </PublicShell>
  )
}
