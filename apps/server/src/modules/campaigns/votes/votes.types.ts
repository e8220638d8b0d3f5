import type { RISK_SIGNALS } from '@unionhall/contracts'

export type RiskSignal = (typeof RISK_SIGNALS)[number]
export type BallotStatus = 'counted' | 'flagged' | 'invalidated'
