import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useLocation, useParams } from 'react-router'
import { memberLoginPath, memberRegisterPath } from '../../account-public/go-next'
import { getCampaign, publicCampaignKeys } from '../api/public-campaigns-api'

export const useCampaignId = () => useParams().campaignId ?? ''

export const useCampaign = (campaignId: string) =>
  useQuery({
    queryKey: publicCampaignKeys.campaign(campaignId),
    queryFn: ({ signal }) => getCampaign(campaignId, signal),
    enabled: campaignId !== '',
    staleTime: 30_000,
  })

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
