import type { Campaign, CampaignPhase } from '@unionhall/contracts'
import { SCHEDULED_PHASES } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { beforeTodaysHours, clock, formatWhen, withinHours } from './time'

export type VotingState =
  | { kind: 'open' }
  /** startsAt is null when the planned start has passed (staff open voting by hand). */
  | { kind: 'notYet'; startsAt: string | null }
  | { kind: 'outsideHours'; today: boolean }
  | { kind: 'closed' }

const ORDER: readonly CampaignPhase[] = [
  'draft',
  ...SCHEDULED_PHASES,
  'announced',
] as readonly CampaignPhase[]

export const phaseIndex = (p: CampaignPhase) => ORDER.indexOf(p)
export const phaseAtLeast = (c: Pick<Campaign, 'phase'>, p: CampaignPhase) =>
  phaseIndex(c.phase) >= phaseIndex(p)

/** Whether a ballot would be taken now, judged on the page (the server decides for real). */
export const votingState = (c: Campaign, now: Date): VotingState => {
  if (phaseIndex(c.phase) < phaseIndex('voting')) {
    // A campaign whose phases staff advance by hand can reach its planned voting start before
    // voting opens: a date already past is no promise, so none is given.
    const startsAt = c.schedule.voting.startsAt
    return { kind: 'notYet', startsAt: Date.parse(startsAt) > now.getTime() ? startsAt : null }
  }
  if (c.phase !== 'voting') return { kind: 'closed' }
  if (c.phaseMode === 'auto') {
    if (now.toISOString() < c.schedule.voting.startsAt)
      return { kind: 'notYet', startsAt: c.schedule.voting.startsAt }
    if (now.toISOString() >= c.schedule.voting.endsAt) return { kind: 'closed' }
  }
  if (!withinHours(c.rules.hours, now)) {
    return { kind: 'outsideHours', today: beforeTodaysHours(c.rules.hours!, now) }
  }
  return { kind: 'open' }
}

/** The voting hours in words: "每天 8:00–22:00 可以投票" or "全天可以投票". */
export const hoursText = (t: TFunction, c: Campaign) =>
  c.rules.hours
    ? t('campaignsPublic.rules.hours', {
        start: clock(c.rules.hours.start),
        end: clock(c.rules.hours.end),
      })
    : t('campaignsPublic.rules.allDay')

/** When voting opens: its planned start while that is ahead, else that it is not open yet. */
const votingStartText = (t: TFunction, startsAt: string | null, now: Date) =>
  startsAt
    ? t('campaignsPublic.vote.notYet', { when: formatWhen(t, startsAt, now) })
    : t('campaignsPublic.vote.notYetNoDate')

/**
 * The home page's line before the voting phase: "投票将于 5 月 1 日 08:00 开始", or, once that
 * planned start has passed without voting opening, that it has not opened yet, with no date.
 */
export const votingFromText = (t: TFunction, c: Campaign, now: Date): string => {
  const s = votingState(c, now)
  return s.kind === 'notYet' && s.startsAt
    ? t('campaignsPublic.home.votingFrom', { when: formatWhen(t, s.startsAt, now) })
    : t('campaignsPublic.vote.notYetNoDate')
}

/** Why the vote button does nothing now, in plain words; null when voting is open. */
export const votingClosedText = (t: TFunction, c: Campaign, now: Date): string | null => {
  const s = votingState(c, now)
  switch (s.kind) {
    case 'open':
      return null
    case 'notYet':
      return votingStartText(t, s.startsAt, now)
    case 'outsideHours':
      return t(
        s.today ? 'campaignsPublic.vote.outsideHoursToday' : 'campaignsPublic.vote.outsideHours',
        { start: clock(c.rules.hours!.start), end: clock(c.rules.hours!.end) },
      )
    case 'closed':
      return phaseAtLeast(c, 'announced')
        ? t('campaignsPublic.vote.closedAnnounced')
        : t('campaignsPublic.vote.closed')
  }
}

/**
 * The state of the campaign in one sentence: "投票进行中，截止 5 月 20 日 22:00". A phase that
 * staff advance by hand can outlast its planned end; its end is then not given as a deadline.
 * While voting is open but not at this hour, the sentence gives no deadline (votingClosedText
 * says when voting resumes).
 */
export const phaseSummary = (t: TFunction, c: Campaign, now: Date = new Date()): string => {
  if (c.phase === 'draft' || c.phase === 'announced')
    return t(`campaignsPublic.phaseSummary.${c.phase}`)
  if (c.phase === 'voting') {
    const state = votingState(c, now).kind
    // Not at this hour: no deadline here; votingClosedText, shown beside it, says when.
    if (state === 'outsideHours') return t('campaignsPublic.phaseSummary.votingNoEnd')
    if (state === 'notYet') return t('campaignsPublic.phaseSummary.votingSoon')
    if (state === 'closed') return t('campaignsPublic.phaseSummary.votingEnded')
  }
  const period = c.schedule[c.phase]
  if (period.endsAt <= now.toISOString()) return t(`campaignsPublic.phaseSummary.${c.phase}NoEnd`)
  return t(`campaignsPublic.phaseSummary.${c.phase}`, { end: formatWhen(t, period.endsAt, now) })
}

export type TimelineItem = {
  phase: CampaignPhase
  startsAt: string | null
  endsAt: string | null
  state: 'done' | 'current' | 'upcoming'
}

export const timeline = (c: Campaign): TimelineItem[] => {
  const cur = phaseIndex(c.phase)
  const items: TimelineItem[] = SCHEDULED_PHASES.map((p) => ({
    phase: p,
    startsAt: c.schedule[p].startsAt,
    endsAt: c.schedule[p].endsAt,
    state: phaseIndex(p) < cur ? 'done' : phaseIndex(p) === cur ? 'current' : 'upcoming',
  }))
  items.push({
    phase: 'announced',
    startsAt: null,
    endsAt: null,
    state: c.phase === 'announced' ? 'current' : 'upcoming',
  })
  return items
}
