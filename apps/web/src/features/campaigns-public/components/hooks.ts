import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useLocation, useParams } from 'react-router'
import { memberLoginPath, memberRegisterPath } from '../../account-public/go-next'
import type { Campaign } from '@unionhall/contracts'
import { useSession } from '../../../lib/session'
import {
  getCampaign,
  getNominationEligibility,
  publicCampaignKeys,
} from '../api/public-campaigns-api'

export const useCampaignId = () => useParams().campaignId ?? ''

export const useCampaign = (campaignId: string) =>
  useQuery({
    queryKey: publicCampaignKeys.campaign(campaignId),
    queryFn: ({ signal }) => getCampaign(campaignId, signal),
    enabled: campaignId !== '',
    staleTime: 30_000,
  })

/**
 * Whether the signed-in member may nominate in this campaign while nominations are open: false
 * for a member outside its unions, who is told so before the long form. null while unknown
 * (signed out, loading, another phase, or the check failed): the form stays, the server decides.
 */
export const useNominationEligibility = (c: Campaign | undefined): boolean | null => {
  const { session } = useSession()
  const memberId = session?.member.id ?? ''
  const query = useQuery({
    queryKey: publicCampaignKeys.nominationEligibility(c?.id ?? '', memberId),
    queryFn: ({ signal }) => getNominationEligibility(c?.id ?? '', signal),
    enabled: !!c && c.phase === 'nomination' && memberId !== '',
    staleTime: 60_000,
  })
  return memberId !== '' && query.data ? query.data.eligibleToNominate : null
}

/** The current time, refreshed every half minute so hours and deadlines stay right on screen. */
export const useNow = (everyMs = 30_000) => {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const h = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(h)
  }, [everyMs])
  return now
}

export const campaignPath = (campaignId: string, rest = '') =>
  `/c/${encodeURIComponent(campaignId)}${rest}`

/**
 * The member sign-in page on this bundle (not the console's AntD login), coming back to this
 * page afterwards.
 */
export const useLoginPath = () => {
  const { pathname, search } = useLocation()
  return memberLoginPath(pathname + search)
}

/** Registration that comes back to this page afterwards, like useLoginPath. */
export const useRegisterPath = () => {
  const { pathname, search } = useLocation()
  return memberRegisterPath(pathname + search)
}
