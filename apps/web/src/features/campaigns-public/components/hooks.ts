import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
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

/** The sign-in page, returning here afterwards. A full load: the login page is not on this bundle. */
export const loginHref = () =>
  `/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`

/** Registration that comes back to this page afterwards, like loginHref. */
export const registerHref = () =>
  `/register?next=${encodeURIComponent(window.location.pathname + window.location.search)}`
