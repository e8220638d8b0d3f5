import { CAMPAIGN_PHASES, type CampaignPhase } from '@unionhall/contracts'
import {} from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { ContrastTag } from './a11y'

export const PHASE_COLORS: Record<CampaignPhase, string> = {
  draft: 'default',
  nomination: 'blue',
  review: 'geekblue',
  publicity: 'cyan',
  voting: 'orange',
  jury: 'purple',
  result_publicity: 'gold',
  announced: 'green',
}

/** The phase after this one, or null once announced. */
export const nextPhase = (phase: CampaignPhase): CampaignPhase | null => {
  const i = CAMPAIGN_PHASES.indexOf(phase)
  return CAMPAIGN_PHASES[i + 1] ?? null
}

export const phaseIndex = (phase: CampaignPhase) => CAMPAIGN_PHASES.indexOf(phase)

/** Phases from this one on (inclusive): where tallies, candidates etc. exist. */
export const isAtOrAfter = (phase: CampaignPhase, than: CampaignPhase) =>
  phaseIndex(phase) >= phaseIndex(than)

export const phaseOptions = (t: TFunction) =>
  CAMPAIGN_PHASES.map((p) => ({ value: p, label: t(`campaigns.phase.${p}`) }))

export const PhaseTag = ({ phase }: { phase: CampaignPhase }) => {
  const { t } = useTranslation()
  return <ContrastTag color={PHASE_COLORS[phase]}>{t(`campaigns.phase.${phase}`)}</ContrastTag>
}
